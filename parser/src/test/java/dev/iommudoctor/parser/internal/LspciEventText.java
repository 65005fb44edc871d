package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.AcsCapability;
import dev.iommudoctor.parser.event.AerCapability;
import dev.iommudoctor.parser.event.AtsCapability;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.MsiCapability;
import dev.iommudoctor.parser.event.MsiXCapability;
import dev.iommudoctor.parser.event.PasidCapability;
import dev.iommudoctor.parser.event.PciCapability;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.parser.event.PciRegion;
import dev.iommudoctor.parser.event.PciTopologyLink;
import dev.iommudoctor.parser.event.PowerManagementCapability;
import dev.iommudoctor.parser.event.PriCapability;
import dev.iommudoctor.parser.event.SriovCapability;
import dev.iommudoctor.parser.event.VendorSpecificCapability;
import java.util.Optional;
import java.util.OptionalInt;

/** The golden-file text form of lspci events: one device line, then its regions and capabilities indented. */
final class LspciEventText {

    private LspciEventText() {
    }

    static String format(Event e) {
        if (e instanceof PciDevice d) {
            return device(d);
        }
        if (e instanceof PciTopologyLink l) {
            return l.span().line() + " PciTopologyLink root=" + l.rootBus() + " bridge="
                    + l.bridge().map(Object::toString).orElse("-") + " device=" + l.device()
                    + l.deviceName().map(n -> " name=\"" + n + "\"").orElse("");
        }
        if (e instanceof Diagnostic d) {
            return d.span().line() + " Diagnostic " + d.code() + " \"" + d.message() + "\" preview=\"" + d.preview() + "\"";
        }
        return e.span().line() + " " + e;
    }

    private static String device(PciDevice d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.span().line()).append('-').append(d.span().endLine()).append(" PciDevice ").append(d.address())
                .append(" class=\"").append(d.className()).append('"');
        opt(sb, "classCode", d.classCode());
        sb.append(" desc=\"").append(d.description()).append('"');
        quoted(sb, "vendor", d.vendor());
        quoted(sb, "device", d.deviceName());
        d.vendorDeviceId().ifPresent(v -> sb.append(" ids=").append(v));
        if (d.vendorDeviceId().isEmpty()) {
            opt(sb, "vendorId", d.vendorId());
            opt(sb, "deviceId", d.deviceId());
        }
        opt(sb, "rev", d.revision());
        opt(sb, "progIf", d.progIf());
        quoted(sb, "subsys", d.subsystem());
        if (d.subsystemVendorId().isPresent()) {
            sb.append(" subsysIds=").append(d.subsystemVendorId().get()).append(':')
                    .append(d.subsystemDeviceId().orElse("?"));
        }
        opt(sb, "numa", d.numaNode());
        opt(sb, "group", d.iommuGroup());
        opt(sb, "driver", d.driverInUse());
        if (!d.kernelModules().isEmpty()) {
            sb.append(" modules=").append(d.kernelModules());
        }
        if (d.capabilitiesAccessDenied()) {
            sb.append(" capsAccessDenied");
        }
        sb.append(" bridge=").append(d.isBridge()).append(" other=").append(d.otherLines().size());
        for (PciRegion r : d.regions()) {
            sb.append("\n  region \"").append(r.name()).append("\" ").append(r.kind()).append(' ')
                    .append(r.address().orElse("-"));
            r.size().ifPresent(s -> sb.append(" size=").append(s));
            sb.append(' ').append(r.flags());
        }
        for (PciCapability c : d.capabilities()) {
            sb.append("\n  cap ").append(Integer.toHexString(c.offset())).append(' ').append(capability(c))
                    .append(" lines=").append(c.rawLines().size());
        }
        return sb.toString();
    }

    private static String capability(PciCapability c) {
        if (c instanceof PowerManagementCapability p) {
            return "PM" + str("v", p.version()) + str(" pme=", p.pmeFlags()) + str(" state=", p.powerState())
                    + str(" noSoftRst=", p.noSoftReset());
        } else if (c instanceof MsiCapability m) {
            return "MSI enabled=" + m.enabled() + " count=" + m.countEnabled() + "/" + m.countMax() + " maskable="
                    + m.maskable() + " 64bit=" + m.is64bit();
        } else if (c instanceof MsiXCapability m) {
            return "MSI-X enabled=" + m.enabled() + " table=" + m.tableSize() + " masked=" + m.masked();
        } else if (c instanceof PciExpressCapability x) {
            return "Express" + str(" v", x.capVersion()) + " type=\"" + x.portType() + "\"" + str(" slot=", x.slot())
                    + str(" devCapMPS=", x.devCapMaxPayload()) + " flr=" + x.flReset()
                    + str(" devCtlMPS=", x.devCtlMaxPayload()) + str(" mrrs=", x.maxReadReq())
                    + str(" lnkCap=", x.lnkCapSpeed()) + str(" x", x.lnkCapWidth())
                    + str(" lnkSta=", x.lnkStaSpeed()) + str(" x", x.lnkStaWidth())
                    + (x.lnkStaSpeedDowngraded() ? " speedDowngraded" : "")
                    + (x.lnkStaWidthDowngraded() ? " widthDowngraded" : "");
        } else if (c instanceof AcsCapability a) {
            return "ACS cap=" + a.acsCap() + " ctl=" + a.acsCtl() + " isolationEnabled=" + a.isolationEnabled();
        } else if (c instanceof SriovCapability s) {
            return "SR-IOV enabled=" + s.enabled() + str(" initial=", s.initialVfs()) + str(" total=", s.totalVfs())
                    + str(" num=", s.numVfs()) + str(" vfId=", s.vfDeviceId()) + str(" vfOffset=", s.vfOffset())
                    + str(" stride=", s.vfStride());
        } else if (c instanceof AerCapability a) {
            return "AER ue=" + a.uncorrectableSet() + " ce=" + a.correctableSet();
        } else if (c instanceof AtsCapability a) {
            return "ATS" + str(" enabled=", a.enabled());
        } else if (c instanceof PasidCapability p) {
            return "PASID" + str(" enabled=", p.enabled()) + str(" maxWidth=", p.maxWidth());
        } else if (c instanceof PriCapability p) {
            return "PRI" + str(" enabled=", p.enabled());
        } else if (c instanceof VendorSpecificCapability v) {
            return "Vendor \"" + v.title() + "\"";
        }
        return "Other \"" + c.title() + "\"";
    }

    private static String str(String label, Optional<?> v) {
        return v.map(x -> label + x).orElse("");
    }

    private static String str(String label, OptionalInt v) {
        return v.isPresent() ? label + v.getAsInt() : "";
    }

    private static void opt(StringBuilder sb, String label, Optional<String> v) {
        v.ifPresent(x -> sb.append(' ').append(label).append('=').append(x));
    }

    private static void opt(StringBuilder sb, String label, OptionalInt v) {
        if (v.isPresent()) {
            sb.append(' ').append(label).append('=').append(v.getAsInt());
        }
    }

    private static void quoted(StringBuilder sb, String label, Optional<String> v) {
        v.ifPresent(x -> sb.append(' ').append(label).append("=\"").append(x).append('"'));
    }
}
