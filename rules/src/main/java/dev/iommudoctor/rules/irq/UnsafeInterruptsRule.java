package dev.iommudoctor.rules.irq;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.Tri;
import java.util.List;

/**
 * {@code allow_unsafe_interrupts=1} on a host without interrupt remapping: VFIO attaches groups although
 * the platform cannot isolate MSIs, so a guest that owns a device can write arbitrary MSI messages and raise
 * interrupts (any vector, any CPU) in the host. The host-with-remapping case is ADVISE-UNSAFE-INTERRUPTS-UNNEEDED.
 */
@DiagnosticRule(id = "IRQ-UNSAFE-INTERRUPTS", title = "VFIO allows unsafe interrupts on a host without interrupt remapping",
        severity = Severity.WARNING, matrixRow = MatrixRow.INTERRUPT_REMAPPING,
        requiresAnyOf = {Fact.MODPROBE, Fact.CMDLINE, Fact.KERNEL_LOG})
public final class UnsafeInterruptsRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        UnsafeInterruptsSetting setting = UnsafeInterruptsSetting.of(host);
        if (!setting.present()) {
            return RuleResult.passed();
        }
        Tri ir = host.iommu().interruptRemapping();
        boolean iommufdWarned = setting.evidence().stream().anyMatch(e -> e.text().contains("MSI interrupts are not secure"));
        if (ir != Tri.NO && !iommufdWarned) {
            return RuleResult.passed();
        }
        FindingBuilder f = finding();
        setting.evidence().forEach(f::evidence);
        host.iommu().interruptEvidence().forEach(f::evidence);
        f.message("VFIO is told to allow unsafe interrupts (%s) and this host has no working interrupt remapping%s. "
                        + "VFIO therefore hands devices to VMs without MSI isolation: a guest driver (or a malicious guest) "
                        + "can make its device send arbitrary MSI writes and inject interrupts into the host. Acceptable "
                        + "only when every guest with a passed-through device is trusted.", setting.whereSet(),
                ir == Tri.NO ? "" : " (iommufd says MSI interrupts are not secure)");
        f.remedy("fix interrupt remapping first (see IRQ-REMAP-DISABLED): enable it in the firmware, update the BIOS, "
                + "remove intremap=off");
        f.remedy("once 'DMAR-IR: Enabled IRQ remapping' or 'AMD-Vi: Interrupt remapping enabled' shows in dmesg, delete the "
                + "allow_unsafe_interrupts line (" + setting.whereSet() + ") and rebuild the initramfs: "
                + host.identity().distro().initramfsCommand().split("\n")[0]);
        f.remedy("until then, pass devices only to trusted guests");
        return RuleResult.of(List.of(f.build()));
    }
}
