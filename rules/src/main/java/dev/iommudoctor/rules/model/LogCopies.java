package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.LogEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Recognises the same kernel messages arriving through several files of one bundle: a sosreport holds
 * the kernel log as {@code sos_commands/kernel/dmesg}, inside {@code var/log/messages} and in the journal,
 * with different stamps (monotonic, wall clock) that cannot be matched. A message text seen n times in
 * one file and m times in another counts max(n, m) times, not n + m, so a fault storm is not doubled,
 * while repeats within one file (the storm itself) all count.
 *
 * <p>Memory stays small on huge logs: texts are kept as 64-bit hashes with a counter per source, for at
 * most {@value #MAX_TEXTS} texts and {@value #MAX_SOURCES} log files.
 */
final class LogCopies {

    private static final int MAX_TEXTS = 100_000;
    private static final int MAX_SOURCES = 8;

    private final Map<String, Integer> sourceIds = new HashMap<>();
    /** text hash -> occurrences so far, per source id. */
    private final Map<Long, int[]> seen = new HashMap<>();

    /** Counts the event and returns true when another source has already shown this occurrence of its text. */
    boolean isCopy(LogEvent event) {
        Integer source = sourceIds.get(event.span().source());
        if (source == null) {
            if (sourceIds.size() >= MAX_SOURCES) {
                return false;
            }
            source = sourceIds.size();
            sourceIds.put(event.span().source(), source);
        }
        long key = hash(event.record().text());
        int[] counts = seen.get(key);
        if (counts == null) {
            if (seen.size() >= MAX_TEXTS) {
                return false;
            }
            counts = new int[MAX_SOURCES];
            seen.put(key, counts);
        }
        int n = ++counts[source];
        for (int other = 0; other < counts.length; other++) {
            if (other != source && counts[other] >= n) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the chars: a collision would need two different messages with one 64-bit hash. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
