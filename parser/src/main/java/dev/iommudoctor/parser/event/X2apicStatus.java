package dev.iommudoctor.parser.event;

/**
 * Whether the x2APIC mode is in use (it requires interrupt remapping).
 *
 * <pre>{@code DMAR-IR: x2apic is disabled because BIOS sets x2apic opt out bit.}</pre>
 *
 * @param record the log record it was read from
 * @param enabled true when x2apic is in use
 * @param detail the message text
 */
public record X2apicStatus(LogRecord record, boolean enabled, String detail) implements LogEvent {
}
