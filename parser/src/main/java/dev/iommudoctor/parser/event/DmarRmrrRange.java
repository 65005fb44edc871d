package dev.iommudoctor.parser.event;

/**
 * A reserved memory region (RMRR) that firmware asks to keep identity-mapped for some devices.
 *
 * <pre>{@code DMAR: RMRR base: 0x0000003e2e0000 end: 0x0000003e2fffff}</pre>
 *
 * @param record the log record it was read from
 * @param base first byte as printed
 * @param end last byte as printed
 */
public record DmarRmrrRange(LogRecord record, String base, String end) implements LogEvent {
}
