package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether this host is set up for, or attempting, device passthrough: the same fact (IOMMU off, no
 * interrupt remapping) is an error on a virtualisation host and a remark on a laptop. Evidence in
 * order of strength: QEMU/libvirt passthrough errors, devices bound to vfio-pci, vfio-pci ids or
 * libvirt hostdevs configured, vfio kernel messages.
 */
public final class PassthroughIntent {

    private static final Set<String> VFIO_DRIVERS = Set.of("vfio-pci", "vfio_pci", "pci-stub");
    private static final Pattern ADDED = Pattern.compile("add \\[([0-9a-fA-F]{4}:[0-9a-fA-F]{4})\\[");

    private PassthroughIntent() {
    }

    /** The line that shows passthrough is intended, or empty when nothing does. */
    public static Optional<EvidenceLine> of(HostModel host) {
        for (PassthroughError e : host.events(PassthroughError.class)) {
            return Optional.of(EvidenceLine.of(e.span(), firstLine(e.record().text())));
        }
        for (PciFunction f : host.pci().functions()) {
            if (f.boundTo("vfio-pci") && f.driverEvidence().isPresent()) {
                return f.driverEvidence();
            }
        }
        VfioConfig vfio = host.vfio();
        if (!vfio.requestedIds().isEmpty()) {
            return Optional.of(vfio.requestedIds().values().iterator().next());
        }
        if (!vfio.hostdevs().isEmpty()) {
            var h = vfio.hostdevs().get(0);
            return Optional.of(EvidenceLine.of(h.span(), "hostdev " + h.device() + " in domain " + h.domainName()));
        }
        for (VfioEvent e : host.events(VfioEvent.class)) {
            // vgaarb lines and the vfio core's version banner appear on every host, passthrough or not.
            if (e.kind() != VfioEventKind.VGA_ARBITRATION && e.kind() != VfioEventKind.MODULE_LOADED) {
                return Optional.of(EvidenceLine.of(e.span(), firstLine(e.record().text())));
            }
        }
        return Optional.empty();
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


    /** The non-bridge functions meant for a VM (see {@link #intended}), in address order. */
    public static java.util.List<PciFunction> intendedFunctions(HostModel host) {
        return host.pci().functions().stream().filter(f -> !f.isBridge() && intended(host, f)).toList();
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

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
