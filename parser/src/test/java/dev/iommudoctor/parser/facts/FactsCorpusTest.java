package dev.iommudoctor.parser.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.ContentSniffer;
import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.GrubSetting;
import dev.iommudoctor.parser.event.IommuGroupMember;
import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.MemInfo;
import dev.iommudoctor.parser.event.ModprobeDirective;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.ProcCmdline;
import dev.iommudoctor.parser.event.UsbDeviceBehind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The MANIFEST facts of the real host facts files in the corpus (read through {@code corpus.dir}, never
 * copied into the repository): each file is sniffed as its kind and yields exactly the facts listed.
 */
class FactsCorpusTest {

    /** Events of one corpus file, parsed with its kind sniffed from content. */
    private record Parsed(SourceKind kind, List<Event> events) {
        <T> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static Path file(String folder, String name) {
        String dir = System.getProperty("corpus.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, folder)),
                "corpus.dir not set or missing; skipping corpus facts tests");
        Path p = Path.of(dir, folder, name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "corpus file missing: " + p);
        return p;
    }

    private static Parsed parse(String name) throws IOException {
        return parse("public", name);
    }

    private static Parsed parse(String folder, String name) throws IOException {
        List<Event> events = new ArrayList<>();
        ParseSummary summary = Parsers.parse(file(folder, name), ParseLimits.DEFAULT, events::add);
        return new Parsed(summary.kind(), events);
    }

    private static List<String> params(List<KernelParameter> ps) {
        return ps.stream().map(KernelParameter::toString).toList();
    }

    private static void assertNoDiagnostics(Parsed p) {
        assertEquals(List.of(), p.of(Diagnostic.class), "every line of a real file should be understood");
    }

    @Test
    void proxmoxCmdline() throws IOException {
        Parsed p = parse("cmdline-proxmox-intel-iommu-on-pt-isolcpus.txt");
        assertEquals(SourceKind.PROC_CMDLINE, p.kind());
        assertNoDiagnostics(p);
        ProcCmdline c = p.of(ProcCmdline.class).get(0);
        assertEquals(List.of("root=UUID=0307fdbf-fafd-47c2-b226-7b2b6071abe7", "intel_iommu=on", "iommu=pt",
                "isolcpus=2-7", "nohz_full=2-7", "rcu_nocbs=2-7"), params(c.parameters()));
        assertFalse(c.has("vfio-pci.ids"));
        assertFalse(c.has("hugepages"));
    }

    @Test
    void archCmdlineWithoutFinalNewline() throws IOException {
        Parsed p = parse("cmdline-arch-intel-iommu-on-no-final-newline.txt");
        assertEquals(SourceKind.PROC_CMDLINE, p.kind());
        assertNoDiagnostics(p);
        List<ProcCmdline> lines = p.of(ProcCmdline.class);
        assertEquals(1, lines.size());
        ProcCmdline c = lines.get(0);
        assertEquals(Optional.of("on"), c.lastValue("intel_iommu"));
        assertFalse(c.has("iommu"));
        assertFalse(c.has("root"));
        assertEquals(Optional.of("tries=4,discard,no-read-workqueue,no-write-workqueue"), c.lastValue("rd.luks.options"));
        assertEquals(Optional.of("35"), c.lastValue("zswap.max_pool_percent"));
        assertEquals("intel_pstate=support_acpi_ppc", c.parameters().get(c.parameters().size() - 1).toString());
        assertEquals(15, c.parameters().size());
    }

    @Test
    void rhcosCmdline() throws IOException {
        Parsed p = parse("cmdline-rhcos-hyperv-proc-cmdline.txt");
        assertEquals(SourceKind.PROC_CMDLINE, p.kind());
        ProcCmdline c = p.of(ProcCmdline.class).get(0);
        assertTrue(c.lastValue("BOOT_IMAGE").orElseThrow().endsWith("vmlinuz-4.18.0-80.11.2.el8_0.x86_64"));
        assertEquals(List.of("console=tty0", "console=ttyS0,115200n8"), params(c.parameters().stream()
                .filter(k -> k.name().equals("console")).toList()));
        assertEquals(Optional.of("metal"), c.lastValue("ignition.platform.id"));
        for (String absent : List.of("intel_iommu", "amd_iommu", "iommu", "vfio-pci.ids", "hugepages")) {
            assertFalse(c.has(absent), absent);
        }
    }

    @Test
    void pveGrubIgnoresTheCommentedOutCmdline() throws IOException {
        Parsed p = parse("other-grub-default-pve-amd-iommu-acs-override.txt");
        assertEquals(SourceKind.GRUB_DEFAULT, p.kind());
        assertNoDiagnostics(p);
        List<GrubSetting> defaults = p.of(GrubSetting.class).stream()
                .filter(s -> s.variable().equals("GRUB_CMDLINE_LINUX_DEFAULT")).toList();
        assertEquals(1, defaults.size());
        assertEquals(13, defaults.get(0).span().line());
        assertEquals(List.of("quiet", "amd_iommu=on", "iommu=pt", "nomodeset", "pcie_acs_override=downstream",
                "initcall_blacklist=sysfb_init"), params(defaults.get(0).parameters()));
        GrubSetting linux = setting(p, "GRUB_CMDLINE_LINUX");
        assertEquals("", linux.value());
        assertEquals(List.of(), linux.parameters());
        assertEquals("`lsb_release -i -s 2> /dev/null || echo Debian`", setting(p, "GRUB_DISTRIBUTOR").value());
    }

    @Test
    void kunpengGrub() throws IOException {
        Parsed p = parse("other-grub-default-kunpeng920.txt");
        assertEquals(SourceKind.GRUB_DEFAULT, p.kind());
        assertNoDiagnostics(p);
        for (String v : List.of("GRUB_CMDLINE_LINUX_DEFAULT", "GRUB_CMDLINE_LINUX")) {
            assertEquals(List.of("initcall_blacklist=hisi_ddrc_pmu_module_init"), params(setting(p, v).parameters()), v);
        }
        assertEquals("hidden", setting(p, "GRUB_TIMEOUT_STYLE").value());
    }

    @Test
    void sosreportGrubKeepsTheUnexpandedVariable() throws IOException {
        Parsed p = parse("other-sosreport-etc-default-grub-rhcos.txt");
        assertEquals(SourceKind.GRUB_DEFAULT, p.kind());
        assertNoDiagnostics(p);
        GrubSetting linux = setting(p, "GRUB_CMDLINE_LINUX");
        assertEquals("console=tty0 rootflags=defaults,prjquota rw $ignition_firstboot console=ttyS0,115200n8", linux.value());
        assertEquals(List.of("console=tty0", "rootflags=defaults,prjquota", "rw", "$ignition_firstboot",
                "console=ttyS0,115200n8"), params(linux.parameters()));
        assertEquals("$(sed 's, release .*$,,g' /etc/system-release)", setting(p, "GRUB_DISTRIBUTOR").value());
        assertEquals("serial console", setting(p, "GRUB_TERMINAL").value());
        assertEquals(8, p.of(GrubSetting.class).size());
    }

    private static GrubSetting setting(Parsed p, String variable) {
        return p.of(GrubSetting.class).stream().filter(s -> s.variable().equals(variable)).findFirst().orElseThrow();
    }

    @Test
    void sosreportMeminfoHasNoStaticHugepages() throws IOException {
        Parsed p = parse("other-sosreport-proc-meminfo-no-hugepages.txt");
        assertEquals(SourceKind.MEMINFO, p.kind());
        assertNoDiagnostics(p);
        List<MemInfo> all = p.of(MemInfo.class);
        assertEquals(1, all.size());
        MemInfo m = all.get(0);
        assertEquals(47, m.values().size());
        assertEquals(OptionalLong.of(0), m.hugePagesTotal());
        assertEquals(OptionalLong.of(0), m.hugePagesFree());
        assertEquals(OptionalLong.of(2048), m.hugepageSizeKb());
        assertEquals(OptionalLong.of(0), m.hugetlbKb());
        assertEquals(OptionalLong.of(141312), m.anonHugePagesKb());
        assertEquals(OptionalLong.of(8164548), m.memTotalKb());
        assertEquals(List.of("MemTotal", "MemFree"), m.values().keySet().stream().limit(2).toList());
        assertEquals(1, m.span().line());
        assertEquals(47, m.span().endLine());
    }

    @Test
    void modprobeVfioPciIds() throws IOException {
        Parsed p = parse("other-modprobe-vfio-pci-ids.conf");
        assertEquals(SourceKind.MODPROBE_CONF, p.kind());
        assertNoDiagnostics(p);
        ModprobeDirective d = p.of(ModprobeDirective.class).get(0);
        assertEquals("options", d.command());
        assertEquals("vfio-pci", d.module());
        assertEquals("vfio_pci", d.moduleKey());
        assertEquals(Map.of("ids", "1002:164c", "disable_vga", "1"), d.options());
    }

    @Test
    void modprobeUnsafeInterrupts() throws IOException {
        Parsed p = parse("other-modprobe-vfio-allow-unsafe-interrupts.conf");
        assertEquals(SourceKind.MODPROBE_CONF, p.kind());
        List<ModprobeDirective> all = p.of(ModprobeDirective.class);
        assertEquals(1, all.size());
        assertEquals("vfio_iommu_type1", all.get(0).moduleKey());
        assertEquals(Map.of("allow_unsafe_interrupts", "1"), all.get(0).options());
    }

    @Test
    void lsIommuListingOfAsusX670e() throws IOException {
        Parsed p = parse("other-iommu-groups-asus-x670e-lsiommu.txt");
        assertEquals(SourceKind.IOMMU_GROUPS, p.kind());
        assertNoDiagnostics(p);
        List<IommuGroupMember> members = p.of(IommuGroupMember.class);
        assertEquals(62, members.size());
        Map<Integer, List<String>> groups = new TreeMap<>();
        members.forEach(m -> groups.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m.device().toString()));
        assertEquals(IntStream.rangeClosed(0, 26).boxed().collect(Collectors.toCollection(TreeSet::new)), groups.keySet());
        assertEquals(List.of("0000:01:00.0", "0000:01:00.1"), groups.get(12));
        assertEquals(14, groups.get(15).size());
        assertTrue(groups.get(15).containsAll(List.of("0000:04:00.0", "0000:07:00.0", "0000:0a:00.0", "0000:0b:00.0",
                "0000:33:00.0")));
        assertTrue(groups.get(18).containsAll(List.of("0000:65:00.0", "0000:66:00.0", "0000:67:00.0")));
        IommuGroupMember gpu = members.stream().filter(m -> m.device().equals(PciAddress.parse("01:00.0"))).findFirst()
                .orElseThrow();
        assertEquals(Optional.of("10de:2206"), gpu.vendorDeviceId());
        assertEquals(Optional.of(true), gpu.resetCapable());
        assertEquals(Optional.of("VGA compatible controller: GA102 [GeForce RTX 3080]"), gpu.description());
        IommuGroupMember audio = members.stream().filter(m -> m.device().equals(PciAddress.parse("01:00.1")))
                .findFirst().orElseThrow();
        assertEquals(Optional.of(false), audio.resetCapable());
        List<UsbDeviceBehind> usb = p.of(UsbDeviceBehind.class);
        assertEquals(15, usb.size());
        UsbDeviceBehind receiver = usb.stream().filter(u -> u.vendorDeviceId().equals("046d:c52b")).findFirst()
                .orElseThrow();
        assertEquals(25, receiver.group());
        assertEquals(Optional.of(PciAddress.parse("6a:00.4")), receiver.controller());
        assertEquals(9, receiver.bus());
        assertEquals("Logitech, Inc. Unifying Receiver", receiver.description());
        // In group 18 the USB rows sit between 66:00.0 and 67:00.0: they belong to the USB controller 66:00.0.
        assertTrue(usb.stream().filter(u -> u.group() == 18)
                .allMatch(u -> u.controller().equals(Optional.of(PciAddress.parse("66:00.0")))));
    }

    @Test
    void groupListingPastedUnderAQemuError() throws IOException {
        Parsed p = parse("snippets", "snippet-qemu-vfio-group1-not-viable-gtx760.txt");
        assertEquals(SourceKind.IOMMU_GROUPS, p.kind());
        Map<Integer, List<String>> groups = new TreeMap<>();
        p.of(IommuGroupMember.class).forEach(m -> groups.computeIfAbsent(m.group(), g -> new ArrayList<>())
                .add(m.device().toString()));
        assertEquals(List.of("0000:00:01.0", "0000:01:00.0", "0000:01:00.1"), groups.get(1));
        assertEquals(new TreeSet<>(List.of(1, 3, 5, 7, 11, 13)), groups.keySet());
        // The QEMU error and its hint are not part of the listing: reported, not dropped.
        assertEquals(2, p.of(Diagnostic.class).size());
    }

    @Test
    void libvirtDomainWithThreeManagedHostdevs() throws IOException {
        Parsed p = parse("other-libvirt-domain-win10-3-hostdev.xml");
        assertEquals(SourceKind.DOMAIN_XML, p.kind());
        assertNoDiagnostics(p);
        List<DomainHostdev> hostdevs = p.of(DomainHostdev.class);
        assertEquals(List.of("0000:28:00.0", "0000:29:00.3", "0000:28:00.1"),
                hostdevs.stream().map(h -> h.device().toString()).toList());
        assertTrue(hostdevs.stream().allMatch(DomainHostdev::managed));
        assertTrue(hostdevs.stream().allMatch(h -> h.domainName().equals("win10")));
        assertEquals(Optional.of("/var/lib/libvirt/vbios/GPU.rom"), hostdevs.get(0).romFile());
        assertEquals(Optional.empty(), hostdevs.get(2).romFile());
        assertEquals(151, hostdevs.get(0).span().line());
        assertEquals(157, hostdevs.get(0).span().endLine());
        assertEquals(Optional.of(PciAddress.parse("06:00.0")), hostdevs.get(0).guestAddress());
    }

    /** Prints what every corpus file sniffs as, for the record; asserts the kinds of the facts files. */
    @Test
    void sniffedKindsOfTheCorpus() throws IOException {
        Path dir = file("public", "MANIFEST.tsv").getParent();
        Map<String, SourceKind> expected = Map.of(
                "cmdline-", SourceKind.PROC_CMDLINE,
                "other-grub-", SourceKind.GRUB_DEFAULT,
                "other-sosreport-etc-default-grub", SourceKind.GRUB_DEFAULT,
                "other-sosreport-proc-meminfo", SourceKind.MEMINFO,
                "other-modprobe-", SourceKind.MODPROBE_CONF,
                "other-iommu-groups-", SourceKind.IOMMU_GROUPS,
                "other-libvirt-domain-", SourceKind.DOMAIN_XML);
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                byte[] all = Files.readAllBytes(f);
                String name = f.getFileName().toString();
                SourceKind kind = ContentSniffer.sniff(name, all, Math.min(all.length, ContentSniffer.HEAD_BYTES));
                System.out.println("sniff " + kind + "\t" + name);
                expected.forEach((prefix, k) -> {
                    if (name.startsWith(prefix)) {
                        assertEquals(k, kind, name);
                    }
                });
            }
        }
    }
}
