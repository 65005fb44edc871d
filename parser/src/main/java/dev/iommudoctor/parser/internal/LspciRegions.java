package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.PciRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BAR, expansion ROM and bridge window lines:
 * {@code Memory at f6000000 (32-bit, non-prefetchable) [size=16M]}, {@code I/O ports at e000 [disabled] [size=128]},
 * {@code Expansion ROM at <unassigned> [disabled]}, {@code e0c00000-e0dfffff [size=2M] [32-bit]}.
 */
final class LspciRegions {

    private static final Pattern BAR = Pattern.compile("((?:\\[virtual\\] )?)(Memory|I/O ports|Expansion ROM) at (\\S+)(.*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\(([^)]*)\\)|\\[([^\\]]*)\\]");

    private LspciRegions() {
    }

    /** A BAR or ROM line ({@code name} "Region 0", "Region" or "Expansion ROM"); null when it is not one. */
    static PciRegion bar(String name, String text) {
        Matcher m = BAR.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String kind = switch (m.group(2)) {
            case "Memory" -> "memory";
            case "I/O ports" -> "io";
            default -> "rom";
        };
        List<String> flags = new ArrayList<>();
        if (!m.group(1).isEmpty()) {
            flags.add("virtual");
        }
        return build(m.group(2).equals("Expansion ROM") ? "Expansion ROM" : name, kind, m.group(3), m.group(4), flags);
    }

    /** A bridge window: {@code title} "Memory behind bridge" etc., {@code text} the value after the colon. */
    static PciRegion bridgeWindow(String title, String text) {
        String kind = title.startsWith("I/O") ? "bridge-io"
                : title.startsWith("Prefetchable") ? "bridge-prefetchable" : "bridge-memory";
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        String rest = space < 0 ? "" : text.substring(space);
        if (first.startsWith("[")) {
            return build(title, kind, "", text, new ArrayList<>());
        }
        return build(title, kind, first, rest, new ArrayList<>());
    }

    private static PciRegion build(String name, String kind, String address, String rest, List<String> flags) {
        Optional<String> addr = Optional.empty();
        if (address.startsWith("<") && address.endsWith(">")) {
            flags.add(address.substring(1, address.length() - 1));
        } else if (address.equals("None")) {
            flags.add("none");
        } else if (!address.isEmpty()) {
            addr = Optional.of(address);
        }
        Optional<String> size = Optional.empty();
        Matcher a = ATTRIBUTE.matcher(rest);
        while (a.find()) {
            if (a.group(1) != null) {
                for (String part : a.group(1).split(",\\s*")) {
                    flags.add(part.strip());
                }
            } else if (a.group(2).startsWith("size=")) {
                size = Optional.of(a.group(2).substring(5));
            } else {
                flags.add(a.group(2));
            }
        }
        return new PciRegion(name, kind, addr, size, flags);
    }
}
