package dev.iommudoctor.parser.event;

/** What a {@link VfioEvent} reports. */
public enum VfioEventKind {
    /** {@code VFIO - User Level meta-driver version: 0.3} */
    MODULE_LOADED,
    /** {@code vfio_pci: add [10de:1b80[ffffffff:ffffffff]] class 0x000000/00000000} (vfio-pci.ids=) */
    ID_ADDED,
    /** {@code vfio_pci: invalid id string "..."} */
    INVALID_ID,
    /** {@code vfio-pci: probe of 0000:31:00.0 failed with error -22} */
    PROBE_FAILED,
    /** {@code vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)} */
    DEVICE_ENABLED,
    /** {@code vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem ...]}: another driver (efifb, simpledrm) holds the BAR. */
    BAR_RESERVE_FAILED,
    /** {@code vfio_iommu_type1_attach_group: No interrupt remapping support.  Use the module param "allow_unsafe_interrupts" ...} */
    NO_INTERRUPT_REMAPPING,
    /** {@code MSI interrupts are not secure, they cannot be isolated by the platform. ...} (iommufd with allow_unsafe_interrupts) */
    UNSAFE_INTERRUPTS,
    /** {@code vfio_pin_pages_remote: RLIMIT_MEMLOCK (65536) exceeded} */
    MEMLOCK_LIMIT,
    /** {@code nvidia 0000:01:00.0: not ready 65535ms after resume; giving up} */
    RESET_FAILED,
    /** {@code not ready 8191ms after FLR; waiting}, {@code timed out waiting for pending transaction; performing function level reset anyway} */
    RESET_DELAYED,
    /** {@code Refused to change power state from D0 to D3hot} */
    POWER_STATE_REFUSED,
    /** {@code Unable to change power state from D3cold to D0, device inaccessible} */
    POWER_STATE_INACCESSIBLE,
    /** {@code Invalid PCI ROM header signature: expecting 0xaa55, got 0xffff} */
    INVALID_ROM,
    /** {@code vfio_ecap_init: hiding ecap 0x1b@0x100} */
    CAP_HIDDEN,
    /** {@code vgaarb: changed VGA decodes: ...}, {@code vgaarb: deactivate vga console}, {@code vgaarb: setting as boot VGA device} */
    VGA_ARBITRATION
}
