package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.PciAddress;

/**
 * Finds the origin (subsystem, driver or program) and the PCI device that a message body starts with.
 * The prefix stays in the body: rules quote the full text.
 *
 * <ul>
 *   <li>{@code [drm] Initialized ...}, {@code [TTM] Zone ...}, {@code [drm:intel_dp_detect [i915]] ...}
 *       → origin {@code drm} / {@code TTM} (a bracketed identifier; {@code [Firmware Bug]: } has a space
 *       and is not an origin)</li>
 *   <li>{@code vfio-pci 0000:01:00.0: enabling device} (dev_printk), {@code ixgbe 0000:03:00.0 enp3s0f0: NIC Link is Up}
 *       (netdev_printk) → origin {@code vfio-pci} / {@code ixgbe}, device 0000:01:00.0 / 0000:03:00.0</li>
 *   <li>{@code pci_bus 0000:00: root bus resource} → origin {@code pci_bus}, no device</li>
 *   <li>{@code DMAR: IOMMU enabled}, {@code DMAR-IR: ...}, {@code AMD-Vi: ...}, {@code x86/fpu: ...},
 *       {@code qemu-system-x86_64: ...} (pr_fmt / program prefix) → origin without the colon</li>
 *   <li>{@code systemd[1]: Started ...} → origin {@code systemd}</li>
 * </ul>
 * For a QEMU program prefix the device is taken from {@code vfio 0000:28:00.0:} or {@code host=0000:28:00.0}
 * in the rest of the line. Hand-written (no regex) because it runs on every line.
 */
final class BodyPrefixScanner {

    private final OriginCache origins = new OriginCache();

    /** The shared String for an origin name {@code s[from, to)} found by the envelope scanner. */
    String originOf(String s, int from, int to) {
        return origins.get(s, from, to);
    }

    /** Sets {@code e.origin} and {@code e.device} from the body of {@code s} starting at {@code from}. */
    void scan(String s, int from, LineEnvelope e) {
        int n = s.length();
        if (from >= n) {
            return;
        }
        if (s.charAt(from) == '[') {
            int q = from + 1;
            while (q < n && isIdentChar(s.charAt(q))) {
                q++;
            }
            if (q > from + 1 && q < n && (s.charAt(q) == ']' || (s.charAt(q) == ':' && !stampLike(s, from + 1)))) {
                e.origin = origins.get(s, from + 1, q);
            }
            return;
        }
        if (!isTokenStart(s.charAt(from))) {
            return;
        }
        int q = from + 1;
        while (q < n && isTokenChar(s.charAt(q))) {
            q++;
        }
        if (q >= n) {
            return;
        }
        char c = s.charAt(q);
        if (c == ':') {
            if (colonEnds(s, q)) {
                e.origin = origins.get(s, from, q);
                if (e.origin.startsWith("qemu")) {
                    e.device = qemuDevice(s, q);
                }
            }
        } else if (c == '[') {
            int r = q + 1;
            while (r < n && isDigit(s.charAt(r))) {
                r++;
            }
            if (r > q + 1 && r + 1 < n && s.charAt(r) == ']' && s.charAt(r + 1) == ':' && colonEnds(s, r + 1)) {
                e.origin = origins.get(s, from, q);
            }
        } else if (c == ' ') {
            devicePrefix(s, from, q, e);
        }
    }

    /** {@code driver BDF: }, {@code driver BDF ifname: }, {@code pci_bus 0000:00: }. */
    private void devicePrefix(String s, int from, int tokenEnd, LineEnvelope e) {
        int n = s.length();
        int b = tokenEnd + 1;
        PciAddress bdf = parseBdf(s, b);
        if (bdf != null) {
            int r = b + 12;
            if (r < n && s.charAt(r) == ':' && colonEnds(s, r)) {
                e.origin = origins.get(s, from, tokenEnd);
                e.device = bdf;
            } else if (r < n && s.charAt(r) == ' ') {
                // netdev_printk: "ixgbe 0000:03:00.0 enp3s0f0: " or "(unnamed net_device) (uninitialized): "
                int spaces = 0;
                for (int k = r + 1; k < n; k++) {
                    char c = s.charAt(k);
                    if (c == ':') {
                        if (s.charAt(k - 1) != ' ' && colonEnds(s, k)) {
                            e.origin = origins.get(s, from, tokenEnd);
                            e.device = bdf;
                        }
                        return;
                    }
                    if (c == ' ' && (++spaces > 2 || s.charAt(k - 1) == ' ')) {
                        return;
                    }
                }
            }
            return;
        }
        // pci_bus 0000:00: (a bus, not a function)
        if (b + 8 <= n && isHex(s, b, 4) && s.charAt(b + 4) == ':' && isHex(s, b + 5, 2) && s.charAt(b + 7) == ':'
                && colonEnds(s, b + 7)) {
            e.origin = origins.get(s, from, tokenEnd);
        }
    }

    /** QEMU reports the device as {@code vfio 0000:28:00.0: } after the option text, or in {@code host=}. */
    static PciAddress qemuDevice(String s, int from) {
        int v = s.indexOf("vfio ", from);
        while (v >= 0) {
            PciAddress a = parseBdf(s, v + 5);
            if (a != null) {
                return a;
            }
            v = s.indexOf("vfio ", v + 5);
        }
        int h = s.indexOf("host=", from);
        if (h >= 0) {
            return parseBdf(s, h + 5);
        }
        h = s.indexOf("\"host\":\"", from);
        return h >= 0 ? parseBdf(s, h + 8) : null;
    }

    /** A full sysfs PCI name {@code 0000:01:00.0} at {@code at}, or null. */
    static PciAddress parseBdf(String s, int at) {
        if (at + 12 > s.length() || s.charAt(at + 4) != ':' || s.charAt(at + 7) != ':' || s.charAt(at + 10) != '.') {
            return null;
        }
        int domain = hex(s, at, 4);
        int bus = hex(s, at + 5, 2);
        int dev = hex(s, at + 8, 2);
        char f = s.charAt(at + 11);
        if (domain < 0 || bus < 0 || dev < 0 || dev > 0x1f || f < '0' || f > '7') {
            return null;
        }
        if (at + 12 < s.length() && isHexDigit(s.charAt(at + 12))) {
            return null;
        }
        return new PciAddress(domain, bus, dev, f - '0');
    }

    private static boolean colonEnds(String s, int colon) {
        return colon + 1 == s.length() || s.charAt(colon + 1) == ' ';
    }

    private static int hex(String s, int at, int len) {
        int v = 0;
        for (int i = at; i < at + len; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static boolean isHex(String s, int at, int len) {
        return at + len <= s.length() && hex(s, at, len) >= 0;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Letters (any script), ASCII digits and '_': a WORD token of the grammar. */
    private static boolean isIdentChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
        }
        return Character.isLetter(c);
    }

    /**
     * True when a PCI name ({@code 0000:01:00.0}, {@code 0000:00:}) or a clock ({@code 10:00:01}) starts at
     * {@code at}: the grammar reads those as whole tokens, so {@code [0000:01:00.0]} names no origin.
     */
    private static boolean stampLike(String s, int at) {
        int n = s.length();
        if (at + 8 <= n && isHex(s, at, 4) && s.charAt(at + 4) == ':' && isHex(s, at + 5, 2) && s.charAt(at + 7) == ':') {
            return true;
        }
        return at + 8 <= n && isDigit(s.charAt(at)) && isDigit(s.charAt(at + 1)) && s.charAt(at + 2) == ':'
                && isDigit(s.charAt(at + 3)) && isDigit(s.charAt(at + 4)) && s.charAt(at + 5) == ':'
                && isDigit(s.charAt(at + 6)) && isDigit(s.charAt(at + 7));
    }

    private static boolean isTokenStart(char c) {
        return isIdentChar(c) || c == '/';
    }

    /** Characters of a pr_fmt / driver / program name: {@code x86/fpu}, {@code DMAR-IR}, {@code vfio_pci}, {@code 8250.0}. */
    private static boolean isTokenChar(char c) {
        return isIdentChar(c) || c == '-' || c == '.' || c == '/';
    }
}
