package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.Optional;

/**
 * Whether this host is set up for, or attempting, device passthrough: the same fact (IOMMU off, no
 * interrupt remapping) is an error on a virtualisation host and a remark on a laptop. Evidence in
 * order of strength: QEMU/libvirt passthrough errors, devices bound to vfio-pci, vfio-pci ids or
 * libvirt hostdevs configured, vfio kernel messages.
 */
public final class PassthroughIntent {

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

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
