package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * How the IOMMU core flushes the IOTLB for DMA domains (strict or lazy).
 *
 * <pre>{@code iommu: DMA domain TLB invalidation policy: lazy mode}</pre>
 *
 * @param record the log record it was read from
 * @param policy {@code strict} or {@code lazy}
 * @param setBy {@code kernel command line} when iommu.strict= chose it
 */
public record TlbInvalidationPolicy(LogRecord record, String policy, Optional<String> setBy) implements LogEvent {
}
