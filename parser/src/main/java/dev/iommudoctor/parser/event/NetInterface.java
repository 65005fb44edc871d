package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One network interface from {@code ip link}, {@code ip -d link}, {@code ip addr} or {@code ip -d address}.
 *
 * <p>Example input:
 * <pre>
 * 7: vlan100@bond0: &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt; mtu 1500 qdisc noqueue master vmbr1 state UP mode DEFAULT group default qlen 1000
 *     link/ether 3c:fd:fe:aa:bb:cc brd ff:ff:ff:ff:ff:ff promiscuity 1 minmtu 0 maxmtu 65535
 *     vlan protocol 802.1Q id 100 &lt;REORDER_HDR&gt;
 *     bridge_slave state forwarding priority 32 cost 100
 * </pre>
 *
 * @param span      header line through the last detail line
 * @param index     interface index
 * @param name      interface name
 * @param parent    text after {@code @}: the lower device of a VLAN/macvtap, {@code ifN} for a veth peer, {@code NONE}
 * @param flags     the {@code <...>} flags in order
 * @param mtu       MTU from the header
 * @param master    the bridge or bond it is enslaved to
 * @param state     operational state ({@code UP}, {@code DOWN}, {@code UNKNOWN} ...)
 * @param linkType  {@code ether}, {@code loopback}, {@code none}, {@code infiniband} ... from the {@code link/} line
 * @param mac       the link-layer address
 * @param linkKind  the {@code -d} kind line: {@code bridge}, {@code bond}, {@code vlan}, {@code veth}, {@code tun},
 *                  {@code macvtap}, {@code vxlan} ...; empty for a physical NIC or without {@code -d}
 * @param slaveKind {@code bridge_slave}, {@code bond_slave} ... from the {@code -d} output
 * @param altNames  {@code altname} entries
 * @param addresses inet/inet6 addresses as CIDR ({@code 192.168.1.10/24}, {@code fe80::1/64})
 * @param vfs       SR-IOV VFs listed under a PF
 * @param details   every other indented line, trimmed and verbatim (kind parameters, statistics ...)
 */
public record NetInterface(SourceSpan span, int index, String name, Optional<String> parent, List<String> flags,
                           OptionalInt mtu, Optional<String> master, Optional<String> state, Optional<String> linkType,
                           Optional<String> mac, Optional<String> linkKind, Optional<String> slaveKind,
                           List<String> altNames, List<String> addresses, List<VfInfo> vfs, List<String> details)
        implements Event {

    public NetInterface {
        flags = List.copyOf(flags);
        altNames = List.copyOf(altNames);
        addresses = List.copyOf(addresses);
        vfs = List.copyOf(vfs);
        details = List.copyOf(details);
    }
}
