package dev.iommudoctor.rules.iommu;

import dev.iommudoctor.parser.event.IommuState;
import dev.iommudoctor.parser.event.IommuStatus;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment;
import dev.iommudoctor.rules.model.Tri;

/**
 * The IOMMU is switched off by a kernel parameter ({@code intel_iommu=off}, {@code amd_iommu=off},
 * {@code iommu=off}) and the host shows no sign of DMA remapping: VFIO cannot work at all.
 */
@DiagnosticRule(id = "IOMMU-DISABLED", title = "IOMMU disabled on the kernel command line",
        severity = Severity.ERROR, matrixRow = MatrixRow.IOMMU_PRESENCE, requires = Fact.CMDLINE)
public final class IommuDisabledRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        IommuAssessment iommu = host.iommu();
        if (iommu.disabledBy().isEmpty() || iommu.enabled() == Tri.YES) {
            return RuleResult.passed();
        }
        String param = iommu.disabledBy().get();
        var f = finding()
                .message("The kernel was booted with %s, so DMA remapping is off: no IOMMU groups exist and vfio-pci "
                        + "cannot assign any device to a VM.", param)
                .evidence(host.cmdline().evidence());
        host.events(IommuStatus.class).stream().filter(s -> s.state() == IommuState.DISABLED).forEach(f::evidence);
        String enable = switch (host.identity().cpuVendor()) {
            case AMD -> "remove " + param + " (AMD-Vi is on by default; 'amd_iommu=on' is not a valid option)";
            case INTEL -> "replace " + param + " with intel_iommu=on";
            default -> "remove " + param + " and add intel_iommu=on on Intel hosts (AMD-Vi is on by default)";
        };
        host.passthroughIntent().ifPresentOrElse(f::evidence, () -> f.severity(Severity.WARNING));
        return RuleResult.of(java.util.List.of(f
                .remedy(enable + " in " + host.identity().distro().cmdlineHowTo())
                .remedy("reboot, then check: dmesg | grep -e DMAR -e AMD-Vi -e 'iommu group' | head")
                .build()));
    }
}
