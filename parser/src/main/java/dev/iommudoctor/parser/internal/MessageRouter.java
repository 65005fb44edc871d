package dev.iommudoctor.parser.internal;

import static dev.iommudoctor.parser.internal.MessageFamily.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot-path prefilter: decides from literal anchors alone whether a message body can belong to a
 * family of KernelMessage.g4, and which one. Most lines cost one scan to the first space and one
 * hash lookup; only lines whose leading word is a known subsystem prefix, or that carry a PCI device
 * prefix, look further. Only lines routed here ever reach ANTLR.
 *
 * <p>The anchors are literal prefixes of the wordings the grammar defines; a line that passes here
 * but fails the grammar is a wording the grammar does not know yet and becomes a GRAMMAR diagnostic.
 */
final class MessageRouter {

    private record Anchor(String prefix, MessageFamily family) {
    }

    /** Leading word (up to the first space, colon included) -> anchors on the whole body. */
    private final Map<String, Anchor[]> byHead = new HashMap<>();
    /**
     * Bit {@code n} of entry {@code c} is set when some key of {@link #byHead} starts with {@code c} and is
     * {@code n} characters long: most lines' leading words are rejected without building the key string.
     */
    private final long[] headShapes = new long[128];
    /** Anchors on the text after a {@code driver 0000:01:00.0[ ifname]: } prefix. */
    private final List<Anchor> afterDevice;
    /** {@link #afterDevice} split by the first character of the prefix, in the same order (arrays: hot loop). */
    private final Anchor[][] afterDeviceByFirst = new Anchor[128][];

    MessageRouter() {
        head("Linux", a("Linux version ", KERNEL_VERSION));
        head("Command", a("Command line: ", COMMAND_LINE));
        head("Kernel", a("Kernel command line: ", COMMAND_LINE));
        head("Unknown", a("Unknown kernel command line parameters", UNKNOWN_PARAMETERS),
                a("Unknown command line parameters", UNKNOWN_PARAMETERS));
        head("DMI:", a("DMI: Memory slots", null), a("DMI: ", DMI));
        head("Hypervisor", a("Hypervisor detected: ", HYPERVISOR));
        head("ACPI:", a("ACPI: DMAR 0x", ACPI_TABLE), a("ACPI: IVRS 0x", ACPI_TABLE), a("ACPI: IORT 0x", ACPI_TABLE));
        head("DMAR:", a("DMAR: [Firmware Bug]:", FIRMWARE_BUG), a("DMAR: Your BIOS is broken", FIRMWARE_BUG),
                a("DMAR: [DMA ", INTEL_FAULT), a("DMAR: [INTR-REMAP]", INTEL_FAULT), a("DMAR: [fault reason", INTEL_FAULT_REASON),
                a("DMAR: DRHD: handling fault status", FAULT_STATUS), a("DMAR: DRHD base:", DRHD), a("DMAR: RMRR base:", RMRR_RANGE),
                a("DMAR: IOMMU enabled", IOMMU_STATUS), a("DMAR: IOMMU disabled", IOMMU_STATUS),
                a("DMAR: Intel(R) Virtualization", IOMMU_STATUS), a("DMAR: Host address width", IOMMU_STATUS),
                a("DMAR: No DMAR devices found", IOMMU_STATUS), a("DMAR: Parse DMAR table failure", IOMMU_STATUS),
                a("DMAR: Initialization failed", IOMMU_STATUS), a("DMAR: Unknown option", IOMMU_STATUS),
                a("DMAR: Disable GFX device mapping", IOMMU_STATUS), a("DMAR: Intel-IOMMU force enabled", IOMMU_STATUS),
                a("DMAR: Forcing Intel-IOMMU", IOMMU_STATUS), a("DMAR: Unable to map DMAR", IOMMU_STATUS),
                a("DMAR: Invalid DMAR haw", IOMMU_STATUS));
        head("DMAR-IR:", a("DMAR-IR: Enabled IRQ remapping", IRQ_REMAPPING), a("DMAR-IR: Not enabl", IRQ_REMAPPING),
                a("DMAR-IR: Failed to enable irq remapping", IRQ_REMAPPING), a("DMAR-IR: Failed to setup irq remapping", IRQ_REMAPPING),
                a("DMAR-IR: This system BIOS has enabled interrupt remapping", IRQ_REMAPPING),
                a("DMAR-IR: x2apic is disabled", X2APIC), a("DMAR-IR: [Firmware Bug]:", FIRMWARE_BUG));
        head("AMD-Vi:", a("AMD-Vi: Event logged [", AMD_EVENT), a("AMD-Vi: Interrupt remapping enabled", IRQ_REMAPPING),
                a("AMD-Vi: Disabling interrupt remapping", IRQ_REMAPPING), a("AMD-Vi: X2APIC enabled", X2APIC),
                a("AMD-Vi: [Firmware Bug]:", FIRMWARE_BUG), a("AMD-Vi: Found IOMMU", IOMMU_STATUS),
                a("AMD-Vi: Extended features", IOMMU_STATUS), a("AMD-Vi: Using global IVHD", IOMMU_STATUS),
                a("AMD-Vi: IOMMU performance counters supported", IOMMU_STATUS), a("AMD-Vi: Unknown option", IOMMU_STATUS),
                a("AMD-Vi: AMD IOMMUv2 loaded", IOMMU_STATUS), a("AMD-Vi: AMD IOMMUv2 functionality", IOMMU_STATUS), a("AMD-Vi: AMD IOMMU disabled", IOMMU_STATUS),
                a("AMD-Vi: Initialized for Passthrough Mode", IOMMU_STATUS), a("AMD-Vi: Disable IOMMU on", IOMMU_STATUS),
                a("AMD-Vi: IOMMU not currently supported", IOMMU_STATUS), a("AMD-Vi: Failed to initialize", IOMMU_STATUS));
        head("AMD", a("AMD IOMMUv2 functionality", IOMMU_STATUS));
        head("Intel-IOMMU:", a("Intel-IOMMU: enabled", IOMMU_STATUS), a("Intel-IOMMU: disabled", IOMMU_STATUS),
                a("Intel-IOMMU: disable GFX device mapping", IOMMU_STATUS));
        head("perf/amd_iommu:", a("perf/amd_iommu: Detected AMD IOMMU", IOMMU_STATUS));
        head("iommu:", a("iommu: Default domain type:", DEFAULT_DOMAIN), a("iommu: DMA domain TLB invalidation policy:", TLB_POLICY),
                a("iommu: Adding device ", GROUP_ADDED));
        head("INTR-REMAP:", a("INTR-REMAP: Request device", INTEL_FAULT), a("INTR-REMAP:[fault reason", INTEL_FAULT_REASON));
        head("x2apic", a("x2apic enabled", X2APIC), a("x2apic disabled", X2APIC));
        head("x2apic:", a("x2apic: enabled by BIOS", X2APIC), a("x2apic: IRQ remapping doesn't support", X2APIC));
        head("APIC:", a("APIC: Switched APIC routing to", X2APIC));
        head("Switched", a("Switched APIC routing to", X2APIC));
        head("Warning:", a("Warning: PCIe ACS overrides enabled", ACS));
        head("Out", a("Out of PCIe ACS override slots", ACS));
        head("PCIe", a("PCIe ACS ID", ACS), a("PCIe ACS invalid ID", ACS));
        head("HugeTLB:", a("HugeTLB: registered ", HUGEPAGES_REGISTERED), a("HugeTLB: allocating ", HUGEPAGES_FAILED));
        head("HugeTLB", a("HugeTLB registered ", HUGEPAGES_REGISTERED));
        head("PCI-DMA:", a("PCI-DMA: Using software bounce buffering", BOUNCE_BUFFERING));
        head("software", a("software IO TLB: mapped", BOUNCE_BUFFERING));
        head("VFIO", a("VFIO - User Level meta-driver", VFIO));
        head("vfio_pci:", a("vfio_pci: add [", VFIO), a("vfio_pci: invalid id string", VFIO));
        head("vfio-pci:", a("vfio-pci: probe of ", VFIO));
        head("vfio_pin_pages_remote:", a("vfio_pin_pages_remote: RLIMIT_MEMLOCK", VFIO));
        head("This", a("This system BIOS has enabled interrupt remapping", IRQ_REMAPPING));
        head("Your", a("Your BIOS is broken;", FIRMWARE_BUG));
        head("BIOS", a("BIOS vendor: ", BIOS_INFO));

        afterDevice = List.of(
                a("Adding to iommu group ", GROUP_ADDED), a("[", PCI_ENUMERATED),
                a("AMD-Vi: Event logged [", AMD_EVENT), a("AMD-Vi: Found IOMMU", IOMMU_STATUS),
                a("AMD-Vi: IOMMU performance counters supported", IOMMU_STATUS), a("AMD-Vi: Extended features", IOMMU_STATUS),
                a("DMAR: Device is ineligible", RMRR_INELIGIBLE), a("Device is ineligible", RMRR_INELIGIBLE),
                a("Firmware has requested this device have a 1:1", RMRR_INELIGIBLE),
                a("DMAR: Disabling IOMMU for graphics", IOMMU_STATUS), a("Disabling IOMMU for graphics", IOMMU_STATUS),
                a("DMAR: BIOS has allocated no shadow GTT", IOMMU_STATUS), a("BIOS has allocated no shadow GTT", IOMMU_STATUS),
                a("BAR ", VFIO), a("not ready ", VFIO), a("timed out waiting for pending transaction", VFIO),
                a("Refused to change power state", VFIO), a("refused to change power state", VFIO),
                a("Unable to change power state", VFIO), a("Invalid PCI ROM header", VFIO),
                a("vfio_ecap_init: hiding", VFIO), a("vfio_cap_init: hiding", VFIO), a("vgaarb: ", VFIO),
                a("MSI interrupts are not secure", VFIO),
                a("Intel PCH root port ACS", ACS), a("Intel SPT PCH root port ACS", ACS), a("Failed to enable Intel PCH ACS", ACS),
                a("disabled ACS redirect", ACS), a("Configured ACS to", ACS), a("cannot disable ACS redirect", ACS),
                a("changing MTU from", MTU), a("Setting MTU > ", MTU), a("Error changing mtu", MTU),
                a("SR-IOV enabled with ", SRIOV));
        for (int c = 0; c < 128; c++) {
            int first = c;
            afterDeviceByFirst[c] = afterDevice.stream().filter(x -> x.prefix().charAt(0) == first).toArray(Anchor[]::new);
        }
    }

    private static Anchor a(String prefix, MessageFamily family) {
        return new Anchor(prefix, family);
    }

    private void head(String word, Anchor... anchors) {
        byHead.put(word, anchors.clone());
        headShapes[word.charAt(0)] |= 1L << word.length();
    }

    /** The anchors of the leading word {@code body[0, end)}, or null. */
    private Anchor[] anchorsOfHead(String body, int end) {
        if (end <= 0 || end >= 64) {
            return null;
        }
        char c = body.charAt(0);
        if (c >= 128 || (headShapes[c] & 1L << end) == 0) {
            return null;
        }
        return byHead.get(end == body.length() ? body : body.substring(0, end));
    }

    /**
     * The family {@code body} may belong to, or null. {@code pendingAmdEvent} says the previous record
     * was a dangling {@code AMD-Vi: Event logged [} whose event body may come as this record.
     */
    MessageFamily route(String body, boolean pendingAmdEvent) {
        int space = body.indexOf(' ');
        int headEnd = space < 0 ? body.length() : space;
        Anchor[] anchors = anchorsOfHead(body, headEnd);
        if (anchors != null) {
            MessageFamily f = match(anchors, body, 0);
            if (f != null || body.startsWith("DMAR")) {
                return f;
            }
        } else if (body.startsWith("DMAR:") || body.startsWith("INTR-REMAP:")) {
            // <=3.x kernels wrote "DMAR:[DMA Read] ..." without the space after the colon
            return routeOldDmar(body);
        }
        if (pendingAmdEvent && space > 0 && isUpperWord(body, space) && body.startsWith("device=", space + 1)) {
            return AMD_EVENT_CONTINUATION;
        }
        int afterDev = afterDevicePrefix(body, space);
        if (afterDev > 0) {
            char first = afterDev < body.length() ? body.charAt(afterDev) : 0;
            MessageFamily f = first < 128 ? match(afterDeviceByFirst[first], body, afterDev) : null;
            if (f == PCI_ENUMERATED && !body.startsWith("] type ", body.indexOf(']', afterDev))) {
                return null;
            }
            if (f == VFIO && body.startsWith("BAR ", afterDev) && body.indexOf("can't reserve", afterDev) < 0) {
                return null;
            }
            if (f == null && body.startsWith("enabling device (", afterDev) && body.startsWith("vfio-pci ")) {
                return VFIO;
            }
            if (f != null) {
                return f;
            }
        }
        return routeAnywhere(body);
    }

    private static MessageFamily routeOldDmar(String body) {
        if (body.startsWith("DMAR:[fault reason") || body.startsWith("INTR-REMAP:[fault reason")) {
            return INTEL_FAULT_REASON;
        }
        if (body.startsWith("DMAR:[DMA ") || body.startsWith("DMAR:[INTR-REMAP]")) {
            return INTEL_FAULT;
        }
        return body.startsWith("DMAR:DRHD: handling fault status") ? FAULT_STATUS : null;
    }

    /** The anchor {@code " dropped over-mtu packet: "} up to its {@code ": "}. */
    private static final String OVER_MTU = " dropped over-mtu packet";

    /** Anchors that may sit anywhere in the line: rate limiting, QEMU/libvirt/libxl errors. */
    private static MessageFamily routeAnywhere(String body) {
        // Four of the anchors contain ": ", so one walk over the ": " of the line (most have one to three)
        // decides all four instead of four scans of the whole line: this runs on every ordinary line.
        boolean amdEvent = false;
        boolean noIrqRemap = false;
        boolean overMtu = false;
        boolean invalidMtu = false;
        for (int i = body.indexOf(": "); i >= 0; i = body.indexOf(": ", i + 1)) {
            amdEvent |= body.startsWith(": AMD-Vi: Event logged [", i);
            noIrqRemap |= body.startsWith(": No interrupt remapping support.", i);
            invalidMtu |= body.startsWith(": Invalid MTU ", i);
            overMtu |= i >= OVER_MTU.length() && body.startsWith(OVER_MTU, i - OVER_MTU.length());
        }
        if (amdEvent) {
            return AMD_EVENT; // prefixed by a non-PCI device, e.g. "iommu ivhd0: "
        }
        if (body.endsWith(" callbacks suppressed")) {
            return FAULTS_SUPPRESSED;
        }
        if (noIrqRemap) {
            return VFIO;
        }
        if (overMtu || invalidMtu) {
            return MTU;
        }
        boolean vfio = body.contains("vfio") || body.contains("VFIO");
        if (vfio && (body.contains(" is not viable") || body.contains(" used in multiple address spaces")
                || body.contains("failed to setup container for group") || body.contains("/dev/vfio/")
                || body.contains("error getting device from group") || body.contains("VFIO_MAP_DMA failed")
                || body.contains("vfio_dma_map(") || body.contains("vfio_container_dma_map(")
                || body.contains("Cannot reset device ") || body.contains("Failed to set vIOMMU"))) {
            return PASSTHROUGH;
        }
        if (body.contains("PCI device ") && (body.contains(" is in use") || body.contains(" cannot be assigned - no IOMMU")
                || body.contains("Unable to reset PCI device "))) {
            return PASSTHROUGH;
        }
        return body.contains("unable to map backing store for guest RAM") ? PASSTHROUGH : null;
    }

    private static MessageFamily match(Anchor[] anchors, String body, int from) {
        for (Anchor a : anchors) {
            if (body.startsWith(a.prefix(), from)) {
                return a.family();
            }
        }
        return null;
    }

    /**
     * Index after {@code driver 0000:01:00.0: } or {@code driver 0000:01:00.0 ifname: }, or -1.
     * Hand-written because it runs on every line that got this far.
     */
    static int afterDevicePrefix(String s, int space) {
        if (space <= 0) {
            return -1;
        }
        int i = space + 1;
        int end = bdfEnd(s, i);
        if (end < 0) {
            return -1;
        }
        if (end < s.length() && s.charAt(end) == ':') {
            return end + 1 < s.length() && s.charAt(end + 1) == ' ' ? end + 2 : -1;
        }
        if (end < s.length() && s.charAt(end) == ' ') {
            int colon = s.indexOf(": ", end + 1);
            int nextSpace = s.indexOf(' ', end + 1);
            return colon > 0 && colon < nextSpace + 1 ? colon + 2 : -1;
        }
        return -1;
    }

    /** End of a {@code 0000:01:00.0} or {@code 01:00.0} address starting at {@code i}, or -1. */
    private static int bdfEnd(String s, int i) {
        int n = s.length();
        int j = i;
        if (j + 12 <= n && hex(s, j, 4) && s.charAt(j + 4) == ':') {
            j += 5;
        }
        if (j + 7 <= n && hex(s, j, 2) && s.charAt(j + 2) == ':' && hex(s, j + 3, 2) && s.charAt(j + 5) == '.'
                && s.charAt(j + 6) >= '0' && s.charAt(j + 6) <= '7') {
            return j + 7;
        }
        return -1;
    }

    private static boolean hex(String s, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s[0, end)} is a non-empty word of upper-case letters and underscores. */
    private static boolean isUpperWord(String s, int end) {
        for (int k = 0; k < end; k++) {
            char c = s.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c == '_')) {
                return false;
            }
        }
        return end > 0;
    }
}
