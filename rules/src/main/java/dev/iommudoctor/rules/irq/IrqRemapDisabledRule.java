package dev.iommudoctor.rules.irq;

import dev.iommudoctor.parser.event.InterruptRemapping;
import dev.iommudoctor.parser.event.IrqRemapState;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.Tri;
import java.util.List;

/**
 * DMA remapping is on but interrupt remapping is not ({@code DMAR-IR: Failed to enable irq remapping},
 * the 5500/5520/X58 erratum quirk, {@code AMD-Vi: Disabling interrupt remapping}, {@code intremap=off}),
 * or VFIO said so: {@code vfio_iommu_type1_attach_group: No interrupt remapping support.  Use the module param
 * "allow_unsafe_interrupts" ...}. Without it VFIO refuses to attach groups (type1 returns -EPERM), so
 * passthrough fails; it is an error when passthrough is configured and not worked around, else a warning.
 * Interrupt remapping in xAPIC mode (BIOS x2APIC opt-out) is remapping all the same and is not reported.
 */
@DiagnosticRule(id = "IRQ-REMAP-DISABLED", title = "Interrupt remapping is off while the IOMMU is on",
        severity = Severity.ERROR, matrixRow = MatrixRow.INTERRUPT_REMAPPING, requiresAnyOf = {Fact.KERNEL_LOG, Fact.CMDLINE})
public final class IrqRemapDisabledRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        IommuAssessment iommu = host.iommu();
        List<VfioEvent> refused = host.events(VfioEvent.class).stream()
                .filter(e -> e.kind() == VfioEventKind.NO_INTERRUPT_REMAPPING).toList();
        if (refused.isEmpty() && (iommu.interruptRemapping() != Tri.NO || iommu.enabled() == Tri.NO)) {
            return RuleResult.passed();
        }
        if (refused.isEmpty() && iommu.enabled() == Tri.UNKNOWN && host.identity().isVirtualMachine()) {
            return RuleResult.notApplicable("a VM guest without evidence of a virtual IOMMU");
        }
        boolean workedAround = UnsafeInterruptsSetting.of(host).present();
        boolean passthrough = PassthroughIntent.configuredOrAttempted(host);
        FindingBuilder f = finding().evidence(refused);
        iommu.interruptEvidence().forEach(f::evidence);
        List<PassthroughError> containerErrors = host.events(PassthroughError.class).stream()
                .filter(e -> e.kind() == PassthroughErrorKind.CONTAINER_SETUP_FAILED)
                .filter(e -> e.record().text().contains("Operation not permitted")).toList();
        f.evidence(containerErrors);
        containerErrors.forEach(e -> e.device().ifPresent(f::device));
        String why = why(host);
        String consequence;
        if (!refused.isEmpty() && !workedAround || passthrough && !workedAround) {
            f.severity(Severity.ERROR);
            consequence = refused.isEmpty()
                    ? " VFIO's type1 IOMMU driver refuses to attach a group without it (EPERM), so the passthrough configured on "
                    + "this host fails when a VM starts."
                    : " VFIO refused to attach a group " + refused.size() + " time(s) ('No interrupt remapping support')"
                    + (containerErrors.isEmpty() ? "" : " and QEMU failed with 'Failed to set iommu for container: Operation not permitted'")
                    + ": passthrough does not work on this host.";
        } else {
            f.severity(Severity.WARNING);
            consequence = workedAround
                    ? " allow_unsafe_interrupts is set, so VFIO accepts groups anyway, without interrupt isolation "
                    + "(see IRQ-UNSAFE-INTERRUPTS)."
                    : " No passthrough is configured yet; VFIO would refuse to attach groups (EPERM) until it is fixed.";
        }
        f.message("The IOMMU translates DMA but interrupt remapping is %s%s. Interrupt remapping is what stops a device "
                + "given to a VM from sending arbitrary MSIs (interrupt injection into the host).%s",
                iommu.interruptRemapping() == Tri.NO ? "off" : "unsupported", why, consequence);
        boolean byCmdline = host.cmdline().hasOption("intremap", "off") || host.cmdline().has("nointremap");
        if (byCmdline) {
            f.evidence(host.cmdline().evidence());
            f.remedy("remove intremap=off / nointremap from " + host.identity().distro().cmdlineHowTo() + ", then reboot");
        }
        if (byCmdline && host.events(InterruptRemapping.class).isEmpty()) {
            f.remedy("after the reboot check: dmesg | grep -e 'DMAR-IR: Enabled' -e 'AMD-Vi: Interrupt remapping enabled'");
        } else if (erratum(host)) {
            f.remedy("the kernel keeps interrupt remapping off on this Intel 5500/5520/X58 chipset stepping (erratum): "
                    + "install the vendor's latest BIOS as the message asks and re-check; if it stays off, run VMs with "
                    + "untrusted guests on a newer host");
        } else {
            f.remedy("enable VT-d / AMD-Vi with interrupt remapping in the firmware setup (some boards list 'Interrupt "
                    + "Remapping' separately) and update the BIOS; check after reboot: dmesg | grep -e 'DMAR-IR: Enabled' "
                    + "-e 'AMD-Vi: Interrupt remapping enabled'");
        }
        if (!workedAround) {
            f.remedy("only if every VM using passthrough is trusted: options vfio_iommu_type1 allow_unsafe_interrupts=1 in "
                + "/etc/modprobe.d/vfio.conf (then " + host.identity().distro().initramfsCommand().split("\n")[0]
                + ") lets VFIO work without interrupt isolation");
        }
        return RuleResult.of(List.of(f.build()));
    }

    private static boolean erratum(HostModel host) {
        return host.events(InterruptRemapping.class).stream().anyMatch(r -> r.state() == IrqRemapState.DISABLED_ERRATUM);
    }

    private static String why(HostModel host) {
        for (InterruptRemapping r : host.events(InterruptRemapping.class)) {
            switch (r.state()) {
                case DISABLED_ERRATUM -> {
                    return " (the kernel disabled it because of the Intel 5500/5520/X58 chipset erratum the BIOS did not handle)";
                }
                case FAILED -> {
                    return " (the kernel failed to enable it)";
                }
                default -> { }
            }
        }
        if (host.cmdline().hasOption("intremap", "off") || host.cmdline().has("nointremap")) {
            return " (turned off on the kernel command line)";
        }
        return "";
    }
}
