package dev.iommudoctor.rules.api;

/** The rows of the passthrough troubleshooting matrix; every rule belongs to one. */
public enum MatrixRow {
    IOMMU_PRESENCE("IOMMU absent or disabled"),
    RMRR("Broken RMRR / RMRR-ineligible devices"),
    GROUP_VIABILITY("VFIO group not viable"),
    HOST_DRIVER("Device held by a host driver"),
    ACS("ACS missing / ACS override"),
    INTERRUPT_REMAPPING("Interrupt remapping"),
    DMA_FAULTS("DMAR / AMD-Vi DMA faults"),
    HUGEPAGES("Hugepages"),
    MTU_PAYLOAD("MTU and PCIe payload"),
    NUMA("NUMA locality"),
    KERNEL("Kernel version and features"),
    VFIO_RUNTIME("VFIO mapping, BAR, reset and probe"),
    SRIOV("SR-IOV"),
    ADVISORY("Tuning advisories");

    private final String title;

    MatrixRow(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
