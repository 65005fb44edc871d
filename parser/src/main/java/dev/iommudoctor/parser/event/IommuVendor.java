package dev.iommudoctor.parser.event;

/** Which IOMMU implementation a message comes from. */
public enum IommuVendor {
    /** Intel VT-d: {@code DMAR:}, {@code DMAR-IR:} messages, ACPI DMAR table. */
    INTEL,
    /** AMD-Vi: {@code AMD-Vi:} messages, ACPI IVRS table. */
    AMD,
    /** ARM SMMU (v2/v3). */
    ARM_SMMU,
    /** The IOMMU core ({@code iommu:}), vendor-neutral. */
    GENERIC
}
