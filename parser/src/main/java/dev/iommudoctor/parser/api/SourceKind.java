package dev.iommudoctor.parser.api;

/**
 * What an input file is, decided from its content by {@code ContentSniffer} (the name is a hint only).
 * Rules declare which kinds they need; a missing kind makes a rule "not evaluated", never "passed".
 */
public enum SourceKind {
    /** dmesg in any of its forms, kern.log/syslog/messages, journalctl -k, /dev/kmsg. */
    KERNEL_LOG,
    /** QEMU or libvirt per-domain logs ({@code /var/log/libvirt/qemu/*.log}). */
    QEMU_LOG,
    /** lspci output, verbose or terse, with or without -nn/-k/-D. */
    LSPCI,
    /** /proc/cmdline. */
    PROC_CMDLINE,
    /** /proc/meminfo. */
    MEMINFO,
    /** A listing of /sys/kernel/iommu_groups (find, ls -l, or the common ls-iommu script). */
    IOMMU_GROUPS,
    /** /etc/modprobe.d/*.conf. */
    MODPROBE_CONF,
    /** /etc/default/grub. */
    GRUB_DEFAULT,
    /** ip -d link / ip addr / ip -d address. */
    IP_LINK,
    /** lsmod. */
    LSMOD,
    /** ethtool -i. */
    ETHTOOL_INFO,
    /** virsh nodedev-dumpxml of a PCI device. */
    NODEDEV_XML,
    /** A libvirt domain XML (hostdev definitions). */
    DOMAIN_XML,
    /**
     * A single sysfs attribute captured as a file whose path gives its meaning
     * ({@code sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts} holding {@code Y}).
     * Decided from the name, since the content alone ("Y", "0") says nothing.
     */
    SYSFS_ATTRIBUTE,
    /** {@code telemetry.json} or {@code manifest.json} written by {@code iommu-doctor collect}. */
    COLLECTOR_JSON,
    /** A device node listing with owners and modes: {@code stat -c '%A %U %G %n' /dev/vfio/*}. */
    DEVICE_NODES,
    /** A Proxmox VE VM config ({@code /etc/pve/qemu-server/<vmid>.conf}, {@code hostpci0: 0000:01:00,pcie=1}). */
    PVE_VM_CONF,
    /** A file with no content. */
    EMPTY,
    /** Not text. */
    BINARY,
    /** Text none of the parsers recognises. */
    UNKNOWN
}
