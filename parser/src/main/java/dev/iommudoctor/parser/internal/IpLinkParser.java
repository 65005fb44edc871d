package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.NetInterface;
import dev.iommudoctor.parser.event.VfInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ip link}, {@code ip -d link}, {@code ip -o link}, {@code ip addr} and {@code ip -d address}: a header line
 * per interface ({@code 2: eno1: <BROADCAST,...> mtu 1500 ... state UP ...}) followed by indented
 * detail lines, collected into one {@link NetInterface}. Indented lines this parser does not interpret
 * are kept verbatim in {@code details}; unindented lines that are not headers become diagnostics.
 */
final class IpLinkParser implements FormatParser {

    private static final Pattern HEADER = Pattern.compile("^(\\d+):\\s+([^:@\\s]+)(?:@([^:\\s]+))?:\\s+<([^>]*)>\\s*(.*)$");
    private static final Pattern VF = Pattern.compile("^vf\\s+(\\d+)\\b\\s*(.*)$");
    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final Pattern ONELINE_BREAK = Pattern.compile("\\s*\\\\\\s+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** The {@code info_kind} values iproute2 prints at the start of a {@code -d} detail line. */
    private static final Set<String> KINDS = Set.of("bridge", "bond", "vlan", "veth", "tun", "tap", "macvtap",
            "macvlan", "vxlan", "geneve", "gre", "gretap", "ip6gre", "ip6gretap", "ipip", "sit", "ip6tnl", "vti",
            "dummy", "ifb", "team", "openvswitch", "wireguard", "vrf", "ipvlan", "ipvtap", "nlmon", "bareudp",
            "netkit", "hsr", "xfrm", "can", "vcan", "erspan", "macsec", "gtp", "batadv", "rmnet", "virt_wifi");

    /** One interface being collected. */
    private static final class Builder {
        int first;
        int last;
        int index;
        String name;
        String parent;
        List<String> flags;
        Integer mtu;
        String master;
        String state;
        String linkType;
        String mac;
        String kind;
        String slaveKind;
        final List<String> altNames = new ArrayList<>();
        final List<String> addresses = new ArrayList<>();
        final List<VfInfo> vfs = new ArrayList<>();
        final List<String> details = new ArrayList<>();

        NetInterface build(String source) {
            return new NetInterface(new SourceSpan(source, first, last), index, name, Optional.ofNullable(parent), flags,
                    mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu), Optional.ofNullable(master),
                    Optional.ofNullable(state), Optional.ofNullable(linkType), Optional.ofNullable(mac),
                    Optional.ofNullable(kind), Optional.ofNullable(slaveKind), altNames, addresses, vfs, details);
        }
    }

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        Builder current = null;
        for (String line = lines.next(); line != null; line = lines.next()) {
            int n = lines.lineNumber();
            if (line.isBlank()) {
                continue;
            }
            // "ip -o link" puts a whole interface on one line, its detail lines joined by a backslash
            String[] oneline = ONELINE_BREAK.split(line);
            Matcher header = HEADER.matcher(oneline[0]);
            if (header.matches()) {
                if (current != null) {
                    ctx.emit(current.build(ctx.source()));
                }
                current = header(header, n);
                for (int i = 1; i < oneline.length; i++) {
                    if (!oneline[i].isBlank()) {
                        detail(current, oneline[i].trim());
                    }
                }
            } else if (Character.isWhitespace(line.charAt(0)) && current != null) {
                detail(current, line.trim());
                current.last = n;
            } else {
                ctx.diagnostic(n, "UNRECOGNIZED_LINE", current == null
                        ? "not an \"N: name: <FLAGS> ...\" interface header" : "unindented line inside an interface block",
                        line, false);
            }
        }
        if (current != null) {
            ctx.emit(current.build(ctx.source()));
        }
    }

    private static Builder header(Matcher m, int n) {
        Builder b = new Builder();
        b.first = n;
        b.last = n;
        b.index = Integer.parseInt(m.group(1));
        b.name = m.group(2);
        b.parent = m.group(3);
        b.flags = m.group(4).isEmpty() ? List.of() : Arrays.asList(m.group(4).split(","));
        String[] words = BLANKS.split(m.group(5).trim());
        for (int i = 0; i + 1 < words.length; i++) {
            switch (words[i]) {
                case "mtu" -> b.mtu = INTEGER.matcher(words[i + 1]).matches() ? Integer.valueOf(words[i + 1]) : null;
                case "master" -> b.master = words[i + 1];
                case "state" -> b.state = words[i + 1];
                default -> {
                    continue;
                }
            }
            i++;
        }
        return b;
    }

    private static void detail(Builder b, String text) {
        String[] words = BLANKS.split(text);
        String head = words[0];
        if (head.startsWith("link/")) {
            b.linkType = head.substring(5);
            if (words.length > 1 && !words[1].equals("brd") && !words[1].equals("promiscuity")) {
                b.mac = words[1];
            }
        } else if ((head.equals("inet") || head.equals("inet6")) && words.length > 1) {
            b.addresses.add(words[1]);
        } else if (head.equals("valid_lft")) {
            return; // lifetime of the address above: not a fact rules use
        } else if (head.equals("altname") && words.length > 1) {
            b.altNames.add(words[1]);
        } else if (VF.matcher(text).matches()) {
            b.vfs.add(vf(text));
        } else if (head.endsWith("_slave") && b.slaveKind == null) {
            b.slaveKind = head;
            b.details.add(text);
        } else if (KINDS.contains(head) && b.kind == null) {
            b.kind = head;
            b.details.add(text);
        } else {
            b.details.add(text);
        }
    }

    /** {@code vf 0     link/ether 00:..:00 brd ff:..:ff, vlan 100, spoof checking on, link-state auto, trust off}. */
    private static VfInfo vf(String text) {
        Matcher m = VF.matcher(text);
        m.matches();
        int index = Integer.parseInt(m.group(1));
        String mac = null;
        Integer vlan = null;
        String spoof = null;
        String linkState = null;
        String trust = null;
        List<String> other = new ArrayList<>();
        for (String raw : m.group(2).split(",")) {
            String part = raw.trim();
            String[] w = BLANKS.split(part);
            if (part.isEmpty()) {
                continue;
            } else if (w[0].startsWith("link/") || w[0].equals("MAC")) {
                mac = w.length > 1 ? w[1].replaceAll(",$", "") : null;
            } else if (w[0].equals("vlan") && w.length > 1 && INTEGER.matcher(w[1]).matches()) {
                vlan = Integer.valueOf(w[1]);
                if (w.length > 2) {
                    other.add(part);
                }
            } else if (part.startsWith("spoof checking ") && w.length == 3) {
                spoof = w[2];
            } else if (w[0].equals("link-state") && w.length == 2) {
                linkState = w[1];
            } else if (w[0].equals("trust") && w.length == 2) {
                trust = w[1];
            } else {
                other.add(part);
            }
        }
        return new VfInfo(index, Optional.ofNullable(mac), vlan == null ? OptionalInt.empty() : OptionalInt.of(vlan),
                Optional.ofNullable(spoof), Optional.ofNullable(linkState), Optional.ofNullable(trust), other);
    }
}
