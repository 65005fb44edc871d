package dev.iommudoctor.parser.event;

/**
 * A device joined an IOMMU group (DMA translation is active for it).
 *
 * <pre>{@code pci 0000:01:00.0: Adding to iommu group 13}</pre>
 *
 * @param record the log record it was read from
 * @param device the device
 * @param group the IOMMU group number
 */
public record IommuGroupAdded(LogRecord record, PciAddress device, int group) implements LogEvent {
}
