package dev.iommudoctor.parser.event;

/**
 * The firmware exposes an IOMMU description table: DMAR (Intel VT-d), IVRS (AMD-Vi) or IORT (ARM SMMU). Its absence means the IOMMU is off in the firmware setup or missing.
 *
 * <pre>{@code ACPI: DMAR 0x000000008C5C9000 0000A8 (v01 INTEL  EDK2     00000002      01000013)}</pre>
 *
 * @param record the log record it was read from
 * @param table {@code DMAR}, {@code IVRS} or {@code IORT}
 * @param vendor the IOMMU implementation the table describes
 */
public record IommuAcpiTable(LogRecord record, String table, IommuVendor vendor) implements LogEvent {
}
