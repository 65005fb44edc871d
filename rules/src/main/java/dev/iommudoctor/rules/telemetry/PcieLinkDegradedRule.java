package dev.iommudoctor.rules.telemetry;

import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A passthrough device's PCIe link runs narrower or slower than both ends can do (LnkSta below
 * LnkCap). A narrower link is a seating, riser or slot-wiring problem and costs bandwidth all the
 * time. A slower link alone is often power management: GPUs drop to 2.5 GT/s when idle, so that is
 * only a note to re-check under load.
 */
@DiagnosticRule(id = "PCIE-LINK-DEGRADED", title = "Passthrough device's PCIe link runs below its capability",
        severity = Severity.WARNING, matrixRow = MatrixRow.MTU_PAYLOAD, requires = {Fact.PCI_DEVICES, Fact.PCI_LINK})
public final class PcieLinkDegradedRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        List<PciFunction> devices = PassthroughIntent.intendedFunctions(host);
        if (devices.isEmpty()) {
            return RuleResult.notApplicable("no device is bound to or configured for vfio-pci");
        }
        Map<PciAddress, PcieLinks.Link> links = PcieLinks.of(host);
        List<Finding> findings = new ArrayList<>();
        for (PciFunction f : devices) {
            PcieLinks.Link l = links.get(f.address());
            if (l == null || (!l.narrower() && !l.slower()) || sharesLinkWithEarlierFunction(f, devices, links)) {
                continue;
            }
            if (!l.narrower() && f.isDisplay()) {
                continue;  // GPUs drop to 2.5 GT/s when idle: a slower link alone is their normal rest state
            }
            var b = finding().device(f.address()).evidence(l.span(), f.address() + " " + l.text());
            if (l.narrower()) {
                b.message("%s trains at x%d of x%d%s: it has %d%% of its bandwidth in the guest. A narrower link is physical: "
                                + "the card is not fully seated, a riser or the slot is wired for fewer lanes, or lanes are shared "
                                + "with another slot or M.2 socket.", f.label(), l.width(), l.maxWidth(),
                        l.slower() ? String.format(Locale.ROOT, " and %.1f of %.1f GT/s", l.speed(), l.maxSpeed()) : "",
                        Math.round(100.0 * l.width() * Math.max(l.speed(), 0.1) / (l.maxWidth() * Math.max(l.maxSpeed(), 0.1))))
                        .remedy("check the board manual for which slot gives x" + l.maxWidth() + " and what shares its lanes; reseat the card")
                        .remedy("check under load: lspci -vv -s " + f.address() + " | grep -E 'LnkCap|LnkSta'");
            } else {
                b.severity(Severity.INFO)
                        .message(String.format(Locale.ROOT, "%s runs at %.1f of %.1f GT/s. GPUs and some NICs lower the link speed when idle, "
                                + "so this is expected at rest; under load it should reach %.1f GT/s.", f.label(), l.speed(), l.maxSpeed(), l.maxSpeed()))
                        .remedy("re-check while the guest loads the device: lspci -vv -s " + f.address() + " | grep LnkSta")
                        .remedy("if it stays low under load: set the slot's PCIe generation explicitly in the firmware instead of Auto");
            }
            findings.add(b.build());
        }
        return RuleResult.of(findings);
    }

    /** All functions of one device share its link: report it once, at the lowest passthrough function (01:00.0, not its audio 01:00.1). */
    private static boolean sharesLinkWithEarlierFunction(PciFunction f, List<PciFunction> devices, Map<PciAddress, PcieLinks.Link> links) {
        PciAddress a = f.address();
        return devices.stream().map(PciFunction::address).anyMatch(o -> o.domain() == a.domain() && o.bus() == a.bus()
                && o.device() == a.device() && o.function() < a.function() && links.containsKey(o));
    }
}
