package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One PCI function as the whole bundle knows it, merged from lspci, sysfs/iommu-group listings, libvirt
 * nodedev XML and the kernel log. Each fact remembers where it came from ({@code driverSource},
 * {@code groupSource}) so a finding can cite it.
 *
 * @param classCode    4 hex digits, e.g. {@code 0300} (VGA), {@code 0108} (NVMe), {@code 0604} (PCI bridge)
 * @param driver       the driver bound now ({@code Kernel driver in use:}), when known
 * @param driverEvidence the line that shows the driver (or the lspci block that shows none is bound)
 * @param groupEvidence  the line that shows the IOMMU group
 * @param lspci        the full lspci record (capabilities) when the bundle has {@code lspci -vvv}
 */
public record PciFunction(PciAddress address, Optional<String> vendorId, Optional<String> deviceId,
                          Optional<String> classCode, Optional<String> className, Optional<String> description,
                          Optional<String> driver, Optional<EvidenceLine> driverEvidence, List<String> modules,
                          OptionalInt numaNode, OptionalInt iommuGroup, Optional<EvidenceLine> groupEvidence,
                          Optional<PciDevice> lspci) {

    /** Where the driver fact was read (also set when a verbose dump shows that no driver is bound). */
    public Optional<SourceSpan> driverSource() {
        return driverEvidence.map(e -> new SourceSpan(e.file(), e.line(), e.line()));
    }

    /** Where the group membership was read. */
    public Optional<SourceSpan> groupSource() {
        return groupEvidence.map(e -> new SourceSpan(e.file(), e.line(), e.line()));
    }

    /** {@code 10de:1b80}, when both ids are known. */
    public Optional<String> vendorDevice() {
        return vendorId.isPresent() && deviceId.isPresent()
                ? Optional.of(vendorId.get() + ":" + deviceId.get()) : Optional.empty();
    }

    /** PCI-to-PCI bridges, root ports and host bridges: they never need to be bound to vfio-pci. */
    public boolean isBridge() {
        return classCode.map(c -> c.startsWith("06")).orElse(false)
                || className.map(n -> n.toLowerCase(Locale.ROOT).contains("bridge")).orElse(false);
    }

    /** Mass storage controllers (SATA, NVMe, RAID, SAS): often what the host boots from. */
    public boolean isStorage() {
        return classCode.map(c -> c.startsWith("01")).orElse(false)
                || className.map(n -> {
                    String s = n.toLowerCase(Locale.ROOT);
                    return s.contains("sata") || s.contains("non-volatile memory") || s.contains("raid")
                            || s.contains("sas") || s.contains("ide interface") || s.contains("mass storage");
                }).orElse(false);
    }

    public boolean isNetwork() {
        return classCode.map(c -> c.startsWith("02")).orElse(false)
                || className.map(n -> n.toLowerCase(Locale.ROOT).contains("ethernet")
                        || n.toLowerCase(Locale.ROOT).contains("network")).orElse(false);
    }

    public boolean isDisplay() {
        return classCode.map(c -> c.startsWith("03")).orElse(false)
                || className.map(n -> n.toLowerCase(Locale.ROOT).contains("vga")
                        || n.toLowerCase(Locale.ROOT).contains("3d controller")
                        || n.toLowerCase(Locale.ROOT).contains("display controller")).orElse(false);
    }

    /** A short human label: {@code 0000:01:00.0 VGA compatible controller: NVIDIA ... [10de:1b80]}. */
    public String label() {
        StringBuilder b = new StringBuilder(address.toString());
        className.ifPresent(c -> b.append(' ').append(c));
        description.ifPresent(d -> b.append(className.isPresent() ? ": " : " ").append(d));
        vendorDevice().ifPresent(v -> {
            if (description.map(d -> !d.contains(v)).orElse(true)) {
                b.append(" [").append(v).append(']');
            }
        });
        return b.toString();
    }

    public boolean boundTo(String driverName) {
        return driver.map(d -> d.equals(driverName)).orElse(false);
    }
}
