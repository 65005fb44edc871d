package dev.iommudoctor.rules.api;

/**
 * A kind of knowledge about the host that rules need. The host model records which facts its inputs
 * provided; a rule whose facts are missing is reported as not evaluated, never as passed.
 */
public enum Fact {
    KERNEL_LOG("a kernel log (dmesg, journalctl -k, kern.log)"),
    BOOT_LOG("the boot part of the kernel log (from 'Linux version' on)"),
    KERNEL_VERSION("the kernel version"),
    CMDLINE("the kernel command line (/proc/cmdline or the boot log)"),
    PCI_DEVICES("a PCI inventory (lspci -nnvvv -k, sysfs or libvirt nodedev XML)"),
    PCI_CAPABILITIES("PCI capabilities (lspci -vvv run as root)"),
    IOMMU_GROUPS("IOMMU group membership (lspci -vvv, /sys/kernel/iommu_groups, or dmesg)"),
    MEMINFO("/proc/meminfo"),
    MODPROBE("/etc/modprobe.d configuration"),
    NETWORK("interfaces and MTUs (ip -d link)"),
    VM_LOG("a QEMU or libvirt VM log"),
    NUMA("the NUMA placement of devices and memory"),
    TELEMETRY("host telemetry (telemetry.json of an 'iommu-doctor collect' bundle)"),
    DEVICE_NODES("the /dev/vfio listing with owners and modes (collect, or stat -c '%A %U %G %n' /dev/vfio/*)"),
    PCI_LINK("PCIe link speed and width (sysfs current/max_link_*, or lspci -vvv LnkCap/LnkSta)");

    private final String description;

    Fact(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
