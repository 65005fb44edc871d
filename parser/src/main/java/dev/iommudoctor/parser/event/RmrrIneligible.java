package dev.iommudoctor.parser.event;

/**
 * VFIO could not take a device because firmware requires an identity (RMRR / 1:1) mapping for it.
 *
 * <pre>{@code vfio-pci 0000:01:00.1: Device is ineligible for IOMMU domain attach due to platform RMRR requirement.  Contact your platform vendor.}</pre>
 *
 * @param record the log record it was read from
 * @param device the device that cannot be assigned
 */
public record RmrrIneligible(LogRecord record, PciAddress device) implements LogEvent {
}
