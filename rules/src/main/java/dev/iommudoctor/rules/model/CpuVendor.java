package dev.iommudoctor.rules.model;

/** The platform vendor, which decides the IOMMU driver (VT-d or AMD-Vi) and its defaults. */
public enum CpuVendor {
    INTEL, AMD, ARM, UNKNOWN
}
