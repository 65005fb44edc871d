package dev.iommudoctor.rules.telemetry;

import dev.iommudoctor.parser.event.HostTelemetry;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import java.util.List;
import java.util.Optional;

/**
 * The CPU shows neither {@code vmx} (Intel VT-x) nor {@code svm} (AMD-V): KVM cannot run guests at
 * all. On bare metal the firmware switched it off (it is usually switched off together with VT-d or
 * AMD-Vi); in a VM the hypervisor does not offer nested virtualisation.
 */
@DiagnosticRule(id = "CPU-VIRT-EXTENSIONS-MISSING", title = "CPU virtualization extensions (VT-x/AMD-V) missing or disabled",
        severity = Severity.ERROR, matrixRow = MatrixRow.IOMMU_PRESENCE, requires = Fact.TELEMETRY)
public final class CpuVirtExtensionsRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Optional<HostTelemetry> t = Telemetry.of(host);
        if (t.isEmpty() || !t.get().cpuFlagsKnown()) {
            return RuleResult.notApplicable("the telemetry has no CPU flags (not x86, or /proc/cpuinfo unreadable)");
        }
        HostTelemetry tel = t.get();
        if (!tel.virtualizationFlags().isEmpty()) {
            return RuleResult.passed();
        }
        String cpu = tel.cpuModel().orElse(tel.cpuVendor().orElse("the CPU"));
        boolean amd = tel.cpuVendor().map(v -> v.contains("AMD")).orElse(false) || cpu.contains("AMD");
        boolean intent = host.passthroughIntent().isPresent();
        var b = finding().evidence(tel.span(), "cpu: " + cpu + ", flags without " + (amd ? "svm" : "vmx")
                + (tel.hypervisorGuest() ? ", hypervisor flag set" : ""));
        host.passthroughIntent().ifPresent(b::evidence);
        if (tel.hypervisorGuest()) {
            // A VM without nested virtualisation is normal unless it is meant to run guests itself.
            b.severity(intent ? Severity.ERROR : Severity.INFO)
                    .message("This host is a VM (%s) and its CPU exposes no %s: it cannot run KVM guests, so nothing "
                            + "can be passed through from here.", cpu, amd ? "svm" : "vmx")
                    .remedy("on the physical host, enable nested virtualisation: options " + (amd ? "kvm_amd" : "kvm_intel")
                            + " nested=1 in /etc/modprobe.d/kvm.conf, and give this VM the host CPU model (host-passthrough)")
                    .remedy("or run iommu-doctor on the physical host, where passthrough is configured");
        } else {
            b.severity(intent ? Severity.ERROR : Severity.WARNING)
                    .message("%s exposes no %s flag: %s is disabled in the firmware (or unsupported), so KVM cannot start guests.",
                            cpu, amd ? "svm" : "vmx", amd ? "AMD-V (SVM Mode)" : "Intel VT-x")
                    .remedy("in the firmware setup enable " + (amd ? "'SVM Mode' (CPU configuration)" : "'Intel Virtualization Technology' (VT-x)")
                            + " and, for passthrough, " + (amd ? "'IOMMU' / 'AMD-Vi'" : "'VT-d'"))
                    .remedy("power-cycle (not just reboot: some boards apply it only from cold), then check: grep -cw "
                            + (amd ? "svm" : "vmx") + " /proc/cpuinfo   (expect a count > 0)");
        }
        return RuleResult.of(List.of(b.build()));
    }
}
