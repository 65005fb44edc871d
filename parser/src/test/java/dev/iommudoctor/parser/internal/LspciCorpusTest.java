package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.ContentSniffer;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.AcsCapability;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.SriovCapability;
import dev.iommudoctor.parser.event.VendorSpecificCapability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the lspci parser over the real captures in {@code corpus.dir}/public (skipped when absent) and checks
 * the facts listed in the corpus MANIFEST.
 */
class LspciCorpusTest {

    /** A device header as the test counts them, independently of the parser's own splitter. */
    private static final Pattern HEADER = Pattern.compile(
            "^(?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7] \\S.*$", Pattern.MULTILINE);

    private static Path corpus() {
        Path dir = Path.of(System.getProperty("corpus.dir", "../../shared/corpus"), "public");
        if (!Files.isDirectory(dir)) {
            System.out.println("LspciCorpusTest skipped: no corpus at " + dir.toAbsolutePath());
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), "no corpus directory at " + dir.toAbsolutePath());
        return dir;
    }

    private static List<PciDevice> devices(String file) throws IOException {
        return devices(LspciTestSupport.parse(corpus().resolve(file)));
    }

    private static List<PciDevice> devices(List<Event> events) {
        return events.stream().filter(PciDevice.class::isInstance).map(PciDevice.class::cast).toList();
    }

    private static PciDevice at(List<PciDevice> devices, String address) {
        PciAddress a = PciAddress.parse(address);
        return devices.stream().filter(d -> d.address().equals(a)).findFirst().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> everyHeaderBecomesADeviceAndEveryFileSniffsAsLspci() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus())) {
            files = s.filter(p -> p.getFileName().toString().startsWith("lspci-")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.UTF_8);
            long headers = HEADER.matcher(text).results().count();
            List<Event> events = LspciTestSupport.parse(f);
            assertEquals(headers, devices(events).size(), "devices vs header lines");
            // real lspci output is read without a single syntax error, stray line or preamble
            assertEquals(List.of(), events.stream().filter(Diagnostic.class::isInstance).toList(), "diagnostics");
            int len = Math.min(bytes.length, ContentSniffer.HEAD_BYTES);
            SourceKind kind = ContentSniffer.sniff(f.getFileName().toString(), bytes, len);
            assertEquals(bytes.length == 0 ? SourceKind.EMPTY : SourceKind.LSPCI, kind, "sniffed kind");
            // every device's text survives: ids or names, and nothing was thrown away silently
            for (PciDevice d : devices(events)) {
                assertFalse(d.className().isEmpty() && d.description().isEmpty(), d.toString());
            }
        }));
    }

    @Test
    void emptyFileGivesNoDevicesAndNoDiagnostics() throws IOException {
        assertTrue(LspciTestSupport.parse(corpus().resolve("lspci-empty-sosreport-nnvv.txt")).isEmpty());
    }

    @Test
    void plainEpycServer() throws IOException {
        List<PciDevice> d = devices("lspci-plain-amd-epyc-h100-server.txt");
        assertEquals(149, d.size());
        for (String a : List.of("c1:00.0", "e1:00.0")) {
            PciDevice gpu = at(d, a);
            assertEquals("3D controller", gpu.className());
            assertEquals(Optional.of("NVIDIA Corporation"), gpu.vendor());
            assertTrue(gpu.description().contains("GH100 [H100L 94GB]"));
        }
        assertEquals(2, d.stream().filter(x -> x.vendor().equals(Optional.of("NVIDIA Corporation"))).count());
        assertEquals("VGA compatible controller", at(d, "62:00.0").className());
        assertTrue(d.stream().allMatch(x -> x.driverInUse().isEmpty() && x.iommuGroup().isEmpty()));
    }

    @Test
    void nnRyzen5700u() throws IOException {
        List<PciDevice> d = devices("lspci-nn-amd-5700u-pve-igpu.txt");
        assertEquals(35, d.size());
        assertEquals(Optional.of("1002:164c"), at(d, "05:00.0").vendorDeviceId());
        assertEquals(Optional.of("1002:1637"), at(d, "05:00.1").vendorDeviceId());
        assertEquals(Optional.of("1022:1631"), at(d, "00:00.2").vendorDeviceId());
        assertEquals(Optional.of("0300"), at(d, "05:00.0").classCode());
    }

    @Test
    void plainPhoenixWithoutFinalNewline() throws IOException {
        List<PciDevice> d = devices("lspci-plain-amd-phoenix-tesla-v100-no-final-newline.txt");
        assertEquals(47, d.size());
        assertTrue(at(d, "01:00.0").description().contains("GV100GL [Tesla V100 SXM2 32GB]"));
    }

    @Test
    void kunpengAcsSriovNoGroups() throws IOException {
        List<PciDevice> d = devices("lspci-vvnn-arm64-kunpeng920-acs-sriov-no-groups.txt");
        assertEquals(26, d.size());
        assertEquals(12, d.stream().flatMap(x -> x.capabilities().stream()).filter(AcsCapability.class::isInstance).count());
        assertTrue(d.stream().allMatch(x -> x.iommuGroup().isEmpty()));
        Map<String, Long> drivers = d.stream().filter(x -> x.driverInUse().isPresent())
                .collect(Collectors.groupingBy(x -> x.driverInUse().get(), Collectors.counting()));
        assertEquals(11L, drivers.get("pcieport"));
        assertEquals(2L, drivers.get("hisi_sas_v3_hw"));
        assertEquals(2L, drivers.get("xhci_hcd"));
        for (String one : List.of("nvme", "ahci", "hns3", "radeon", "snd_hda_intel", "ehci-pci", "ohci-pci")) {
            assertEquals(1L, drivers.get(one), one);
        }
        PciDevice radeon = at(d, "01:00.0");
        assertEquals(Optional.of("1002:6611"), radeon.vendorDeviceId());
        List<SriovCapability> sriov = d.stream().map(x -> x.capability(SriovCapability.class)).flatMap(Optional::stream).toList();
        assertFalse(sriov.isEmpty());
        assertTrue(sriov.stream().allMatch(s -> s.totalVfs().getAsInt() == 0));
    }

    @Test
    void intel82576SriovEnabled() throws IOException {
        List<PciDevice> d = devices("lspci-vvvx-intel-82576-igb-sriov-pf-enabled.txt");
        assertEquals(1, d.size());
        PciDevice nic = d.get(0);
        assertEquals(Optional.of("igb"), nic.driverInUse());
        SriovCapability s = nic.capability(SriovCapability.class).orElseThrow();
        assertTrue(s.enabled());
        assertEquals(8, s.initialVfs().getAsInt());
        assertEquals(8, s.totalVfs().getAsInt());
        assertEquals(1, s.numVfs().getAsInt());
        assertEquals(Optional.of("10ca"), s.vfDeviceId());
        assertTrue(nic.capability(AcsCapability.class).isEmpty());
    }

    @Test
    void samsungNvmeWithSpaceIndentation() throws IOException {
        PciDevice nvme = devices("lspci-vvvx-samsung-pm174x-nvme-iommu-group-sriov-space-indent.txt").get(0);
        assertEquals(PciAddress.parse("2e:00.0"), nvme.address());
        assertEquals(76, nvme.iommuGroup().getAsInt());
        assertEquals(Optional.of("nvme"), nvme.driverInUse());
        SriovCapability s = nvme.capability(SriovCapability.class).orElseThrow();
        assertFalse(s.enabled());
        assertEquals(64, s.totalVfs().getAsInt());
        assertEquals(0, s.numVfs().getAsInt());
        assertTrue(nvme.capability(AcsCapability.class).isEmpty());
        assertTrue(nvme.capabilities().size() >= 10, nvme.capabilities().toString());
    }

    @Test
    void plxSwitchAcsCapableButDisabled() throws IOException {
        PciDevice port = devices("lspci-vvvx-plx-switch-acs-disabled-dpc.txt").get(0);
        assertEquals(Optional.of("10b5:9716"), port.vendorDeviceId());
        assertEquals(Optional.of("0604"), port.classCode());
        assertEquals(Optional.of("pcieport"), port.driverInUse());
        AcsCapability acs = port.capability(AcsCapability.class).orElseThrow();
        assertTrue(acs.isolationCapable());
        assertFalse(acs.isolationEnabled());
        assertTrue(acs.acsCtl().values().stream().noneMatch(v -> v));
    }

    @Test
    void laptopRootPortAcs() throws IOException {
        List<PciDevice> d = devices("lspci-vvvx-laptop-rootport-acs-mx150-thunderbolt.txt");
        assertEquals(4, d.size());
        AcsCapability acs = at(d, "00:1c.0").capability(AcsCapability.class).orElseThrow();
        assertEquals(Boolean.FALSE, acs.acsCap().get("UpstreamFwd"));
        assertEquals(Boolean.TRUE, acs.acsCap().get("SrcValid"));
        assertFalse(acs.isolationEnabled());
        assertEquals("3D controller", at(d, "02:00.0").className());
    }

    @Test
    void dsaAndSkylakeGroupsAndTranslationCaps() throws IOException {
        PciDevice dsa = devices("lspci-vvvx-intel-dsa-idxd-iommu-group-ats-pasid.txt").get(0);
        assertEquals(38, dsa.iommuGroup().getAsInt());
        assertEquals(Optional.of("idxd"), dsa.driverInUse());
        assertEquals(Optional.of("8086:0b25"), dsa.vendorDeviceId());
        PciDevice igd = devices("lspci-vvvx-intel-skylake-i915-ats-pasid-pri.txt").get(0);
        assertEquals(Optional.of("i915"), igd.driverInUse());
        assertTrue(igd.iommuGroup().isEmpty());
        for (PciDevice dev : List.of(dsa, igd)) {
            assertTrue(dev.capability(dev.iommudoctor.parser.event.AtsCapability.class).isPresent());
            assertTrue(dev.capability(dev.iommudoctor.parser.event.PasidCapability.class).isPresent());
            assertTrue(dev.capability(dev.iommudoctor.parser.event.PriCapability.class).isPresent());
        }
    }

    @Test
    void brokenEcapsAndOldLaptopSurvive() throws IOException {
        List<PciDevice> ati = devices("lspci-vvvx-ati-rs690-broken-ecaps.txt");
        assertEquals(1, ati.size());
        assertEquals("Host bridge", ati.get(0).className());
        List<PciDevice> ich7 = devices("lspci-vvvx-ich7-laptop-16-devices.txt");
        assertEquals(16, ich7.size());
        Function<String, Long> count = drv -> ich7.stream().filter(x -> x.driverInUse().equals(Optional.of(drv))).count();
        assertEquals(1L, count.apply("HDA Intel"));
        assertEquals(4L, count.apply("uhci_hcd"));
        assertEquals(1L, count.apply("ath9k"));
    }

    @Test
    void virtioGuestDevices() throws IOException {
        List<PciDevice> d = devices("lspci-vvvx-virtio-guest-devices.txt");
        assertEquals(2, d.size());
        assertTrue(d.stream().allMatch(x -> x.driverInUse().equals(Optional.of("virtio-pci"))));
        assertTrue(d.stream().allMatch(x -> x.capabilities().stream()
                .anyMatch(c -> c instanceof VendorSpecificCapability v && v.virtio())));
    }

    @Test
    void nvidiaBugReportDoesNotCrash() {
        Path f = corpus().resolve("other-nvidia-bug-report-quadro-k2200-haswell.log");
        assertDoesNotThrow(() -> {
            List<PciDevice> d = devices(LspciTestSupport.parse(f));
            // its "lspci -v" section: the Flags line carries the IOMMU group
            assertTrue(d.stream().anyMatch(x -> x.address().equals(PciAddress.parse("01:00.0"))
                    && x.iommuGroup().isPresent() && x.iommuGroup().getAsInt() == 1));
        });
    }
}
