package dev.iommudoctor.parser.event;

/**
 * The Intel fault handler runs for a remapping unit (a fault record usually follows).
 *
 * <pre>{@code DMAR: DRHD: handling fault status reg 3}</pre>
 *
 * @param record the log record it was read from
 * @param vendor INTEL
 * @param status the fault status register value as printed
 */
public record FaultStatusReported(LogRecord record, IommuVendor vendor, String status) implements LogEvent {
}
