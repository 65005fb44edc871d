package dev.iommudoctor.parser.event;

/**
 * A statement about the IOMMU itself: found, enabled, disabled, failed, an ignored option ...
 *
 * <pre>{@code AMD-Vi: Unknown option - 'on'}</pre>
 *
 * @param record the log record it was read from
 * @param vendor which IOMMU driver said it
 * @param state what it means
 * @param detail the message text after the subsystem prefix
 */
public record IommuStatus(LogRecord record, IommuVendor vendor, IommuState state, String detail) implements LogEvent {
}
