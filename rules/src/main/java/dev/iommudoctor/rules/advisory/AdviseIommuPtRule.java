package dev.iommudoctor.rules.advisory;

import dev.iommudoctor.parser.event.DefaultDomain;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment.DomainMode;
import dev.iommudoctor.rules.model.PassthroughDevices;
import dev.iommudoctor.rules.model.Tri;
import java.util.List;

/**
 * A passthrough host whose own devices run in translated DMA domains ({@code iommu: Default domain
 * type: Translated}) without {@code iommu=pt}. Devices assigned to VMs get their own VFIO domain either
 * way; {@code iommu=pt} only stops the host from paying IOMMU map/unmap cost for the host's own NICs and
 * disks. Advice, not a fault: translated host DMA is also the safer default.
 */
@DiagnosticRule(id = "ADVISE-IOMMU-PT", title = "Passthrough host could use iommu=pt for its own devices",
        severity = Severity.INFO, matrixRow = MatrixRow.ADVISORY, requires = Fact.KERNEL_LOG)
public final class AdviseIommuPtRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        if (host.iommu().enabled() != Tri.YES || host.iommu().mode() != DomainMode.TRANSLATED || host.cmdline().hasOption("iommu", "pt")
                || host.cmdline().last("iommu.passthrough").map(v -> v.equals("1") || v.equalsIgnoreCase("y")).orElse(false)) {
            return RuleResult.passed();
        }
        PassthroughDevices intent = PassthroughDevices.of(host);
        if (!intent.any()) {
            return RuleResult.passed();
        }
        var f = finding().evidence(host.events(DefaultDomain.class));
        intent.evidence().stream().limit(4).forEach(f::evidence);
        if (host.cmdline().present()) {
            f.evidence(host.cmdline().evidence());
        }
        return RuleResult.of(List.of(f
                .message("This host passes devices to VMs, and its own devices use translated DMA (default domain Translated, "
                        + "no iommu=pt). VFIO devices get their own domain either way; iommu=pt would let the host's NICs and "
                        + "storage skip IOMMU map/unmap work, which matters for high packet or IOPS rates. The trade-off: "
                        + "host devices are then not confined by the IOMMU (devices the kernel marks untrusted, such as "
                        + "Thunderbolt, stay translated).")
                .remedy("optional: add iommu=pt to " + host.identity().distro().cmdlineHowTo()
                        + "; keep intel_iommu=on on Intel hosts before 6.8")
                .remedy("after reboot: dmesg | grep 'Default domain type' shows 'Passthrough (set via kernel command line)'")
                .build()));
    }
}
