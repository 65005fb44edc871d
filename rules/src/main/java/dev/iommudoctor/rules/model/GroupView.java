package dev.iommudoctor.rules.model;

import java.util.List;
import java.util.Set;

/**
 * Viability of an IOMMU group for VFIO, as the kernel judges it: every member must be unbound, bound
 * to vfio-pci (or pci-stub), or be a bridge (bridges may stay on pcieport).
 */
public final class GroupView {

    /** Drivers under which a group member does not spoil viability. */
    private static final Set<String> HARMLESS = Set.of("vfio-pci", "pci-stub", "vfio_pci", "pcieport");

    private GroupView() {
    }

    /** Members that keep the group from being viable: non-bridges held by a host driver. */
    public static List<PciFunction> blockers(HostModel host, int group) {
        return host.pci().groupMembers(group).stream()
                .filter(f -> !f.isBridge())
                .filter(f -> f.driver().map(d -> !HARMLESS.contains(d)).orElse(false))
                .toList();
    }

    /** Non-bridge members whose driver the bundle does not show (a group listing without lspci -k). */
    public static List<PciFunction> unknown(HostModel host, int group) {
        return host.pci().groupMembers(group).stream()
                .filter(f -> !f.isBridge() && f.driver().isEmpty() && f.driverSource().isEmpty())
                .toList();
    }

    /** One line per member: address, what it is, its driver. */
    public static String describe(PciFunction f) {
        String driver = f.driver().map(d -> "driver " + d)
                .orElse(f.driverSource().isPresent() ? "no driver" : "driver not shown in the bundle");
        return "  " + f.label() + " -> " + driver + (f.isBridge() ? " (bridge: may stay as is)" : "");
    }
}
