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
import java.util.List;

/**
 * {@code amd_iommu=on} is copied from guides everywhere but is not an option: the kernel prints
 * {@code AMD-Vi: Unknown option - 'on'} and ignores it (AMD-Vi is on by default). Harmless, but it
 * misleads whoever reads the command line later.
 */
@DiagnosticRule(id = "IOMMU-INVALID-OPTION", title = "Kernel ignores an invalid IOMMU option",
        severity = Severity.INFO, matrixRow = MatrixRow.IOMMU_PRESENCE, requiresAnyOf = {Fact.KERNEL_LOG, Fact.CMDLINE})
public final class IommuInvalidOptionRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        List<IommuStatus> unknown = host.events(IommuStatus.class).stream()
                .filter(s -> s.state() == IommuState.UNKNOWN_OPTION).toList();
        boolean amdOnParam = host.cmdline().hasOption("amd_iommu", "on");
        if (unknown.isEmpty() && !amdOnParam) {
            return RuleResult.passed();
        }
        var f = finding().evidence(unknown);
        if (amdOnParam) {
            f.evidence(host.cmdline().evidence());
        }
        return RuleResult.of(List.of(f
                .message("The kernel rejected an IOMMU option%s and ignored it. On AMD the IOMMU is on by default; "
                        + "amd_iommu accepts fullflush, off, force_isolation, pgtbl_v1/v2 and similar, never 'on'.",
                        unknown.isEmpty() ? " (amd_iommu=on)" : "")
                .remedy("remove amd_iommu=on from " + host.identity().distro().cmdlineHowTo()
                        + "; keep iommu=pt if you want passthrough-mode host DMA")
                .build()));
    }
}
