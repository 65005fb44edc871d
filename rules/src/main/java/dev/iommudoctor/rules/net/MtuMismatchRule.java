package dev.iommudoctor.rules.net;

import dev.iommudoctor.parser.event.NetInterface;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.Distro;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links that carry the same frames disagree on the MTU ({@code ip -d link}): a bridge and its ports
 * (uplink, bond, VLAN, VM taps), a bond and its slaves, or a VLAN larger than the device below it.
 * Frames bigger than the smallest MTU on the path are dropped silently, which looks like a hang of
 * large transfers (SSH works, NFS/iSCSI/SMB stall) inside the VMs.
 */
@DiagnosticRule(id = "MTU-MISMATCH", title = "MTU differs along a bridge, bond or VLAN path",
        severity = Severity.WARNING, matrixRow = MatrixRow.MTU_PAYLOAD, requires = Fact.NETWORK)
public final class MtuMismatchRule implements Rule {

    private static final Pattern PARENTDEV = Pattern.compile("\\bparentdev (\\S+)");

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<String, NetInterface> byName = new LinkedHashMap<>();
        for (NetInterface n : host.events(NetInterface.class)) {
            byName.put(n.name(), n); // last snapshot wins
        }
        List<Finding> findings = new ArrayList<>();
        for (NetInterface root : byName.values()) {
            if (root.master().isPresent() || !isAggregate(root, byName)) {
                continue;
            }
            List<NetInterface> members = new ArrayList<>();
            collect(root, byName, members, 0);
            if (members.size() < 2 || mtus(members).size() < 2) {
                continue;
            }
            findings.add(aggregateFinding(host, root, members));
        }
        for (NetInterface vlan : byName.values()) {
            Optional<NetInterface> lower = vlan.parent().map(byName::get);
            if (vlan.linkKind().map("vlan"::equals).orElse(false) && lower.isPresent()
                    && mtu(vlan) > mtu(lower.get()) && mtu(lower.get()) > 0) {
                findings.add(vlanFinding(host, vlan, lower.get()));
            }
        }
        return RuleResult.of(findings);
    }

    /**
     * A Linux bridge, bond or team that others are enslaved to. Open vSwitch is left out: its datapath
     * ({@code ovs-system}) is the nominal master of ports with unrelated MTUs.
     */
    private static boolean isAggregate(NetInterface n, Map<String, NetInterface> byName) {
        if (n.linkKind().map(k -> k.equals("openvswitch")).orElse(false) || n.name().equals("ovs-system")) {
            return false;
        }
        return byName.values().stream().anyMatch(c -> c.master().map(n.name()::equals).orElse(false));
    }

    /** The root and everything enslaved below it, depth first (bridge, bond, its slaves, taps ...). */
    private static void collect(NetInterface n, Map<String, NetInterface> byName, List<NetInterface> out, int depth) {
        if (out.contains(n) || depth > 8) {
            return;
        }
        out.add(n);
        for (NetInterface child : byName.values()) {
            if (child.master().map(n.name()::equals).orElse(false)) {
                collect(child, byName, out, depth + 1);
            }
        }
    }

    private static TreeSet<Integer> mtus(List<NetInterface> members) {
        TreeSet<Integer> s = new TreeSet<>();
        members.forEach(m -> {
            if (m.mtu().isPresent()) {
                s.add(m.mtu().getAsInt());
            }
        });
        return s;
    }

    private static int mtu(NetInterface n) {
        return n.mtu().orElse(0);
    }

    private Finding aggregateFinding(HostModel host, NetInterface root, List<NetInterface> members) {
        int max = mtus(members).last();
        FindingBuilder f = finding();
        StringBuilder path = new StringBuilder();
        List<String> lower = new ArrayList<>();
        for (NetInterface m : members) {
            f.evidence(EvidenceLine.of(m.span(), header(m)));
            path.append("\n  ").append(m.master().map(x -> "  ").orElse("")).append(m.name()).append(' ')
                    .append(kind(m)).append(" mtu ").append(mtu(m)).append(m.master().map(x -> " (master " + x + ")").orElse(""));
            if (mtu(m) < max) {
                lower.add(m.name());
            }
        }
        f.message("%s %s and the links enslaved to it use different MTUs (%s). Frames larger than the smallest MTU on the "
                        + "path are dropped without an error: jumbo frames from the uplink do not reach the guests, and guests "
                        + "configured for jumbo frames stall on large transfers. Path:%s",
                kind(root), root.name(), String.join(", ", mtus(members).stream().map(String::valueOf).toList()), path);
        f.remedy("decide on one MTU for the whole path (" + max + " if the switch ports carry jumbo frames, else the smallest) "
                + "and set it now: " + String.join(" ; ", lower.stream().map(n -> "ip link set dev " + n + " mtu " + max).toList()));
        f.remedy(persistent(host.identity().distro(), root.name(), max));
        f.remedy("guests: set the virtio NIC MTU to match (libvirt <mtu size='" + max + "'/> in the <interface>; Proxmox net0: ...,mtu=1 "
                + "to inherit the bridge MTU) and inside the guest (ip link set dev eth0 mtu " + max + ")");
        f.remedy("verify end to end: ping -M do -s " + (max - 28) + " <peer>   (28 = IP + ICMP headers)");
        return f.build();
    }

    private Finding vlanFinding(HostModel host, NetInterface vlan, NetInterface lower) {
        FindingBuilder f = finding().evidence(EvidenceLine.of(vlan.span(), header(vlan)))
                .evidence(EvidenceLine.of(lower.span(), header(lower)));
        f.message("VLAN %s has mtu %d but the device below it, %s, only %d: frames above %d cannot be sent.", vlan.name(),
                mtu(vlan), lower.name(), mtu(lower), mtu(lower));
        f.remedy("raise the lower device first: ip link set dev " + lower.name() + " mtu " + mtu(vlan) + " (or lower the VLAN: ip link set dev "
                + vlan.name() + " mtu " + mtu(lower) + ")");
        f.remedy(persistent(host.identity().distro(), lower.name(), mtu(vlan)));
        return f.build();
    }

    private static String persistent(Distro distro, String iface, int mtu) {
        return switch (distro) {
            case PROXMOX, DEBIAN -> "make it persistent in /etc/network/interfaces: add 'mtu " + mtu + "' to the 'iface " + iface
                    + "' stanza and to every port/slave stanza, then ifreload -a (Proxmox: or set MTU in Datacenter > node > Network)";
            case UBUNTU -> "make it persistent in netplan (/etc/netplan/*.yaml): 'mtu: " + mtu + "' under " + iface
                    + " and under each member, then netplan apply";
            case RHEL, FEDORA, SUSE -> "make it persistent: nmcli connection modify " + iface + " 802-3-ethernet.mtu " + mtu
                    + " (and each port/slave connection), then nmcli connection up " + iface;
            default -> "make it persistent in the network configuration (ifupdown: 'mtu " + mtu + "' in /etc/network/interfaces; "
                    + "netplan: 'mtu: " + mtu + "'; NetworkManager: nmcli connection modify " + iface + " 802-3-ethernet.mtu " + mtu
                    + "; systemd-networkd: [Link] MTUBytes=" + mtu + ")";
        };
    }

    private static String kind(NetInterface n) {
        if (n.linkKind().isPresent()) {
            String k = n.linkKind().get();
            return k.equals("tun") ? "tap" : k;
        }
        return n.flags().contains("MASTER") ? "master" : parentDevice(n).isPresent() ? "NIC" : "link";
    }

    private static String header(NetInterface n) {
        return n.index() + ": " + n.name() + n.parent().map(p -> "@" + p).orElse("") + ": mtu " + mtu(n)
                + n.master().map(m -> " master " + m).orElse("");
    }

    private static Optional<PciAddress> parentDevice(NetInterface n) {
        for (String d : n.details()) {
            Matcher m = PARENTDEV.matcher(d);
            if (m.find()) {
                return Optional.ofNullable(PciAddress.tryParse(m.group(1)));
            }
        }
        return Optional.empty();
    }
}
