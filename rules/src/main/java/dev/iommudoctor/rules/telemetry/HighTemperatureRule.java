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
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU package runs hot when the bundle was taken. Throttling CPUs lengthen vCPU exits and
 * interrupt delivery, which shows up in passthrough guests as stutter and device timeouts. Only a
 * real reading counts: VMs and boards without sensors report nothing (not 0 degrees).
 */
@DiagnosticRule(id = "HIGH-CPU-TEMPERATURE", title = "CPU temperature is high",
        severity = Severity.WARNING, matrixRow = MatrixRow.ADVISORY, requires = Fact.TELEMETRY)
public final class HighTemperatureRule implements Rule {

    /** Most desktop and server parts throttle between 90 and 100 degrees C. */
    static final double WARN_AT = 85.0;
    static final double ERROR_AT = 95.0;

    @Override
    public RuleResult evaluate(HostModel host) {
        Optional<HostTelemetry> t = Telemetry.of(host);
        if (t.isEmpty() || t.get().cpuTemperature().isEmpty()) {
            return RuleResult.notApplicable("no temperature sensor reading (VMs and many boards have none)");
        }
        double c = t.get().cpuTemperature().getAsDouble();
        if (c < WARN_AT) {
            return RuleResult.passed();
        }
        String reading = String.format(Locale.ROOT, "%.1f", c);
        var b = finding().severity(c >= ERROR_AT ? Severity.ERROR : Severity.WARNING)
                .evidence(t.get().span(), "cpuTemperatureCelsius: " + reading
                        + (t.get().fanRpm().isEmpty() ? ", no fan readings" : ", fans " + t.get().fanRpm() + " rpm"))
                .message("The CPU package was at %s degrees C when the bundle was collected%s. Near its throttle point the CPU "
                        + "slows down, and passthrough guests see latency spikes and device timeouts.", reading,
                        t.get().fanRpm().isEmpty() ? "" : " (fans " + t.get().fanRpm() + " rpm)")
                .remedy("check cooling: fan curves in the firmware, dust, heatsink mounting; watch it under load with: sensors")
                .remedy("if the guest load causes it, cap it (CPU pinning to fewer cores, or a power limit)");
        return RuleResult.of(List.of(b.build()));
    }
}
