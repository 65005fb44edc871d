package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * A DMA (or interrupt) remapping fault reported by the IOMMU: a device accessed an address its domain does not map.
 *
 * <pre>{@code DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x70ad5000 [fault reason 0x07] Next page table ptr is invalid}</pre>
 *
 * @param record the log record it was read from
 * @param vendor INTEL or AMD
 * @param faultType {@code DMA Read}, {@code DMA Write}, {@code INTR-REMAP} (Intel) or the AMD event type ({@code IO_PAGE_FAULT}, {@code INVALID_DEVICE_REQUEST} ...)
 * @param device the requester
 * @param address the faulting address (Intel) or the fault index (interrupt remapping), as printed
 * @param reasonCode Intel fault reason, normalised to two hex digits ({@code 06}); decimal codes of 4.x-5.13 kernels converted
 * @param reason the reason text, decoded from the code when the log lacks it
 * @param pasid the PASID when printed
 * @param domain the AMD domain id
 * @param flags the AMD event flags
 */
public record DmaFault(LogRecord record, IommuVendor vendor, String faultType, Optional<PciAddress> device, Optional<String> address, Optional<String> reasonCode, Optional<String> reason, Optional<String> pasid, Optional<String> domain, Optional<String> flags) implements LogEvent {
}
