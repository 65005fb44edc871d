package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One SR-IOV virtual function as the PF's {@code ip link} output lists it.
 *
 * <p>Example input: {@code vf 1     link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff, vlan 100, spoof checking on, link-state auto, trust off}
 *
 * @param index         VF number
 * @param mac           administrative MAC ({@code 00:00:00:00:00:00} means unset, kept as printed)
 * @param vlan          VLAN id when one is set
 * @param spoofChecking {@code on}/{@code off}
 * @param linkState     {@code auto}, {@code enable} or {@code disable}
 * @param trust         {@code on}/{@code off}
 * @param other         every other comma-separated part, verbatim ({@code query_rss off}, {@code max_tx_rate 0Mbps} ...)
 */
public record VfInfo(int index, Optional<String> mac, OptionalInt vlan, Optional<String> spoofChecking,
                     Optional<String> linkState, Optional<String> trust, List<String> other) {

    public VfInfo {
        other = List.copyOf(other);
    }
}
