package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import java.util.Set;

/**
 * Whether the host means to pass devices through: a function bound to vfio-pci (or pci-stub), its
 * vendor:device id requested in {@code options vfio-pci ids=} / {@code vfio-pci.ids=}, or a libvirt
 * hostdev naming it; and, host-wide, whether VFIO was configured or a VM tried to use it.
 */
public final class PassthroughIntent {

    private static final Set<String> VFIO_DRIVERS = Set.of("vfio-pci", "vfio_pci", "pci-stub");

    private PassthroughIntent() {
    }

    /** True when {@code f} is meant for a VM: bound to vfio-pci, requested by id, or a libvirt hostdev. */
    public static boolean intended(HostModel host, PciFunction f) {
        return f.driver().map(VFIO_DRIVERS::contains).orElse(false)
                || f.vendorDevice().map(host.vfio()::requests).orElse(false)
                || host.vfio().hostdev(f.address()).isPresent();
    }

    /** True when the host is set up for passthrough or a VM attempted it (ids, hostdevs, vfio-pci devices, QEMU errors). */
    public static boolean configuredOrAttempted(HostModel host) {
        VfioConfig v = host.vfio();
        if (!v.requestedIds().isEmpty() || !v.hostdevs().isEmpty() || !host.events(PassthroughError.class).isEmpty()) {
            return true;
        }
        for (VfioEvent e : host.events(VfioEvent.class)) {
            if (e.kind() == VfioEventKind.NO_INTERRUPT_REMAPPING || e.kind() == VfioEventKind.DEVICE_ENABLED
                    || e.kind() == VfioEventKind.ID_ADDED) {
                return true;
            }
        }
        return host.pci().functions().stream().anyMatch(f -> f.driver().map(VFIO_DRIVERS::contains).orElse(false));
    }

    /** The libvirt domain a device is assigned to, for messages ("" when none). */
    public static String domainOf(HostModel host, PciFunction f) {
        return host.vfio().hostdev(f.address()).map(DomainHostdev::domainName).orElse("");
    }
}
