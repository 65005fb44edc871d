package dev.iommudoctor.parser.event;

/** What an {@link IommuFirmwareBug} says is broken. */
public enum FirmwareBugKind {
    /** {@code Your BIOS is broken; DMAR reported at address fbffc000 returns all ones!}: the unit is not there; VT-d stays off. */
    DMAR_UNIT_INVALID,
    /** {@code Your BIOS is broken; RHSA refers to non-existent DMAR unit at ...}. */
    RHSA_INVALID,
    /** {@code Your BIOS is broken; ANDD object name is not NUL-terminated}. */
    ANDD_INVALID,
    /** {@code AMD-Vi: [Firmware Bug]: IVRS invalid checksum}. */
    IVRS_CHECKSUM,
    /** {@code AMD-Vi: [Firmware Bug]: : IOAPIC[9] not in IVRS table}: interrupt remapping gets disabled. */
    IOAPIC_NOT_IN_IVRS,
    /** {@code AMD-Vi: [Firmware Bug]: : No southbridge IOAPIC found}: interrupt remapping gets disabled. */
    NO_SOUTHBRIDGE_IOAPIC,
    /** {@code DMAR-IR: [Firmware Bug]: ioapic 2 has no mapping iommu, interrupt remapping will be disabled}. */
    IOAPIC_WITHOUT_IOMMU,
    /** Any other {@code [Firmware Bug]:} line of an IOMMU driver. */
    OTHER
}
