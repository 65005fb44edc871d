package dev.iommudoctor.parser.api;

import java.util.Map;
import java.util.Optional;

/**
 * What parsing one input produced, for {@code parse --stats}, the analysis report and the web UI.
 *
 * @param source        the input's name
 * @param kind          what the sniffer decided the input is
 * @param bytes         decompressed bytes read
 * @param lines         lines read
 * @param eventCounts   events emitted, by {@link dev.iommudoctor.parser.event.Event#type()}
 * @param unrecognized  log lines that became {@code UnrecognizedLine}
 * @param diagnostics   diagnostics emitted
 * @param partial       true when the input could not be read to its end (truncated, limit hit)
 * @param problem       a one-sentence explanation when the input is unusable or partial
 */
public record ParseSummary(String source, SourceKind kind, long bytes, long lines, Map<String, Long> eventCounts,
                           long unrecognized, long diagnostics, boolean partial, Optional<String> problem) {

    /** True when the input gave nothing usable: empty, binary, unknown or unreadable. */
    public boolean unusable() {
        return kind == SourceKind.EMPTY || kind == SourceKind.BINARY || kind == SourceKind.UNKNOWN
                || (partial && lines == 0);
    }

    /** Events other than diagnostics: for a log, its records (continuation lines joined). */
    public long records() {
        return events() - eventCounts.getOrDefault("Diagnostic", 0L);
    }

    public long events() {
        return eventCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
