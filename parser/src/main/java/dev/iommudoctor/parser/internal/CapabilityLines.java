package dev.iommudoctor.parser.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detail lines of one capability, grouped into logical fields: a level-2 line {@code DevCap:\tMaxPayload 256 bytes}
 * starts a field, the level-3 lines under it ({@code \t\t\tExtTag+ ... FLReset+}) continue it.
 */
final class CapabilityLines {

    private static final Pattern FLAG = Pattern.compile("([A-Za-z0-9][\\w-]*?)([+-])(?=[\\s,;]|$)");

    private final List<String> raw = new ArrayList<>();
    private final Map<String, StringBuilder> fields = new LinkedHashMap<>();
    private StringBuilder current;

    /** Adds a level-2 line; {@code key} is without the colon, or null for a line without a key. */
    void field(String key, String value, String rawLine) {
        raw.add(rawLine);
        current = new StringBuilder(value);
        fields.putIfAbsent(key == null ? rawLine : key, current);
    }

    /** Adds a level-3 continuation line to the field above it. */
    void continuation(String rawLine) {
        raw.add(rawLine);
        if (current == null) {
            field(null, rawLine, rawLine);
            raw.remove(raw.size() - 1);
        } else {
            current.append(' ').append(rawLine);
        }
    }

    List<String> raw() {
        return raw;
    }

    /** The full text of a field, continuations joined by a space; empty string when absent. */
    String get(String key) {
        StringBuilder sb = fields.get(key);
        return sb == null ? "" : sb.toString();
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    /** All fields whose key or keyless text starts with {@code prefix}, joined (e.g. "Initial VFs"). */
    String firstStartingWith(String prefix) {
        for (Map.Entry<String, StringBuilder> e : fields.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                return e.getKey() + ": " + e.getValue();
            }
        }
        return "";
    }

    /** {@code SrcValid+ TransBlk- ...} as an ordered name -&gt; enabled map. */
    static Map<String, Boolean> flags(String text) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        Matcher m = FLAG.matcher(text);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2).equals("+"));
        }
        return out;
    }
}
