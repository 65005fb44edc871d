package dev.iommudoctor.parser.event;

/** What a {@link PassthroughError} reports. */
public enum PassthroughErrorKind {
    /** {@code vfio 0000:28:00.0: group 13 is not viable}: another device of the group is bound to a host driver. */
    GROUP_NOT_VIABLE,
    /** {@code vfio 0000:01:00.1: group 1 used in multiple address spaces}: functions of one group given to different VMs. */
    MULTIPLE_ADDRESS_SPACES,
    /** {@code failed to setup container for group 11: Failed to set iommu for container: ...} */
    CONTAINER_SETUP_FAILED,
    /** {@code Could not open '/dev/vfio/14': Device or resource busy}, libvirt {@code PCI device 0000:01:00.0 is in use by driver QEMU, domain win10} */
    DEVICE_BUSY,
    /** {@code failed to open /dev/vfio/7: No such file or directory} */
    GROUP_OPEN_FAILED,
    /** {@code error getting device from group 24: No such device} */
    DEVICE_GET_FAILED,
    /** {@code Unable to reset PCI device 0000:00:1a.0: no FLR, PM reset or bus reset available}, QEMU {@code Cannot reset device ..., depends on group 13 which is not owned.} */
    NO_RESET,
    /** libxl {@code PCI device 0000:00:19.0 cannot be assigned - no IOMMU?} */
    NO_IOMMU,
    /** {@code VFIO_MAP_DMA failed: Cannot allocate memory} (locked-memory limit) */
    DMA_MAP_FAILED,
    /** {@code unable to map backing store for guest RAM: Cannot allocate memory} (hugepages not reserved) */
    GUEST_RAM_MAP_FAILED,
    /** {@code Failed to set vIOMMU: aw-bits 48 > host aw-bits 39} */
    VIOMMU_MISMATCH
}
