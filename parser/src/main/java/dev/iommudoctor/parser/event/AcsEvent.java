package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * PCIe Access Control Services: the out-of-tree override patch or a kernel ACS quirk.
 *
 * <pre>{@code Warning: PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA}</pre>
 *
 * @param record the log record it was read from
 * @param kind what happened
 * @param device the device, for quirks
 * @param detail the message text
 */
public record AcsEvent(LogRecord record, AcsEventKind kind, Optional<PciAddress> device, String detail) implements LogEvent {
}
