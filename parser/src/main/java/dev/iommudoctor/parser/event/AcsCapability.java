package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Map;

/**
 * Access Control Services, the capability that decides whether devices below a port can be isolated in
 * their own IOMMU groups:
 * <pre>
 * \tCapabilities: [148 v1] Access Control Services
 * \t\tACSCap:\tSrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-
 * \t\tACSCtl:\tSrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-
 * </pre>
 * Maps are keyed SrcValid, TransBlk, ReqRedir, CmpltRedir, UpstreamFwd, EgressCtrl, DirectTrans in print
 * order; they are empty when lspci did not print the lines (-v, or a non-root capture).
 */
public record AcsCapability(int offset, String title, List<String> rawLines, Map<String, Boolean> acsCap,
                            Map<String, Boolean> acsCtl) implements PciCapability {

    /** The controls the kernel requires for isolation (PCI_ACS_REQ_FLAGS in drivers/pci/pci.c). */
    public static final List<String> REQUIRED = List.of("SrcValid", "ReqRedir", "CmpltRedir", "UpstreamFwd");

    public AcsCapability {
        rawLines = List.copyOf(rawLines);
        acsCap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(acsCap));
        acsCtl = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(acsCtl));
    }

    /**
     * True when every required control the port supports is enabled, the same test as the kernel's
     * {@code pci_acs_flags_enabled()}: a feature missing from ACSCap does not count against isolation.
     * False when the ACSCtl line is absent (state unknown).
     */
    public boolean isolationEnabled() {
        if (acsCtl.isEmpty()) {
            return false;
        }
        for (String flag : REQUIRED) {
            boolean supported = acsCap.isEmpty() || acsCap.getOrDefault(flag, false);
            if (supported && !acsCtl.getOrDefault(flag, false)) {
                return false;
            }
        }
        return true;
    }

    /** True when ACSCap offers every required feature (the port could isolate if enabled). */
    public boolean isolationCapable() {
        return !acsCap.isEmpty() && REQUIRED.stream().allMatch(f -> acsCap.getOrDefault(f, false));
    }
}
