package dev.iommudoctor.parser.event;

/** What an {@link IommuStatus} message says about the IOMMU. */
public enum IommuState {
    /** Hardware found or described: {@code DMAR: Host address width 39}, {@code AMD-Vi: Found IOMMU cap 0x40}, {@code AMD-Vi: Extended features ...}. */
    DETECTED,
    /** DMA remapping switched on: {@code DMAR: IOMMU enabled} (intel_iommu=on), {@code DMAR: Intel(R) Virtualization Technology for Directed I/O}, {@code AMD-Vi: Initialized for Passthrough Mode}. */
    ENABLED,
    /** Switched off: {@code DMAR: IOMMU disabled}, {@code AMD-Vi: AMD IOMMU disabled on kernel command-line}. */
    DISABLED,
    /** No remapping hardware: {@code DMAR: No DMAR devices found}. */
    NOT_FOUND,
    /** Initialisation failed: {@code DMAR: Initialization failed}, {@code DMAR: Parse DMAR table failure.}. */
    INIT_FAILED,
    /** The driver ignored a command-line value: {@code AMD-Vi: Unknown option - 'on'} (amd_iommu=on is not valid; AMD-Vi is on by default). */
    UNKNOWN_OPTION,
    /** {@code AMD-Vi: AMD IOMMUv2 functionality not available on this system}: the IOMMUv2 module found no AMD IOMMU. Printed on Intel machines too; says nothing about VT-d. */
    NOT_AVAILABLE,
    /** {@code AMD-Vi: AMD IOMMUv2 loaded and initialized} (PASID/PRI helper module). */
    IOMMUV2_LOADED,
    /** The integrated GPU is left out of DMA remapping: {@code DMAR: Disable GFX device mapping}, {@code Disabling IOMMU for graphics on this chipset}. */
    GRAPHICS_EXCLUDED
}
