package dev.iommudoctor.rules.irq;

import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.ModprobeDirective;
import dev.iommudoctor.parser.event.SysfsAttribute;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every place that turns on {@code allow_unsafe_interrupts} for VFIO (legacy type1 container or iommufd):
 * {@code options vfio_iommu_type1 allow_unsafe_interrupts=1} in modprobe.d, the same as a kernel parameter,
 * {@code /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts = Y}, and iommufd's
 * {@code MSI interrupts are not secure ...} warning, which the kernel prints only when the option is set.
 */
record UnsafeInterruptsSetting(List<EvidenceLine> evidence) {

    private static final Set<String> MODULES = Set.of("vfio_iommu_type1", "iommufd");

    static UnsafeInterruptsSetting of(HostModel host) {
        List<EvidenceLine> ev = new ArrayList<>();
        host.vfio().unsafeInterrupts().ifPresent(ev::add);
        for (ModprobeDirective d : host.events(ModprobeDirective.class)) {
            if (d.command().equals("options") && d.moduleKey().equals("iommufd")
                    && truthy(d.options().get("allow_unsafe_interrupts"))) {
                ev.add(EvidenceLine.of(d.span(), d.command() + " " + d.module() + " " + d.arguments()));
            }
        }
        for (KernelParameter p : host.cmdline().parameters()) {
            if (p.name().replace('-', '_').equals("iommufd.allow_unsafe_interrupts") && truthy(p.value().orElse("1"))) {
                ev.add(host.cmdline().evidence());
            }
        }
        for (SysfsAttribute a : host.events(SysfsAttribute.class)) {
            String[] parts = a.path().split("/");
            if (parts.length >= 5 && parts[parts.length - 1].equals("allow_unsafe_interrupts")
                    && MODULES.contains(parts[parts.length - 3]) && truthy(a.value())) {
                ev.add(EvidenceLine.of(a.span(), a.path() + " = " + a.value()));
            }
        }
        for (VfioEvent e : host.events(VfioEvent.class)) {
            if (e.kind() == VfioEventKind.UNSAFE_INTERRUPTS) {
                ev.add(EvidenceLine.of(e.span(), e.record().text()));
            }
        }
        return new UnsafeInterruptsSetting(ev.stream().distinct().toList());
    }

    boolean present() {
        return !evidence.isEmpty();
    }

    /** Where to remove it from, for the remedy. */
    String whereSet() {
        return String.join(", ", evidence.stream().map(e -> e.text().startsWith("sys/") ? "/" + e.text()
                : e.text().contains("MSI interrupts are not secure") ? "iommufd warning in the kernel log"
                : e.file().replaceAll(".*[/!]", "") + ":" + e.line()).distinct().toList());
    }

    private static boolean truthy(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("yes")
                || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on"));
    }
}
