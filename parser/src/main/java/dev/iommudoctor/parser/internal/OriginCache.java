package dev.iommudoctor.parser.internal;

/**
 * Hands out one shared String per distinct origin ({@code DMAR}, {@code pci}, {@code vfio-pci} ...),
 * so that the millions of records of a large log do not each carry a fresh copy. A direct-mapped table:
 * a collision simply replaces the slot.
 */
final class OriginCache {

    private static final int SLOTS = 512;

    private final String[] slots = new String[SLOTS];
    /** The String returned last: runs of lines share their host and often their origin. */
    private String last = "";

    /** The characters {@code s[from, to)} as a shared String. */
    String get(String s, int from, int to) {
        String previous = last;
        if (previous.length() == to - from && s.startsWith(previous, from)) {
            return previous;
        }
        last = lookup(s, from, to);
        return last;
    }

    private String lookup(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        int slot = (h ^ (h >>> 9)) & (SLOTS - 1);
        String cached = slots[slot];
        int len = to - from;
        if (cached != null && cached.length() == len && s.regionMatches(from, cached, 0, len)) {
            return cached;
        }
        String fresh = s.substring(from, to);
        slots[slot] = fresh;
        return fresh;
    }
}
