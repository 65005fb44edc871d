package dev.iommudoctor.parser.event;

import java.util.Locale;

/**
 * A PCI function address, printed in the canonical sysfs form {@code 0000:01:00.0}. Inputs that omit
 * the domain ({@code 01:00.0}) or write hex with {@code 0x} ({@code [0x00:0x02.0]}) mean domain 0.
 */
public record PciAddress(int domain, int bus, int device, int function) implements Comparable<PciAddress> {

    public PciAddress {
        if (domain < 0 || domain > 0xffff || bus < 0 || bus > 0xff || device < 0 || device > 0x1f
                || function < 0 || function > 7) {
            throw new IllegalArgumentException("not a PCI address: " + domain + ":" + bus + ":" + device + "." + function);
        }
    }

    /**
     * Parses {@code 0000:01:00.0}, {@code 01:00.0}, {@code 0x00:0x02.0} or {@code pci:0000:01:00.0}
     * (case-insensitive). Throws {@link IllegalArgumentException} for anything else.
     */
    public static PciAddress parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace("0x", "");
        if (s.startsWith("pci:")) {
            s = s.substring(4);
        }
        int dot = s.lastIndexOf('.');
        int colon = dot < 0 ? -1 : s.lastIndexOf(':', dot);
        if (dot < 0 || colon < 0 || dot != s.length() - 2) {
            throw new IllegalArgumentException("not a PCI address: " + text);
        }
        int firstColon = s.indexOf(':');
        try {
            int domain = firstColon == colon ? 0 : Integer.parseInt(s.substring(0, firstColon), 16);
            int bus = Integer.parseInt(s.substring(firstColon == colon ? 0 : firstColon + 1, colon), 16);
            int dev = Integer.parseInt(s.substring(colon + 1, dot), 16);
            int fn = Character.digit(s.charAt(dot + 1), 8);
            return new PciAddress(domain, bus, dev, fn);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a PCI address: " + text, e);
        }
    }

    /** Like {@link #parse} but returns null instead of throwing; for scanners on the hot path. */
    public static PciAddress tryParse(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The function 0 of the same slot: {@code 0000:01:00.1 -> 0000:01:00.0}. */
    public PciAddress slot() {
        return new PciAddress(domain, bus, device, 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%d", domain, bus, device, function);
    }

    @Override
    public int compareTo(PciAddress o) {
        return toString().compareTo(o.toString());
    }
}
