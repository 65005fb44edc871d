package dev.iommudoctor.collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces identifying values in bundle text, the same value always by the same token, so a bundle can
 * leave the customer's site and still be analysed: hostnames -> {@code host-1}, user names ->
 * {@code user-1}, serial numbers -> {@code serial-1}, MACs -> {@code 02:00:00:00:00:01} (locally
 * administered, still a MAC), IPv4 -> {@code 10.0.0.1}, IPv6 -> {@code fd00::1} (still addresses).
 * Loopback, unspecified and broadcast values identify nobody and stay. PCI addresses, timestamps and
 * version strings do not look like any of these and are untouched, which is why findings do not change.
 *
 * <p>Hostnames and user names must be known up front (from the host); serials are known up front
 * (board identity) and also recognised by their labels ({@code Serial number: ...},
 * {@code Device Serial Number 00-1b-...}).
 */
public final class Redactor {

    private static final Pattern MAC = Pattern.compile("(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:])");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w]|\\.\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\w:.])");
    private static final Pattern LABELLED_SERIAL = Pattern.compile(
            "(?i)(serial(?:[ _-]?(?:number|no))?\"?\\s*[:=]\\s*\"?)([A-Za-z0-9][A-Za-z0-9._/-]{2,})");
    private static final Pattern DEVICE_SERIAL = Pattern.compile("(Device Serial Number\\s+)([0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){7})");
    private static final Set<String> NOT_SERIALS = Set.of("none", "unknown", "not", "default", "to", "n/a", "na", "null",
            "number", "0", "00000000", "0123456789", "system", "chassis");

    private final Map<String, Map<String, String>> tokens = new LinkedHashMap<>();
    private final List<Pattern> literalPatterns = new ArrayList<>();
    private final List<String> literalKinds = new ArrayList<>();

    /**
     * @param hostnames known host names (FQDN and short name both matched)
     * @param users     login names of people (system accounts like root or kvm are left: they identify nobody)
     * @param serials   serial numbers known from the board/system identity
     */
    public Redactor(Set<String> hostnames, Set<String> users, Set<String> serials) {
        addLiterals("serial", serials, 4);
        List<String> hosts = new ArrayList<>();
        for (String h : hostnames) {
            hosts.add(h);
            int dot = h.indexOf('.');
            if (dot > 0) {
                hosts.add(h.substring(0, dot));
            }
        }
        addLiterals("host", hosts, 2);
        addLiterals("user", users, 2);
    }

    private void addLiterals(String kind, Iterable<String> values, int minLength) {
        List<String> sorted = new ArrayList<>();
        values.forEach(v -> {
            if (v != null && v.strip().length() >= minLength && !NOT_SERIALS.contains(v.strip().toLowerCase(Locale.ROOT))) {
                sorted.add(v.strip());
            }
        });
        // longest first: the FQDN before its short name
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        for (String v : sorted) {
            // Hosts: not inside a longer word, and not a '-suffix' of a kernel release ("6.8.12-4-pve" is no
            // hostname). Users and serials: only not inside a longer word; they do turn up in names like win11-alice.
            String pattern = kind.equals("host") ? "(?<![\\w.-])" + Pattern.quote(v) + "(?![\\w-])"
                    : "(?<![A-Za-z0-9])" + Pattern.quote(v) + "(?![A-Za-z0-9])";
            // a short host name ("vm", "pve") matched regardless of case would also take the word "VM"/"PVE" from log text
            boolean anyCase = !kind.equals("host") || v.length() > 3;
            literalPatterns.add(Pattern.compile(pattern, anyCase ? Pattern.CASE_INSENSITIVE : 0));
            literalKinds.add(kind);
            token(kind, v.toLowerCase(Locale.ROOT));
        }
    }

    /** The token for a value of a kind, assigned on first sight. */
    private String token(String kind, String value) {
        Map<String, String> m = tokens.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        return m.computeIfAbsent(value, v -> format(kind, m.size() + 1));
    }

    private static String format(String kind, int n) {
        return switch (kind) {
            case "mac" -> String.format(Locale.ROOT, "02:00:00:00:%02x:%02x", (n >> 8) & 0xff, n & 0xff);
            case "ipv4" -> "10.0." + ((n - 1) / 254) + "." + ((n - 1) % 254 + 1);
            case "ipv6" -> "fd00::" + Integer.toHexString(n);
            case "dsn" -> String.format(Locale.ROOT, "00-00-00-00-00-00-%02x-%02x", (n >> 8) & 0xff, n & 0xff);
            default -> kind + "-" + n;
        };
    }

    /** Redacts a file's text. */
    public String redact(String text) {
        String s = replace(DEVICE_SERIAL, text, m -> m.group(1) + token("dsn", m.group(2).toLowerCase(Locale.ROOT)));
        s = replace(LABELLED_SERIAL, s, m -> NOT_SERIALS.contains(m.group(2).toLowerCase(Locale.ROOT)) || m.group(2).startsWith("serial-")
                ? m.group() : m.group(1) + token("serial", m.group(2).toLowerCase(Locale.ROOT)));
        s = literals(s);
        s = replace(MAC, s, m -> {
            String v = m.group().toLowerCase(Locale.ROOT);
            return v.equals("00:00:00:00:00:00") || v.equals("ff:ff:ff:ff:ff:ff") ? m.group() : token("mac", v);
        });
        s = replace(IPV6_CANDIDATE, s, m -> isIpv6(m.group()) ? token("ipv6", m.group().toLowerCase(Locale.ROOT)) : m.group());
        s = replace(IPV4, s, m -> keepIpv4(m) ? m.group() : token("ipv4", m.group()));
        return s;
    }

    /** Redacts a path inside the bundle (a guest log named after its owner, say): names only, no addresses. */
    public String redactPath(String path) {
        return literals(path);
    }

    private String literals(String text) {
        String s = text;
        for (int i = 0; i < literalPatterns.size(); i++) {
            String kind = literalKinds.get(i);
            s = replace(literalPatterns.get(i), s, m -> token(kind, m.group().toLowerCase(Locale.ROOT)));
        }
        return s;
    }

    private static boolean keepIpv4(Matcher m) {
        int[] o = new int[4];
        for (int i = 0; i < 4; i++) {
            o[i] = Integer.parseInt(m.group(i + 1));
            if (o[i] > 255) {
                return true;  // not an address (a version or a counter)
            }
        }
        return o[0] == 0 || o[0] == 127 || o[0] == 255;
    }

    private static boolean isIpv6(String s) {
        int colons = (int) s.chars().filter(c -> c == ':').count();
        boolean compressed = s.contains("::");
        if (colons > 7 || (!compressed && colons != 7) || s.contains(":::")) {
            return false;
        }
        long groups = java.util.Arrays.stream(s.split(":")).filter(g -> !g.isEmpty()).count();
        return groups >= 2;
    }

    private static String replace(Pattern p, String text, Function<Matcher, String> f) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    /** Every original value seen, by kind, with its token (kept by the customer; never put in the bundle). */
    public Map<String, Map<String, String>> mapping() {
        return tokens;
    }
}
