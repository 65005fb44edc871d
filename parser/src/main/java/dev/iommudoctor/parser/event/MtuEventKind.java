package dev.iommudoctor.parser.event;

/** What an {@link MtuEvent} reports. */
public enum MtuEventKind {
    /** {@code changing MTU from 1500 to 9000} */
    CHANGED,
    /** {@code Setting MTU > 1500 will disable legacy VFs} */
    LEGACY_VF_LIMIT,
    /** {@code Error changing mtu to 9000, Max is 3046} */
    CHANGE_FAILED,
    /** {@code openvswitch: ovs-system: dropped over-mtu packet: 1528 > 1500} */
    OVER_MTU_DROP,
    /** {@code eth0: Invalid MTU 9000 requested, hw max 1500} */
    INVALID
}
