package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether, and for which devices, the host is set up for (or attempting) PCI passthrough: vfio-pci ids
 * in modprobe.d or on the command line, libvirt hostdevs, devices bound to vfio-pci now, and QEMU /
 * libvirt passthrough errors. Several rules only make sense on such a host (reset, memlock, iommu=pt).
 *
 * @param devices  every PCI function named by any of these sources
 * @param evidence the lines that show the intent (one per source line, de-duplicated by the finding)
 */
public record PassthroughDevices(Set<PciAddress> devices, List<EvidenceLine> evidence) {

    public static PassthroughDevices of(HostModel host) {
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
        for (VfioEvent e : host.events(VfioEvent.class)) {
            // "vfio_pci: add [10de:2489[ffffffff:ffffffff]] ...": ids given to vfio-pci, wherever they were configured
            Matcher m = ADDED_ID.matcher(e.detail());
            if (e.kind() == VfioEventKind.ID_ADDED && m.find()) {
                host.pci().withId(m.group(1)).forEach(f -> devices.add(f.address()));
                evidence.add(line(e.record().text(), e));
            }
        }
        for (PassthroughError e : host.events(PassthroughError.class)) {
            e.device().ifPresent(devices::add);
            evidence.add(line(e.record().text(), e));
        }
        return new PassthroughDevices(devices, List.copyOf(evidence));
    }

    /** True when anything shows the host passes (or tries to pass) devices to VMs. */
    public boolean any() {
        return !evidence.isEmpty();
    }

    public boolean includes(PciAddress address) {
        return devices.contains(address);
    }

    private static final Pattern ADDED_ID = Pattern.compile("add \\[([0-9a-f]{4}:[0-9a-f]{4})");

    private static EvidenceLine line(String text, dev.iommudoctor.parser.event.LogEvent e) {
        int nl = text.indexOf('\n');
        return EvidenceLine.of(e.span(), nl < 0 ? text : text.substring(0, nl));
    }
}
