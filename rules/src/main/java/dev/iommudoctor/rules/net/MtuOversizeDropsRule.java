package dev.iommudoctor.rules.net;

import dev.iommudoctor.parser.event.MtuEvent;
import dev.iommudoctor.parser.event.MtuEventKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel dropped packets larger than an interface's MTU
 * ({@code openvswitch: ovs-system: dropped over-mtu packet: 9014 > 1500}), or refused an MTU change
 * ({@code ixgbevf 0000:03:10.0: Error changing mtu to 9000, Max is 3046}, {@code eth0: Invalid MTU 9000
 * requested, hw max 1500}): the path is configured for frames some link cannot carry.
 */
@DiagnosticRule(id = "MTU-OVERSIZE-DROPS", title = "Oversized frames dropped or MTU change refused",
        severity = Severity.WARNING, matrixRow = MatrixRow.MTU_PAYLOAD, requires = Fact.KERNEL_LOG)
public final class MtuOversizeDropsRule implements Rule {

    private static final Pattern SIZES = Pattern.compile("(\\d+) > (\\d+)");

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<String, List<MtuEvent>> byIface = new LinkedHashMap<>();
        for (MtuEvent e : host.events(MtuEvent.class)) {
            if (e.kind() == MtuEventKind.OVER_MTU_DROP || e.kind() == MtuEventKind.CHANGE_FAILED
                    || e.kind() == MtuEventKind.INVALID) {
                String key = e.iface().or(() -> e.record().device().map(Object::toString)).orElse("?");
                byIface.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byIface.forEach((iface, events) -> findings.add(finding(iface, events)));
        return RuleResult.of(findings);
    }

    private Finding finding(String iface, List<MtuEvent> events) {
        FindingBuilder f = finding().evidence(events);
        events.forEach(e -> e.record().device().ifPresent(f::device));
        List<MtuEvent> drops = events.stream().filter(e -> e.kind() == MtuEventKind.OVER_MTU_DROP).toList();
        List<MtuEvent> refused = events.stream().filter(e -> e.kind() != MtuEventKind.OVER_MTU_DROP).toList();
        StringBuilder msg = new StringBuilder();
        if (!drops.isEmpty()) {
            int biggest = 0;
            int limit = 0;
            for (MtuEvent d : drops) {
                Matcher m = SIZES.matcher(d.record().text());
                if (m.find()) {
                    biggest = Math.max(biggest, Integer.parseInt(m.group(1)));
                    limit = Integer.parseInt(m.group(2));
                }
            }
            msg.append(String.format("%s dropped %d over-MTU packet(s)%s: a sender on this path uses a larger MTU than the "
                            + "port it leaves through, so those frames are lost (large transfers stall, small ones work).",
                    iface, drops.size(), biggest > 0 ? String.format(" (up to %d bytes against an MTU of %d)", biggest, limit) : ""));
            f.remedy("align the MTU of every port of " + iface + " with the largest frame it must forward: ip -d link show | grep -E 'mtu|master' "
                    + "; then ip link set dev <port> mtu " + (limit > 0 && biggest > limit ? "<" + biggest + " or lower the senders to " + limit + ">" : "<mtu>"));
        }
        if (!refused.isEmpty()) {
            MtuEvent r = refused.get(0);
            msg.append(msg.length() > 0 ? " " : "").append(String.format("The driver refused an MTU change on %s (%s): the "
                            + "hardware or the VF's PF limits the MTU, so links configured above it stay at the old value.",
                    iface, r.detail()));
            f.remedy("use an MTU the device accepts (see maxmtu in ip -d link show " + iface + "); for an SR-IOV VF raise the PF's MTU "
                    + "first, some drivers cap VFs at the PF MTU (ixgbe: legacy VFs are limited to 1500 unless the PF MTU is raised)");
        }
        f.remedy("make the chosen MTU persistent in the host network configuration (/etc/network/interfaces 'mtu N', netplan "
                + "'mtu: N', nmcli ... 802-3-ethernet.mtu N) and in the guests");
        return f.message(msg.toString()).build();
    }
}
