package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * The IOMMU core's default DMA domain type (Translated, Passthrough ...).
 *
 * <pre>{@code iommu: Default domain type: Passthrough (set via kernel command line)}</pre>
 *
 * @param record the log record it was read from
 * @param domainType {@code Translated}, {@code Passthrough}, {@code Blocked}, {@code Unmanaged}, {@code Platform} ...
 * @param setBy {@code kernel command line} when iommu=pt/nopt or iommu.passthrough= chose it
 */
public record DefaultDomain(LogRecord record, String domainType, Optional<String> setBy) implements LogEvent {
}
