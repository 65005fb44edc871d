package dev.iommudoctor.rules.telemetry;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.parser.event.SysfsAttribute;
import dev.iommudoctor.rules.model.HostModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PCIe link of each function, current against capability, from sysfs
 * ({@code current_link_speed} = {@code 2.5 GT/s PCIe}, {@code max_link_width} = {@code 16}) or from
 * lspci ({@code LnkCap: Speed 16GT/s, Width x16} / {@code LnkSta: Speed 2.5GT/s (downgraded), Width x8}).
 * sysfs wins when both are present: it is read at collection time.
 */
final class PcieLinks {

    /** One link; speeds in GT/s. */
    record Link(PciAddress address, double speed, int width, double maxSpeed, int maxWidth, SourceSpan span, String text) {
        boolean narrower() {
            return width > 0 && maxWidth > 0 && width < maxWidth;
        }

        boolean slower() {
            return speed > 0 && maxSpeed > 0 && speed < maxSpeed;
        }
    }

    private static final Pattern SYSFS = Pattern.compile("sys/bus/pci/devices/([^/]+)/(current|max)_link_(speed|width)");
    private static final Pattern GTS = Pattern.compile("([0-9.]+)\\s*GT/s");

    private PcieLinks() {
    }

    static Map<PciAddress, Link> of(HostModel host) {
        Map<PciAddress, Link> links = new HashMap<>();
        for (PciDevice d : host.events(PciDevice.class)) {
            for (var c : d.capabilities()) {
                if (c instanceof PciExpressCapability e && e.lnkCapSpeed().isPresent() && e.lnkStaSpeed().isPresent()) {
                    links.put(d.address(), new Link(d.address(), gts(e.lnkStaSpeed().get()), e.lnkStaWidth().orElse(0),
                            gts(e.lnkCapSpeed().get()), e.lnkCapWidth().orElse(0), d.span(),
                            "LnkCap: Speed " + e.lnkCapSpeed().get() + ", Width x" + e.lnkCapWidth().orElse(0)
                                    + " / LnkSta: Speed " + e.lnkStaSpeed().get() + ", Width x" + e.lnkStaWidth().orElse(0)));
                }
            }
        }
        Map<PciAddress, Map<String, SysfsAttribute>> sysfs = new HashMap<>();
        for (SysfsAttribute a : host.events(SysfsAttribute.class)) {
            Matcher m = SYSFS.matcher(a.path());
            PciAddress addr = m.matches() ? PciAddress.tryParse(m.group(1)) : null;
            if (addr != null) {
                sysfs.computeIfAbsent(addr, k -> new HashMap<>()).put(m.group(2) + "_" + m.group(3), a);
            }
        }
        sysfs.forEach((addr, attrs) -> sysfsLink(addr, attrs).ifPresent(l -> links.put(addr, l)));
        return links;
    }

    private static Optional<Link> sysfsLink(PciAddress addr, Map<String, SysfsAttribute> a) {
        if (!a.containsKey("current_speed") || !a.containsKey("max_speed")) {
            return Optional.empty();
        }
        double speed = gts(a.get("current_speed").value());
        double max = gts(a.get("max_speed").value());
        int width = width(a.get("current_width"));
        int maxWidth = width(a.get("max_width"));
        String text = "current " + a.get("current_speed").value() + " x" + width + ", max " + a.get("max_speed").value() + " x" + maxWidth;
        return Optional.of(new Link(addr, speed, width, max, maxWidth, a.get("current_speed").span(), text));
    }

    private static double gts(String s) {
        Matcher m = GTS.matcher(s);
        try {
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int width(SysfsAttribute a) {
        if (a == null) {
            return 0;
        }
        try {
            return Integer.parseInt(a.value().strip().replace("x", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
