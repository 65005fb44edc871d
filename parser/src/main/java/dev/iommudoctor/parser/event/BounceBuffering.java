package dev.iommudoctor.parser.event;

/**
 * Software bounce buffering (SWIOTLB) is set up: DMA may be copied through a low buffer, typical without an IOMMU or with iommu=pt.
 *
 * <pre>{@code PCI-DMA: Using software bounce buffering for IO (SWIOTLB)}</pre>
 *
 * @param record the log record it was read from
 * @param detail the message text
 */
public record BounceBuffering(LogRecord record, String detail) implements LogEvent {
}
