package dev.iommudoctor.parser.event;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A NIC MTU change, limit or an over-MTU drop.
 *
 * <pre>{@code ixgbe 0000:03:00.0 enp3s0f0: changing MTU from 1500 to 9000}</pre>
 *
 * @param record the log record it was read from
 * @param iface the interface (or datapath) name when printed
 * @param kind what happened
 * @param mtu the new MTU, the limit, or the MTU a packet exceeded
 * @param detail the message text
 */
public record MtuEvent(LogRecord record, Optional<String> iface, MtuEventKind kind, OptionalInt mtu, String detail) implements LogEvent {
}
