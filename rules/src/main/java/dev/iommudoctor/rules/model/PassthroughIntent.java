package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether, and for which devices, the host is set up for (or attempting) PCI passthrough: vfio-pci ids
 * in modprobe.d or on the command line, libvirt hostdevs, devices bound to vfio-pci now, and QEMU /
 * libvirt passthrough errors. Several rules only make sense on such a host (reset, memlock, iommu=pt).
 *
 * @param devices  every PCI function named by any of these sources
 * @param evidence the lines that show the intent (one per source line, de-duplicated by the finding)
 */
public record PassthroughIntent(Set<PciAddress> devices, List<EvidenceLine> evidence) {

    public static PassthroughIntent of(HostModel host) {
        Set<PciAddress> devices = new TreeSet<>();
        List<EvidenceLine> evidence = new ArrayList<>();
        VfioConfig vfio = host.vfio();
        for (Map.Entry<String, EvidenceLine> id : vfio.requestedIds().entrySet()) {
            evidence.add(id.getValue());
            host.pci().withId(id.getKey()).forEach(f -> devices.add(f.address()));
        }
        for (DomainHostdev h : vfio.hostdevs()) {
            devices.add(h.device());
            evidence.add(EvidenceLine.of(h.span(), "<" + h.element() + "> " + h.device()
                    + (h.domainName().isEmpty() ? "" : " in domain " + h.domainName())));
        }
        for (PciFunction f : host.pci().functions()) {
            if (f.boundTo("vfio-pci") && f.driverSource().isPresent()) {
                devices.add(f.address());
                evidence.add(EvidenceLine.of(f.driverSource().get(), f.address() + ": Kernel driver in use: vfio-pci"));
            }
        }
        for (PassthroughError e : host.events(PassthroughError.class)) {
            e.device().ifPresent(devices::add);
            evidence.add(line(e.record().text(), e));
        }
        return new PassthroughIntent(devices, List.copyOf(evidence));
    }

    /** True when anything shows the host passes (or tries to pass) devices to VMs. */
    public boolean any() {
        return !evidence.isEmpty();
    }

    public boolean includes(PciAddress address) {
        return devices.contains(address);
    }

    private static EvidenceLine line(String text, PassthroughError e) {
        int nl = text.indexOf('\n');
        return EvidenceLine.of(e.span(), nl < 0 ? text : text.substring(0, nl));
    }
}
