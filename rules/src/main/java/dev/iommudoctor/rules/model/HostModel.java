package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.input.SkippedInput;
import dev.iommudoctor.rules.api.Fact;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything known about one host, correlated from all inputs of a bundle: the typed events by kind,
 * which {@link Fact facts} the inputs provided, and the derived views rules ask about (identity,
 * kernel, effective parameters, PCI inventory and groups, IOMMU state). Built once by
 * {@link HostModelBuilder}; immutable afterwards.
 */
public final class HostModel {

    private final Map<Class<? extends Event>, List<Event>> eventsByType;
    private final Set<Fact> facts;
    private final List<ParseSummary> inputs;
    private final List<SkippedInput> skipped;
    private final HostIdentity identity;
    private final Optional<KernelInfo> kernel;
    private final BootParameters cmdline;
    private final PciInventory pci;
    private final Optional<dev.iommudoctor.rules.api.EvidenceLine> acpiTableList;
    private IommuAssessment iommu;
    private VfioConfig vfio;
    private Optional<dev.iommudoctor.rules.api.EvidenceLine> passthroughIntent;
    private List<QemuInvocation> qemuInvocations = List.of();
    private PciTopology topology;
    private HugePageConfig hugepages;
    /** Set once by the builder; see {@link #bootFramebuffer()}. */
    List<dev.iommudoctor.rules.api.EvidenceLine> bootFramebuffer = List.of();

    HostModel(Map<Class<? extends Event>, List<Event>> eventsByType, Set<Fact> facts, List<ParseSummary> inputs,
              List<SkippedInput> skipped, HostIdentity identity, Optional<KernelInfo> kernel, BootParameters cmdline,
              PciInventory pci, Optional<dev.iommudoctor.rules.api.EvidenceLine> acpiTableList) {
        this.acpiTableList = acpiTableList;
        this.eventsByType = eventsByType;
        this.facts = Collections.unmodifiableSet(facts.isEmpty() ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(facts));
        this.inputs = List.copyOf(inputs);
        this.skipped = List.copyOf(skipped);
        this.identity = identity;
        this.kernel = kernel;
        this.cmdline = cmdline;
        this.pci = pci;
    }

    /** All events of one type, in input order (files in walk order, lines ascending). */
    @SuppressWarnings("unchecked")
    public <T extends Event> List<T> events(Class<T> type) {
        return (List<T>) eventsByType.getOrDefault(type, List.of());
    }

    public boolean has(Fact fact) {
        return facts.contains(fact);
    }

    public Set<Fact> facts() {
        return facts;
    }

    /** What each input was read as, with counts and problems. */
    public List<ParseSummary> inputs() {
        return inputs;
    }

    /** Bundle members not read, with the reason. */
    public List<SkippedInput> skipped() {
        return skipped;
    }

    public HostIdentity identity() {
        return identity;
    }

    public Optional<KernelInfo> kernel() {
        return kernel;
    }

    /** The kernel parameters in effect (empty when the bundle has neither /proc/cmdline nor a boot log). */
    public BootParameters cmdline() {
        return cmdline;
    }

    public PciInventory pci() {
        return pci;
    }

    /** What the host is configured to pass through, and how. */
    public synchronized VfioConfig vfio() {
        if (vfio == null) {
            vfio = VfioConfig.of(this);
        }
        return vfio;
    }

    /**
     * The line showing this host is set up for (or attempting) passthrough, if any; rules use it to
     * tell an error on a virtualisation host from a remark on a desktop.
     */
    public synchronized Optional<dev.iommudoctor.rules.api.EvidenceLine> passthroughIntent() {
        if (passthroughIntent == null) {
            passthroughIntent = PassthroughIntent.of(this);
        }
        return passthroughIntent;
    }

    void qemuInvocations(List<QemuInvocation> list) {
        this.qemuInvocations = List.copyOf(list);
    }

    /** QEMU command lines found in VM logs (libvirt {@code /var/log/libvirt/qemu/*.log}), in input order. */
    public List<QemuInvocation> qemuInvocations() {
        return qemuInvocations;
    }

    /** Which bridge each PCI function sits behind (from lspci {@code Bus: primary=, secondary=} lines). */
    public synchronized PciTopology pciTopology() {
        if (topology == null) {
            topology = PciTopology.of(pci);
        }
        return topology;
    }

    /** Huge page sizes and pools: requested on the command line, reserved at boot, present now. */
    public synchronized HugePageConfig hugepages() {
        if (hugepages == null) {
            hugepages = HugePageConfig.of(this);
        }
        return hugepages;
    }

    /** Kernel and /proc/iomem lines about firmware framebuffers (efifb, simpledrm, BOOTFB), see {@link BootFramebuffer}. */
    public List<dev.iommudoctor.rules.api.EvidenceLine> bootFramebuffer() {
        return bootFramebuffer;
    }

    /** True when the boot log lists the ACPI tables, so a missing DMAR/IVRS line means no such table. */
    public boolean acpiTablesListed() {
        return acpiTableList.isPresent();
    }

    /** A line of the boot log's ACPI table list (where a DMAR/IVRS line would be), when present. */
    public Optional<dev.iommudoctor.rules.api.EvidenceLine> acpiTableList() {
        return acpiTableList;
    }

    /** The effective IOMMU and interrupt-remapping state, judged from all evidence. */
    public synchronized IommuAssessment iommu() {
        if (iommu == null) {
            iommu = IommuAssessment.of(this);
        }
        return iommu;
    }
}
