package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.AcsCapability;
import dev.iommudoctor.parser.event.AerCapability;
import dev.iommudoctor.parser.event.AtsCapability;
import dev.iommudoctor.parser.event.MsiCapability;
import dev.iommudoctor.parser.event.MsiXCapability;
import dev.iommudoctor.parser.event.OtherCapability;
import dev.iommudoctor.parser.event.PasidCapability;
import dev.iommudoctor.parser.event.PciCapability;
import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.parser.event.PowerManagementCapability;
import dev.iommudoctor.parser.event.PriCapability;
import dev.iommudoctor.parser.event.SriovCapability;
import dev.iommudoctor.parser.event.VendorSpecificCapability;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one capability (header title + grouped detail lines) into its typed record. The title decides the
 * type; unknown titles become {@link OtherCapability}. Values lspci did not print stay empty.
 */
final class LspciCapabilities {

    private static final Pattern PM_VERSION = Pattern.compile("Power Management version (\\d+)");
    private static final Pattern PME = Pattern.compile("PME\\(([^)]*)\\)");
    private static final Pattern POWER_STATE = Pattern.compile("^\\s*(D[0-3])(?:hot|cold)?\\b");
    private static final Pattern COUNT_PAIR = Pattern.compile("Count=(\\d+)/(\\d+)");
    private static final Pattern MSIX_SIZE = Pattern.compile("(?:Count|TabSize)=(\\d+)");
    private static final Pattern EXPRESS = Pattern.compile(
            "Express (?:\\(v(\\d+)\\) )?(.+?)(?: \\(Slot([+-])\\))?(?:, .*)?");
    private static final Pattern MAX_PAYLOAD = Pattern.compile("MaxPayload (\\d+) bytes");
    private static final Pattern MAX_READ_REQ = Pattern.compile("MaxReadReq (\\d+) bytes");
    private static final Pattern SPEED = Pattern.compile("Speed ([^,\\s]+)( \\((?:downgraded|ok|strange|overdriven)\\))?");
    private static final Pattern WIDTH = Pattern.compile("Width x(\\d+)( \\((?:downgraded|ok|strange|overdriven)\\))?");
    private static final Pattern SRIOV_COUNTS = Pattern.compile(
            "Initial VFs: (\\d+), Total VFs: (\\d+), Number of VFs: (\\d+)");
    private static final Pattern VF_LAYOUT = Pattern.compile("VF offset: (\\d+), stride: (\\d+), Device ID: ([0-9a-fA-F]{4})");
    private static final Pattern PASID_WIDTH = Pattern.compile("Max PASID Width: ([0-9a-fA-F]+)");

    private LspciCapabilities() {
    }

    static PciCapability create(int offset, String title, CapabilityLines lines) {
        List<String> raw = lines.raw();
        if (title.startsWith("Power Management version")) {
            return powerManagement(offset, title, lines);
        } else if (title.startsWith("MSI-X:")) {
            Map<String, Boolean> f = CapabilityLines.flags(title);
            return new MsiXCapability(offset, title, raw, f.getOrDefault("Enable", false),
                    intOf(MSIX_SIZE, title, 1).orElse(0), f.getOrDefault("Masked", f.getOrDefault("Mask", false)));
        } else if (title.startsWith("MSI:")) {
            Map<String, Boolean> f = CapabilityLines.flags(title);
            return new MsiCapability(offset, title, raw, f.getOrDefault("Enable", false),
                    intOf(COUNT_PAIR, title, 1).orElse(0), intOf(COUNT_PAIR, title, 2).orElse(0),
                    f.getOrDefault("Maskable", f.getOrDefault("Mask", false)), f.getOrDefault("64bit", false));
        } else if (title.startsWith("Express")) {
            return express(offset, title, lines);
        } else if (title.startsWith("Access Control Services")) {
            return new AcsCapability(offset, title, raw, CapabilityLines.flags(lines.get("ACSCap")),
                    CapabilityLines.flags(lines.get("ACSCtl")));
        } else if (title.startsWith("Single Root I/O Virtualization")) {
            return sriov(offset, title, lines);
        } else if (title.startsWith("Advanced Error Reporting")) {
            return new AerCapability(offset, title, raw, setFlags(lines.get("UESta")), setFlags(lines.get("CESta")));
        } else if (title.startsWith("Address Translation Service")) {
            return new AtsCapability(offset, title, raw, flag(lines.get("ATSCtl"), "Enable"));
        } else if (title.startsWith("Process Address Space ID")) {
            OptionalInt width = OptionalInt.empty();
            Matcher m = PASID_WIDTH.matcher(lines.get("PASIDCap"));
            if (m.find()) {
                width = OptionalInt.of(Integer.parseInt(m.group(1), 16));
            }
            return new PasidCapability(offset, title, raw, flag(lines.get("PASIDCtl"), "Enable"), width);
        } else if (title.startsWith("Page Request Interface")) {
            return new PriCapability(offset, title, raw, flag(lines.get("PRICtl"), "Enable"));
        } else if (title.startsWith("Vendor Specific Information") || title.startsWith("VirtIO:")
                || title.startsWith("Designated Vendor-Specific")) {
            return new VendorSpecificCapability(offset, title, raw);
        }
        return new OtherCapability(offset, title, raw);
    }

    private static PowerManagementCapability powerManagement(int offset, String title, CapabilityLines lines) {
        Matcher pme = PME.matcher(lines.get("Flags"));
        Matcher state = POWER_STATE.matcher(lines.get("Status"));
        return new PowerManagementCapability(offset, title, lines.raw(), intOf(PM_VERSION, title, 1),
                pme.find() ? Optional.of(pme.group(1)) : Optional.empty(),
                state.find() ? Optional.of(state.group(1)) : Optional.empty(),
                flag(lines.get("Status"), "NoSoftRst"));
    }

    private static PciExpressCapability express(int offset, String title, CapabilityLines lines) {
        Matcher t = EXPRESS.matcher(title);
        OptionalInt version = OptionalInt.empty();
        String portType = title;
        Optional<Boolean> slot = Optional.empty();
        if (t.matches()) {
            version = t.group(1) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(t.group(1)));
            portType = t.group(2);
            slot = t.group(3) == null ? Optional.empty() : Optional.of(t.group(3).equals("+"));
        }
        String devCap = lines.get("DevCap");
        String devCtl = lines.get("DevCtl");
        String lnkCap = lines.get("LnkCap");
        String lnkSta = lines.get("LnkSta");
        Matcher staSpeed = SPEED.matcher(lnkSta);
        Matcher staWidth = WIDTH.matcher(lnkSta);
        boolean hasStaSpeed = staSpeed.find();
        boolean hasStaWidth = staWidth.find();
        return new PciExpressCapability(offset, title, lines.raw(), version, portType, slot,
                intOf(MAX_PAYLOAD, devCap, 1), flag(devCap, "FLReset").orElse(false),
                intOf(MAX_PAYLOAD, devCtl, 1), intOf(MAX_READ_REQ, devCtl, 1),
                stringOf(SPEED, lnkCap), intOf(WIDTH, lnkCap, 1),
                hasStaSpeed ? Optional.of(staSpeed.group(1)) : Optional.empty(),
                hasStaWidth ? OptionalInt.of(Integer.parseInt(staWidth.group(1))) : OptionalInt.empty(),
                hasStaSpeed && " (downgraded)".equals(staSpeed.group(2)),
                hasStaWidth && " (downgraded)".equals(staWidth.group(2)));
    }

    private static SriovCapability sriov(int offset, String title, CapabilityLines lines) {
        String counts = lines.firstStartingWith("Initial VFs");
        String layout = lines.firstStartingWith("VF offset");
        Matcher c = SRIOV_COUNTS.matcher(counts);
        Matcher l = VF_LAYOUT.matcher(layout);
        boolean hasCounts = c.find();
        boolean hasLayout = l.find();
        return new SriovCapability(offset, title, lines.raw(), flag(lines.get("IOVCtl"), "Enable").orElse(false),
                hasCounts ? OptionalInt.of(Integer.parseInt(c.group(1))) : OptionalInt.empty(),
                hasCounts ? OptionalInt.of(Integer.parseInt(c.group(2))) : OptionalInt.empty(),
                hasCounts ? OptionalInt.of(Integer.parseInt(c.group(3))) : OptionalInt.empty(),
                hasLayout ? Optional.of(l.group(3).toLowerCase()) : Optional.empty(),
                hasLayout ? OptionalInt.of(Integer.parseInt(l.group(1))) : OptionalInt.empty(),
                hasLayout ? OptionalInt.of(Integer.parseInt(l.group(2))) : OptionalInt.empty());
    }

    private static Optional<Boolean> flag(String text, String name) {
        return Optional.ofNullable(CapabilityLines.flags(text).get(name));
    }

    private static List<String> setFlags(String text) {
        return CapabilityLines.flags(text).entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    private static OptionalInt intOf(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(group))) : OptionalInt.empty();
    }

    private static Optional<String> stringOf(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
