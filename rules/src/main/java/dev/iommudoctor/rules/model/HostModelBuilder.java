package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.api.EventSink;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.BootCommandLine;
import dev.iommudoctor.parser.event.DmiInfo;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.HostTelemetry;
import dev.iommudoctor.parser.event.HypervisorDetected;
import dev.iommudoctor.parser.event.IommuAcpiTable;
import dev.iommudoctor.parser.event.IommuGroupAdded;
import dev.iommudoctor.parser.event.IommuGroupMember;
import dev.iommudoctor.parser.event.IommuStatus;
import dev.iommudoctor.parser.event.IommuVendor;
import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.KernelVersion;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.MemInfo;
import dev.iommudoctor.parser.event.NetInterface;
import dev.iommudoctor.parser.event.NodeDevice;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciEnumerated;
import dev.iommudoctor.parser.event.ProcCmdline;
import dev.iommudoctor.parser.event.SysfsAttribute;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import dev.iommudoctor.parser.input.SkippedInput;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the events of every input of one bundle and builds the {@link HostModel}. Memory stays
 * bounded on huge logs: unrecognized lines are looked at (driver names, CPU model) but not kept, and
 * each event type keeps at most {@value #MAX_PER_TYPE} events.
 */
public final class HostModelBuilder implements EventSink {

    static final int MAX_PER_TYPE = 50_000;

    /** dev_printk origins that name a bus or a core subsystem, not a driver bound to the device. */
    private static final Set<String> NOT_DRIVERS = Set.of("pci", "pci_bus", "iommu", "DMAR", "AMD-Vi", "ACPI", "acpi");

    private final Map<Class<? extends Event>, List<Event>> events = new LinkedHashMap<>();
    private final Set<Fact> facts = EnumSet.noneOf(Fact.class);
    private final List<ParseSummary> inputs = new ArrayList<>();
    private final List<SkippedInput> skipped = new ArrayList<>();
    private final Map<PciAddress, LogRecord> lastDriverLine = new HashMap<>();
    private final LogCopies copies = new LogCopies();
    private Optional<String> cpuModel = Optional.empty();
    private Optional<String> hostname = Optional.empty();
    private boolean acpiTablesListed;
    private Optional<EvidenceLine> acpiTableList = Optional.empty();
    private final List<QemuInvocation> qemuInvocations = new ArrayList<>();
    private final List<EvidenceLine> bootFramebuffer = new ArrayList<>();
    private int sysfsPciAttributes;

    @Override
    public void accept(Event event) {
        if (event instanceof LogEvent log) {
            observe(log.record());
        }
        if (event instanceof UnrecognizedLine) {
            return;
        }
        if (event instanceof LogEvent log && copies.isCopy(log)) {
            return;
        }
        List<Event> list = events.computeIfAbsent(event.getClass(), k -> new ArrayList<>());
        if (list.size() < MAX_PER_TYPE) {
            list.add(event);
        }
    }

    /** Cheap looks at every log record: which driver talks about which device, the CPU model, the host. */
    private void observe(LogRecord r) {
        BootFramebuffer.collect(r, bootFramebuffer);
        // QEMU/libvirt lines name devices too ("qemu-system-x86_64: ... vfio 0000:01:00.0: ..."): not a driver
        if (r.device().isPresent() && r.origin().isPresent() && !NOT_DRIVERS.contains(r.origin().get())
                && !r.origin().get().startsWith("qemu")) {
            lastDriverLine.put(r.device().get(), r);
        }
        if (cpuModel.isEmpty() && r.text().startsWith("smpboot: CPU0: ")) {
            String model = r.text().substring("smpboot: CPU0: ".length());
            int paren = model.indexOf(" (family");
            cpuModel = Optional.of((paren > 0 ? model.substring(0, paren) : model).trim());
        }
        if (!acpiTablesListed && (r.text().startsWith("ACPI: XSDT 0x") || r.text().startsWith("ACPI: RSDT 0x")
                || r.text().startsWith("ACPI: FACP 0x"))) {
            acpiTablesListed = true;
            acpiTableList = Optional.of(EvidenceLine.of(r.span(), r.text()));
        }
        if (hostname.isEmpty() && r.host().isPresent()) {
            hostname = r.host();
        }
        // QEMU command lines are not typed events (the parser keeps them as unrecognized records, which
        // are not stored); keep them here, bounded, for the memory/NUMA/device rules.
        if (qemuInvocations.size() < 1000 && QemuInvocation.looksLike(r)) {
            qemuInvocations.add(new QemuInvocation(r));
        }
    }

    public void input(ParseSummary summary) {
        inputs.add(summary);
        if (summary.lines() == 0) {
            return;
        }
        switch (summary.kind()) {
            case KERNEL_LOG -> facts.add(Fact.KERNEL_LOG);
            case QEMU_LOG -> facts.add(Fact.VM_LOG);
            case MEMINFO -> facts.add(Fact.MEMINFO);
            case MODPROBE_CONF -> facts.add(Fact.MODPROBE);
            case IP_LINK -> facts.add(Fact.NETWORK);
            default -> { }
        }
    }

    public void skipped(SkippedInput s) {
        skipped.add(s);
    }

    @SuppressWarnings("unchecked")
    private <T extends Event> List<T> list(Class<T> type) {
        return (List<T>) events.getOrDefault(type, List.of());
    }

    public HostModel build() {
        if (cpuModel.isEmpty()) {
            list(HostTelemetry.class).stream().flatMap(t -> t.cpuModel().stream()).findFirst().ifPresent(m -> cpuModel = Optional.of(m));
        }
        Optional<KernelInfo> kernel = kernel();
        BootParameters cmdline = cmdline();
        PciInventory pci = inventory();
        deriveFacts(kernel, cmdline, pci);
        HostIdentity identity = identity(kernel, pci);
        HostModel model = new HostModel(events, facts, inputs, skipped, identity, kernel, cmdline, pci, acpiTableList);
        model.qemuInvocations(qemuInvocations);
        model.bootFramebuffer = List.copyOf(bootFramebuffer);
        return model;
    }

    private Optional<KernelInfo> kernel() {
        List<KernelVersion> versions = list(KernelVersion.class);
        if (!versions.isEmpty()) {
            KernelVersion v = versions.get(versions.size() - 1);
            return KernelInfo.parse(v.version(), EvidenceLine.of(v.span(), v.record().text()));
        }
        // No "Linux version" line (log starts mid-boot): BOOT_IMAGE=/boot/vmlinuz-6.5.13-1-pve still tells.
        BootParameters p = cmdline();
        Optional<KernelInfo> fromImage = p.last("BOOT_IMAGE").flatMap(img -> {
            int i = img.indexOf("vmlinuz-");
            return i < 0 ? Optional.empty() : KernelInfo.parse(img.substring(i + "vmlinuz-".length()), p.evidence());
        });
        if (fromImage.isPresent()) {
            return fromImage;
        }
        // A bundle collected without a readable kernel log (an unprivileged dmesg) still has the release in its telemetry.
        for (HostTelemetry t : list(HostTelemetry.class)) {
            if (t.kernel().isPresent()) {
                return KernelInfo.parse(t.kernel().get(), EvidenceLine.of(t.span(), "kernel: " + t.kernel().get()));
            }
        }
        return Optional.empty();
    }

    private BootParameters cmdline() {
        List<ProcCmdline> proc = list(ProcCmdline.class);
        if (!proc.isEmpty()) {
            ProcCmdline c = proc.get(proc.size() - 1);
            BootParameters fromProc = new BootParameters(c.parameters(), BootParameters.NONE.evidence());
            return new BootParameters(c.parameters(), EvidenceLine.of(c.span(), fromProc.text()));
        }
        List<BootCommandLine> boot = list(BootCommandLine.class);
        if (!boot.isEmpty()) {
            BootCommandLine c = boot.get(boot.size() - 1);
            return new BootParameters(c.parameters(), EvidenceLine.of(c.span(), c.record().text()));
        }
        return BootParameters.NONE;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }


    private PciInventory inventory() {
        PciInventory.Builder b = new PciInventory.Builder();
        lastDriverLine.forEach((address, r) -> b.kernelLogDriver(address, r.origin().get(), r.span(), firstLine(r.text())));
        list(PciEnumerated.class).forEach(b::enumerated);
        list(IommuGroupAdded.class).forEach(b::groupAdded);
        list(NodeDevice.class).forEach(b::nodeDevice);
        list(IommuGroupMember.class).forEach(b::groupMember);
        list(PciDevice.class).forEach(b::lspci);
        sysfsPci(b);
        return b.build();
    }

    /** sysfs is read last: it is the kernel's own current view (collect writes it with every bundle). */
    private void sysfsPci(PciInventory.Builder b) {
        Set<PciAddress> withDriver = new java.util.HashSet<>();
        Map<PciAddress, dev.iommudoctor.parser.api.SourceSpan> withVendor = new java.util.TreeMap<>();
        for (SysfsAttribute a : list(SysfsAttribute.class)) {
            if (b.sysfs(a)) {
                sysfsPciAttributes++;
                PciAddress address = PciAddress.tryParse(a.path().split("/")[4]);
                if (a.path().endsWith("/driver")) {
                    withDriver.add(address);
                } else if (a.path().endsWith("/vendor")) {
                    withVendor.put(address, a.span());
                }
            }
        }
        b.sysfsUnbound(withDriver, withVendor);
    }

    private void deriveFacts(Optional<KernelInfo> kernel, BootParameters cmdline, PciInventory pci) {
        if (!list(KernelVersion.class).isEmpty() || !list(BootCommandLine.class).isEmpty()) {
            facts.add(Fact.BOOT_LOG);
        }
        if (!list(dev.iommudoctor.parser.event.PassthroughError.class).isEmpty()) {
            // QEMU/libvirt errors quoted in any file (a pasted fragment, a journal) are VM log evidence.
            facts.add(Fact.VM_LOG);
        }
        if (kernel.isPresent()) {
            facts.add(Fact.KERNEL_VERSION);
        }
        if (cmdline.present()) {
            facts.add(Fact.CMDLINE);
        }
        if (!pci.isEmpty() && (!list(PciDevice.class).isEmpty() || !list(NodeDevice.class).isEmpty()
                || !list(IommuGroupMember.class).isEmpty() || sysfsPciAttributes > 0)) {
            facts.add(Fact.PCI_DEVICES);
        }
        if (list(PciDevice.class).stream().anyMatch(d -> !d.capabilities().isEmpty())) {
            facts.add(Fact.PCI_CAPABILITIES);
        }
        if (!pci.groups().isEmpty()) {
            facts.add(Fact.IOMMU_GROUPS);
        }
        if (!list(MemInfo.class).isEmpty()) {
            facts.add(Fact.MEMINFO);
        }
        if (!list(NetInterface.class).isEmpty()) {
            facts.add(Fact.NETWORK);
        }
        if (pci.functions().stream().anyMatch(f -> f.numaNode().isPresent())) {
            facts.add(Fact.NUMA);
        }
        if (!list(dev.iommudoctor.parser.event.HostTelemetry.class).isEmpty()) {
            facts.add(Fact.TELEMETRY);
        }
        if (inputs.stream().anyMatch(s -> s.kind() == SourceKind.DEVICE_NODES)
                || list(dev.iommudoctor.parser.event.SourceNotCollected.class).stream()
                        .anyMatch(s -> s.source().equals("dev-vfio") && s.reason().equals("ABSENT"))) {
            // the collector saw that /dev/vfio does not exist: "no nodes" is a known fact
            facts.add(Fact.DEVICE_NODES);
        }
        if (list(SysfsAttribute.class).stream().anyMatch(a -> a.path().endsWith("/current_link_speed"))
                || list(PciDevice.class).stream().anyMatch(d -> d.capabilities().stream()
                        .anyMatch(c -> c instanceof dev.iommudoctor.parser.event.PciExpressCapability))) {
            facts.add(Fact.PCI_LINK);
        }
        if (inputs.stream().anyMatch(s -> s.kind() == SourceKind.MODPROBE_CONF)) {
            facts.add(Fact.MODPROBE);
        }
    }

    private HostIdentity identity(Optional<KernelInfo> kernel, PciInventory pci) {
        List<DmiInfo> dmi = list(DmiInfo.class);
        Optional<DmiInfo> lastDmi = dmi.isEmpty() ? Optional.empty() : Optional.of(dmi.get(dmi.size() - 1));
        List<HypervisorDetected> hv = list(HypervisorDetected.class);
        Distro distro = kernel.map(k -> Distro.fromKernelRelease(k.release())).orElse(Distro.UNKNOWN);
        return new HostIdentity(cpuVendor(pci), cpuModel, lastDmi.map(DmiInfo::system),
                lastDmi.flatMap(DmiInfo::biosVersion), lastDmi.flatMap(DmiInfo::biosDate),
                hv.isEmpty() ? Optional.empty() : Optional.of(hv.get(hv.size() - 1).hypervisor()), distro, hostname);
    }

    private CpuVendor cpuVendor(PciInventory pci) {
        if (cpuModel.isPresent()) {
            String m = cpuModel.get().toLowerCase(Locale.ROOT);
            if (m.contains("intel")) {
                return CpuVendor.INTEL;
            }
            if (m.contains("amd")) {
                return CpuVendor.AMD;
            }
        }
        for (IommuAcpiTable t : list(IommuAcpiTable.class)) {
            if (t.table().equals("DMAR")) {
                return CpuVendor.INTEL;
            }
            if (t.table().equals("IVRS")) {
                return CpuVendor.AMD;
            }
        }
        for (IommuStatus s : list(IommuStatus.class)) {
            if (IommuAssessment.indicatesHardware(s.state()) && !IommuAssessment.isOptionEcho(s)) {
                if (s.vendor() == IommuVendor.INTEL) {
                    return CpuVendor.INTEL;
                }
                if (s.vendor() == IommuVendor.AMD) {
                    return CpuVendor.AMD;
                }
            }
        }
        // The host bridge's vendor; last because a VM's emulated chipset says Intel whatever the CPU.
        return pci.get(new PciAddress(0, 0, 0, 0)).flatMap(PciFunction::vendorId).map(v -> switch (v) {
            case "8086" -> CpuVendor.INTEL;
            case "1022" -> CpuVendor.AMD;
            default -> CpuVendor.UNKNOWN;
        }).orElse(CpuVendor.UNKNOWN);
    }
}
