package dev.iommudoctor.parser.event;

/** What an {@link AcsEvent} reports. */
public enum AcsEventKind {
    /** {@code Warning: PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA} */
    OVERRIDE_ENABLED,
    /** {@code PCIe ACS invalid ID}, {@code Out of PCIe ACS override slots (16)} */
    OVERRIDE_INVALID,
    /** {@code pci 0000:00:1c.0: Intel PCH root port ACS workaround enabled} */
    QUIRK_APPLIED,
    /** {@code Failed to enable Intel PCH ACS quirk} */
    QUIRK_FAILED,
    /** {@code disabled ACS redirect}, {@code Configured ACS to 0x5d} */
    REDIRECT_CONFIGURED,
    /** {@code cannot disable ACS redirect for this hardware as it does not have ACS capabilities} */
    REDIRECT_UNSUPPORTED
}
