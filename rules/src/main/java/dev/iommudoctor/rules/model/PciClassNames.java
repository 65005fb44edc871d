package dev.iommudoctor.rules.model;

import java.util.Map;
import java.util.Optional;

/**
 * The pciutils names of common PCI class codes ({@code 0300} -> {@code VGA compatible controller}), so
 * that a device known only from sysfs (no pciutils on the host) is still labelled as lspci would.
 */
final class PciClassNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("0100", "SCSI storage controller"), Map.entry("0101", "IDE interface"),
            Map.entry("0104", "RAID bus controller"), Map.entry("0106", "SATA controller"),
            Map.entry("0107", "Serial Attached SCSI controller"), Map.entry("0108", "Non-Volatile memory controller"),
            Map.entry("0180", "Mass storage controller"), Map.entry("0200", "Ethernet controller"),
            Map.entry("0207", "Infiniband controller"), Map.entry("0280", "Network controller"),
            Map.entry("0300", "VGA compatible controller"), Map.entry("0302", "3D controller"),
            Map.entry("0380", "Display controller"), Map.entry("0401", "Multimedia audio controller"),
            Map.entry("0403", "Audio device"), Map.entry("0480", "Multimedia controller"),
            Map.entry("0500", "RAM memory"), Map.entry("0580", "Memory controller"),
            Map.entry("0600", "Host bridge"), Map.entry("0601", "ISA bridge"), Map.entry("0604", "PCI bridge"),
            Map.entry("0680", "Bridge"), Map.entry("0780", "Communication controller"),
            Map.entry("0806", "IOMMU"), Map.entry("0880", "System peripheral"),
            Map.entry("0c03", "USB controller"), Map.entry("0c05", "SMBus"), Map.entry("0c80", "Serial bus controller"),
            Map.entry("1080", "Encryption controller"), Map.entry("1101", "Performance counters"),
            Map.entry("1180", "Signal processing controller"), Map.entry("1200", "Processing accelerators"),
            Map.entry("0b40", "Co-processor"), Map.entry("ff00", "Unassigned class"));

    private PciClassNames() {
    }

    static Optional<String> of(String classCode) {
        return Optional.ofNullable(NAMES.get(classCode.toLowerCase()));
    }
}
