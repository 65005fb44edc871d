package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One PCI function from lspci output, in whatever detail the capture carried. From
 * <pre>
 * 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1080] [10de:1b80] (rev a1) (prog-if 00 [VGA controller])
 * \tSubsystem: eVga.com. Corp. Device [3842:6183]
 * \tIOMMU group: 13
 * \tRegion 0: Memory at f6000000 (32-bit, non-prefetchable) [size=16M]
 * \tCapabilities: [60] Power Management version 3
 * \tKernel driver in use: vfio-pci
 * \tKernel modules: nouveau, nvidia
 * </pre>
 * comes address 0000:01:00.0, className "VGA compatible controller", classCode 0300, vendorId 10de, deviceId 1b80,
 * revision a1, progIf 00, subsystem ids 3842:6183, iommuGroup 13, driverInUse vfio-pci, two modules, one region
 * and one capability. A terse line ({@code lspci}, {@code lspci -nn}) gives a device with the header facts only.
 *
 * @param className    the class as printed without the {@code [0300]} code ("VGA compatible controller";
 *                     "0300" for {@code lspci -n}; "Class 0880" when lspci had no name)
 * @param description  vendor and device text as printed, without ids, rev and prog-if
 *                     ("NVIDIA Corporation GP104 [GeForce GTX 1080]")
 * @param classCode    4 hex digits, from -nn, -n or a "Class xxxx" name
 * @param vendor       vendor name, when it can be told apart from the device name (see {@code description})
 * @param deviceName   device name, when the vendor could be split off
 * @param subsystem    the Subsystem line text without ids
 * @param numaNode     "NUMA node: 0" or the -v Flags line
 * @param iommuGroup   "IOMMU group: 13" or the -v Flags line; empty when not printed (IOMMU off, old lspci, terse)
 * @param capabilitiesAccessDenied lspci ran without root: {@code Capabilities: <access denied>}
 * @param keyLines     file line of each body key seen ({@code Kernel driver in use} -> 96), so findings can quote the exact line
 * @param otherLines   body lines not mapped to a field (Control, Status, Latency, Bus, ...), indentation removed
 */
public record PciDevice(SourceSpan span, PciAddress address, String className, String description,
                        Optional<String> classCode, Optional<String> vendor, Optional<String> vendorId,
                        Optional<String> deviceName, Optional<String> deviceId, Optional<String> revision,
                        Optional<String> progIf, Optional<String> subsystem, Optional<String> subsystemVendorId,
                        Optional<String> subsystemDeviceId, OptionalInt numaNode, OptionalInt iommuGroup,
                        Optional<String> driverInUse, List<String> kernelModules, List<PciRegion> regions,
                        List<PciCapability> capabilities, boolean capabilitiesAccessDenied, List<String> otherLines,
                        Map<String, Integer> keyLines)
        implements Event {

    public PciDevice {
        kernelModules = List.copyOf(kernelModules);
        regions = List.copyOf(regions);
        capabilities = List.copyOf(capabilities);
        keyLines = Map.copyOf(keyLines);
        otherLines = List.copyOf(otherLines);
    }

    /** True for class 06xx (host, ISA, PCI, CardBus bridges ...) or a class name ending in "bridge". */
    public boolean isBridge() {
        if (classCode.isPresent()) {
            return classCode.get().startsWith("06");
        }
        return className.toLowerCase(java.util.Locale.ROOT).endsWith("bridge");
    }

    /** True for class 0604 / "PCI bridge" (root ports and switch ports are PCI-to-PCI bridges). */
    public boolean isPciBridge() {
        return classCode.map("0604"::equals).orElse(className.equals("PCI bridge"));
    }

    /** {@code "10de:1b80"}, or empty when the capture printed no ids (plain lspci, -v without -nn). */
    public Optional<String> vendorDeviceId() {
        return vendorId.isPresent() && deviceId.isPresent()
                ? Optional.of(vendorId.get() + ":" + deviceId.get()) : Optional.empty();
    }

    /** The first capability of the given type, e.g. {@code capability(AcsCapability.class)}. */
    public <T extends PciCapability> Optional<T> capability(Class<T> type) {
        for (PciCapability cap : capabilities) {
            if (type.isInstance(cap)) {
                return Optional.of(type.cast(cap));
            }
        }
        return Optional.empty();
    }

    /** True when {@code driverInUse} is vfio-pci (or pci-stub, the older passthrough placeholder). */
    public boolean boundToVfio() {
        return driverInUse.map(d -> d.equals("vfio-pci") || d.equals("pci-stub")).orElse(false);
    }
}
