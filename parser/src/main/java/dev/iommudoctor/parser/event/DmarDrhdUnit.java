package dev.iommudoctor.parser.event;

/**
 * One Intel remapping hardware unit (DRHD) of the DMAR table.
 *
 * <pre>{@code DMAR: DRHD base: 0x000000fed91000 flags: 0x1}</pre>
 *
 * @param record the log record it was read from
 * @param baseAddress register base as printed
 * @param flags the DRHD flags
 * @param includeAll flag bit 0: the unit covers every device not listed under another unit
 */
public record DmarDrhdUnit(LogRecord record, String baseAddress, int flags, boolean includeAll) implements LogEvent {
}
