package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.ModprobeDirective;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the host is configured to pass through and how: vfio-pci ids from modprobe.d and the command
 * line, softdeps that order vfio-pci before GPU drivers, blacklisted modules, module options such as
 * {@code allow_unsafe_interrupts}, and libvirt hostdevs.
 *
 * @param requestedIds   vendor:device ids claimed for vfio-pci, with the line that asks for each
 * @param softdeps       module -> the softdep line (e.g. {@code softdep nvidia pre: vfio-pci})
 * @param blacklisted    module -> the blacklist line
 * @param unsafeInterrupts the line that sets {@code allow_unsafe_interrupts=1}, when one does
 * @param hostdevs       devices assigned to VMs in libvirt domain XML
 */
public record VfioConfig(Map<String, EvidenceLine> requestedIds, Map<String, EvidenceLine> softdeps,
                         Map<String, EvidenceLine> blacklisted, Optional<EvidenceLine> unsafeInterrupts,
                         List<DomainHostdev> hostdevs) {

    static VfioConfig of(HostModel host) {
        Map<String, EvidenceLine> ids = new LinkedHashMap<>();
        Map<String, EvidenceLine> softdeps = new LinkedHashMap<>();
        Map<String, EvidenceLine> blacklisted = new LinkedHashMap<>();
        Optional<EvidenceLine> unsafe = Optional.empty();
        for (ModprobeDirective d : host.events(ModprobeDirective.class)) {
            EvidenceLine line = EvidenceLine.of(d.span(), d.command() + " " + d.module() + " " + d.arguments());
            String module = d.moduleKey();
            switch (d.command()) {
                case "options" -> {
                    if (module.equals("vfio_pci")) {
                        idsOf(d.options().get("ids")).forEach(id -> ids.put(id, line));
                    }
                    if (module.equals("vfio_iommu_type1") && truthy(d.options().get("allow_unsafe_interrupts"))) {
                        unsafe = Optional.of(line);
                    }
                }
                case "softdep" -> softdeps.put(module, line);
                case "blacklist" -> blacklisted.put(module, line);
                default -> { }
            }
        }
        BootParameters p = host.cmdline();
        for (KernelParameter kp : p.parameters()) {
            String name = kp.name().replace('-', '_');
            if (name.equals("vfio_pci.ids")) {
                idsOf(kp.value().orElse(null)).forEach(id -> ids.putIfAbsent(id, p.evidence()));
            }
            if (name.equals("vfio_iommu_type1.allow_unsafe_interrupts") && truthy(kp.value().orElse("1"))) {
                unsafe = Optional.of(p.evidence());
            }
            if (name.equals("modprobe.blacklist") || name.equals("module_blacklist")) {
                for (String m : kp.value().orElse("").split(",")) {
                    if (!m.isBlank()) {
                        blacklisted.putIfAbsent(m.replace('-', '_'), p.evidence());
                    }
                }
            }
        }
        return new VfioConfig(ids, softdeps, blacklisted, unsafe, host.events(DomainHostdev.class));
    }

    public boolean requests(String vendorDevice) {
        return requestedIds.containsKey(vendorDevice.toLowerCase(Locale.ROOT));
    }

    /** The hostdev that assigns {@code address} to a VM, when libvirt config is in the bundle. */
    public Optional<DomainHostdev> hostdev(PciAddress address) {
        return hostdevs.stream().filter(h -> h.device().equals(address)).findFirst();
    }

    private static List<String> idsOf(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String id : value.split(",")) {
            String t = id.trim().toLowerCase(Locale.ROOT);
            if (t.matches("[0-9a-f]{4}:[0-9a-f]{4}(:.*)?")) {
                out.add(t.substring(0, 9));
            }
        }
        return out;
    }

    private static boolean truthy(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true")
                || v.equalsIgnoreCase("on"));
    }
}
