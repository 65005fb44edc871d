package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * A physical function created virtual functions.
 *
 * <pre>{@code ixgbe 0000:03:00.0 enp3s0f0: SR-IOV enabled with 8 VFs}</pre>
 *
 * @param record the log record it was read from
 * @param pf the physical function
 * @param numVfs how many VFs
 */
public record SriovEnabled(LogRecord record, Optional<PciAddress> pf, int numVfs) implements LogEvent {
}
