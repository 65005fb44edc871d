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
 * {@code allow_unsafe_interrupts=1} copied from a guide onto a host whose interrupt remapping works: VFIO
 * never needs it there, and leaving it set means a later firmware change that loses remapping goes unnoticed
 * (VFIO keeps working, unsafely, instead of refusing). When the bundle does not show the remapping state, the
 * advice says how to check.
 */
@DiagnosticRule(id = "ADVISE-UNSAFE-INTERRUPTS-UNNEEDED", title = "allow_unsafe_interrupts is set but not needed",
        severity = Severity.INFO, matrixRow = MatrixRow.ADVISORY, requiresAnyOf = {Fact.MODPROBE, Fact.CMDLINE, Fact.KERNEL_LOG})
public final class UnsafeInterruptsUnneededRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        UnsafeInterruptsSetting setting = UnsafeInterruptsSetting.of(host);
        Tri ir = host.iommu().interruptRemapping();
        if (!setting.present() || ir == Tri.NO
                || setting.evidence().stream().anyMatch(e -> e.text().contains("MSI interrupts are not secure"))) {
            return RuleResult.passed();
        }
        FindingBuilder f = finding();
        setting.evidence().forEach(f::evidence);
        host.iommu().interruptEvidence().forEach(f::evidence);
        if (ir == Tri.YES) {
            f.message("allow_unsafe_interrupts is set (%s) although interrupt remapping is enabled on this host: VFIO does "
                    + "not need it, and if remapping is ever lost (BIOS update or reset, intremap=off) VFIO will keep "
                    + "assigning devices without interrupt isolation instead of refusing.", setting.whereSet());
        } else {
            f.message("allow_unsafe_interrupts is set (%s); the bundle does not show whether interrupt remapping works. "
                    + "If it does, the option is unnecessary; if it does not, guests can inject interrupts into the host "
                    + "(IRQ-UNSAFE-INTERRUPTS).", setting.whereSet());
            f.remedy("check: dmesg | grep -e 'DMAR-IR: Enabled IRQ remapping' -e 'AMD-Vi: Interrupt remapping enabled'");
        }
        f.remedy("remove the allow_unsafe_interrupts setting (" + setting.whereSet() + ") and rebuild the initramfs: "
                + host.identity().distro().initramfsCommand().split("\n")[0]);
        f.remedy("after a reboot, cat /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts should print N");
        return RuleResult.of(List.of(f.build()));
    }
}
