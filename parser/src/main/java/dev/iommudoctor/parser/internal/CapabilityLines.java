package dev.iommudoctor.parser.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detail lines of one capability, grouped into logical fields: a level-2 line {@code DevCap:\tMaxPayload 256 bytes}
 * starts a field, the level-3 lines under it ({@code \t\t\tExtTag+ ... FLReset+}) continue it.
 */
final class CapabilityLines {

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

    /**
     * {@code SrcValid+ TransBlk- ...} as an ordered name -&gt; enabled map: every word ending in + or -, words
     * separated by blanks, commas, semicolons or parentheses ({@code PME(D0+,D1-)} gives D0 and D1). Hand-written
     * rather than a regex because it runs on every capability line of big dumps.
     */
    static Map<String, Boolean> flags(String text) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(text.charAt(i))) {
                i++;
            }
            if (i - start >= 2) {
                char last = text.charAt(i - 1);
                if ((last == '+' || last == '-') && Character.isLetterOrDigit(text.charAt(start))) {
                    out.putIfAbsent(text.substring(start, i - 1), last == '+');
                }
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '(' || c == ')';
    }
}
