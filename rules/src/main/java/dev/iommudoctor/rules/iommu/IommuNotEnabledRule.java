package dev.iommudoctor.rules.iommu;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.CpuVendor;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment;
import dev.iommudoctor.rules.model.KernelInfo;
import dev.iommudoctor.rules.model.Tri;
import java.util.List;

/**
 * Intel host whose firmware has a DMAR table but whose kernel (older than 6.8, where VT-d DMA
 * remapping is off by default) was not given {@code intel_iommu=on}: interrupt remapping may be on,
 * but there are no IOMMU groups.
 */
@DiagnosticRule(id = "IOMMU-NOT-ENABLED", title = "Intel IOMMU present but not enabled (kernel default off before 6.8)",
        severity = Severity.ERROR, matrixRow = MatrixRow.IOMMU_PRESENCE, requires = {Fact.BOOT_LOG, Fact.KERNEL_VERSION})
public final class IommuNotEnabledRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        IommuAssessment iommu = host.iommu();
        KernelInfo kernel = host.kernel().get();
        if (host.identity().cpuVendor() != CpuVendor.INTEL || kernel.atLeast(6, 8) || iommu.enabled() == Tri.YES
                || iommu.disabledBy().isPresent() || iommu.firmwareTable() == Tri.NO) {
            return RuleResult.passed();
        }
        if (host.identity().isVirtualMachine()) {
            return RuleResult.notApplicable("VM guest; the IOMMU for passthrough is the hypervisor host's");
        }
        var f = finding()
                .message("Kernel %s leaves Intel VT-d DMA remapping off unless intel_iommu=on is given (on by default only "
                        + "from 6.8), and the boot log shows no 'DMAR: IOMMU enabled' and no IOMMU groups.%s", kernel.release(),
                        iommu.firmwareTable() == Tri.YES ? " The firmware does provide a DMAR table." : "")
                .evidence(kernel.evidence())
                .remedy("add intel_iommu=on (and iommu=pt to keep host DMA fast) in " + host.identity().distro().cmdlineHowTo())
                .remedy("reboot and check: dmesg | grep -e 'DMAR: IOMMU enabled' -e 'Adding to iommu group'");
        iommu.evidence().forEach(f::evidence);
        if (host.cmdline().present()) {
            f.evidence(host.cmdline().evidence());
        }
        // An error where passthrough is set up or attempted; on a host without it, a warning about what it would need.
        host.passthroughIntent().ifPresentOrElse(f::evidence, () -> f.severity(Severity.WARNING));
        return RuleResult.of(List.of(f.build()));
    }
}
