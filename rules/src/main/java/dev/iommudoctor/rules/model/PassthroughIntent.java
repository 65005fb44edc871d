package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the host means to pass devices through: a function bound to vfio-pci (or pci-stub), its
 * vendor:device id requested in {@code options vfio-pci ids=} / {@code vfio-pci.ids=}, or a libvirt
 * hostdev naming it; and, host-wide, whether VFIO was configured or a VM tried to use it.
 */
public final class PassthroughIntent {

    private static final Set<String> VFIO_DRIVERS = Set.of("vfio-pci", "vfio_pci", "pci-stub");
    private static final Pattern ADDED = Pattern.compile("add \\[([0-9a-fA-F]{4}:[0-9a-fA-F]{4})\\[");

    private PassthroughIntent() {
    }

    /** True when {@code f} is meant for a VM: bound to vfio-pci, requested by id, or a libvirt hostdev. */
    public static boolean intended(HostModel host, PciFunction f) {
        return f.driver().map(VFIO_DRIVERS::contains).orElse(false)
                || f.vendorDevice().map(id -> host.vfio().requests(id) || idsAddedAtBoot(host).contains(id)).orElse(false)
                || host.vfio().hostdev(f.address()).isPresent();
    }

    /**
     * Ids vfio-pci announced at load ({@code vfio_pci: add [10de:1c82[ffffffff:ffffffff]] class 0x000000/00000000}):
     * the request as the kernel saw it, useful when the bundle lacks modprobe.d.
     */
    static Set<String> idsAddedAtBoot(HostModel host) {
        Set<String> ids = new HashSet<>();
        for (VfioEvent e : host.events(VfioEvent.class)) {
            if (e.kind() == VfioEventKind.ID_ADDED) {
                Matcher m = ADDED.matcher(e.detail());
                if (m.find()) {
                    ids.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return ids;
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
