package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * Another IOMMU firmware bug: a DMAR unit that reads all ones, an RHSA/ANDD error, a bad IVRS ...
 *
 * <pre>{@code DMAR: [Firmware Bug]: Your BIOS is broken; DMAR reported at address fed90000 returns all ones!}</pre>
 *
 * @param record the log record it was read from
 * @param vendor which IOMMU driver complained
 * @param kind what is broken
 * @param address the unit address when the message names one
 * @param biosVendor from a {@code BIOS vendor:} continuation line
 * @param biosVersion from that line
 * @param productVersion from that line
 * @param detail the message text after {@code [Firmware Bug]: }
 */
public record IommuFirmwareBug(LogRecord record, IommuVendor vendor, FirmwareBugKind kind, Optional<String> address, Optional<String> biosVendor, Optional<String> biosVersion, Optional<String> productVersion, String detail) implements LogEvent {
}
