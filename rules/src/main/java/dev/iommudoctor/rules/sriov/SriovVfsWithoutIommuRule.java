package dev.iommudoctor.rules.sriov;

import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.SriovCapability;
import dev.iommudoctor.parser.event.SriovEnabled;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.model.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Virtual functions exist ({@code SR-IOV enabled with 8 VFs}, lspci {@code IOVCtl: Enable+} with VFs) but
 * DMA remapping is off: the VFs cannot be given to VMs through VFIO (no IOMMU groups), only used by
 * host drivers. Quiet when the IOMMU state is unknown (a lone lspci dump is not "IOMMU off").
 */
@DiagnosticRule(id = "SRIOV-VFS-WITHOUT-IOMMU", title = "SR-IOV VFs enabled while the IOMMU is off",
        severity = Severity.ERROR, matrixRow = MatrixRow.SRIOV, requiresAnyOf = {Fact.PCI_CAPABILITIES, Fact.KERNEL_LOG})
public final class SriovVfsWithoutIommuRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        if (host.identity().isVirtualMachine()) {
            return RuleResult.notApplicable("VM guest: its VFs (if any) are the hypervisor host's business");
        }
        if (host.iommu().enabled() != Tri.NO) {
            return RuleResult.passed();
        }
        Set<PciAddress> pfs = new TreeSet<>();
        List<EvidenceLine> ev = new ArrayList<>();
        int vfs = 0;
        for (PciFunction f : host.pci().functions()) {
            Optional<SriovCapability> cap = f.lspci().flatMap(d -> d.capability(SriovCapability.class));
            if (cap.isPresent() && cap.get().enabled() && cap.get().numVfs().orElse(0) > 0) {
                pfs.add(f.address());
                vfs += cap.get().numVfs().getAsInt();
                ev.add(new EvidenceLine(f.lspci().get().span().source(), f.lspci().get().span().line(),
                        f.address() + ": SR-IOV Enable+, Number of VFs: " + cap.get().numVfs().getAsInt()));
            }
        }
        List<SriovEnabled> enabled = host.events(SriovEnabled.class);
        for (SriovEnabled e : enabled) {
            if (e.pf().isEmpty() || pfs.add(e.pf().get())) {
                vfs += e.numVfs();
            }
        }
        if (pfs.isEmpty() && enabled.isEmpty()) {
            return RuleResult.passed();
        }
        var f = finding().devices(pfs).evidence(enabled);
        // VFs used only by host drivers (containers, host netdevs) are legitimate without an IOMMU: an error
        // only where the host is set up to hand devices to VMs
        host.passthroughIntent().ifPresentOrElse(f::evidence, () -> f.severity(Severity.WARNING));
        ev.forEach(f::evidence);
        host.iommu().evidence().stream().filter(l -> !l.text().contains("Default domain type")).forEach(f::evidence);
        host.iommu().disabledBy().ifPresent(p -> f.evidence(host.cmdline().evidence()));
        return RuleResult.of(List.of(f
                .message("%d virtual function(s) are enabled on %s, but DMA remapping is off%s. Without an IOMMU the VFs have "
                                + "no IOMMU groups, vfio-pci cannot take them, and a VM cannot be given one; only host drivers "
                                + "(iavf, ixgbevf, mlx5_core) can use them.%s", vfs, pfs.isEmpty() ? "this host" : String.join(", ",
                                pfs.stream().map(Object::toString).toList()),
                        host.iommu().disabledBy().map(p -> " (" + p + ")").orElse(""),
                        host.passthroughIntent().isPresent() ? "" : " Nothing in the bundle sets up passthrough yet, so this "
                                + "matters once the VFs are meant for guests.")
                .remedy("turn the IOMMU on: " + host.iommu().disabledBy().map(p -> "remove " + p + "; ").orElse("")
                        + "intel_iommu=on on Intel hosts before 6.8 (AMD-Vi is on by default), VT-d/AMD-Vi enabled in the "
                        + "firmware; set in " + host.identity().distro().cmdlineHowTo())
                .remedy("reboot and check: ls /sys/bus/pci/devices/<VF>/iommu_group")
                .remedy("do not work around it with vfio.enable_unsafe_noiommu_mode=1: that gives user space unrestricted DMA "
                        + "and cannot be used to assign devices to VMs")
                .build()));
    }
}
