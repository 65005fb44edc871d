package dev.iommudoctor.parser.fuzz;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.LogRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What every parse of arbitrary bytes must guarantee, checked by all fuzz targets: no exception
 * (an {@link IOException} from in-memory input included), every span inside the input's lines and
 * named after the input, and no event text beyond the line limit. A violation is an
 * {@link AssertionError}, which Jazzer reports as a finding.
 */
final class ParseInvariants {

    /** Small line limit so that fuzz inputs of a few KiB reach the truncation paths. */
    static final ParseLimits LIMITS = new ParseLimits(1 << 22, 256);
    /** KernelLogFormatParser.MAX_RECORD_CHARS: a record stops absorbing continuation lines past this. */
    static final int MAX_RECORD_CHARS = 1 << 18;
    /** Fixed wording a diagnostic may put around quoted input (codes, explanations). */
    private static final int MESSAGE_SLACK = 512;

    private ParseInvariants() {
    }

    /** Parses {@code content} held in memory as {@code kind} (null: sniffed) and checks every event. */
    static ParseSummary parseAndCheck(String name, byte[] content, SourceKind kind) {
        List<Event> events = new ArrayList<>();
        ParseSummary summary;
        try {
            summary = Parsers.parse(name, new ByteArrayInputStream(content), kind, LIMITS, events::add, 0);
        } catch (IOException e) {
            throw new AssertionError("IOException escaped from in-memory input: " + e, e);
        }
        checkEvents(name, events, 0, lineCount(content));
        if (summary.source() == null || !summary.source().equals(name)) {
            throw new AssertionError("summary names " + summary.source() + ", not " + name);
        }
        return summary;
    }

    /** Checks events parsed from a section of {@code lines} lines that starts after line {@code linesBefore}. */
    static void checkEvents(String name, List<Event> events, int linesBefore, int lines) {
        int last = linesBefore + Math.max(1, lines);
        for (Event event : events) {
            SourceSpan span = event.span();
            if (span == null) {
                throw new AssertionError("event without span: " + event);
            }
            if (!name.equals(span.source())) {
                throw new AssertionError("span names " + span.source() + ", not " + name + ": " + event);
            }
            if (span.line() < 1 || span.endLine() > last) {
                throw new AssertionError("span " + span.line() + ".." + span.endLine() + " outside lines 1.."
                        + last + " of the input: " + event);
            }
            int spanLines = span.endLine() - span.line() + 1;
            checkStrings(event, event, (long) spanLines * (LIMITS.maxLineBytes() + 1));
        }
    }

    /** Walks an event's record components (nested records, optionals, collections) for over-long strings. */
    private static void checkStrings(Event event, Object value, long spanChars) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            if (s.length() > spanChars + MESSAGE_SLACK) {
                throw new AssertionError("string of " + s.length() + " chars from " + spanChars
                        + " chars of input in " + event.type() + ": " + s.substring(0, 80) + "...");
            }
        } else if (value instanceof LogRecord r) {
            // The message body proper: never longer than its lines, nor than the record cap plus one line.
            long cap = Math.min(spanChars, MAX_RECORD_CHARS + LIMITS.maxLineBytes() + 1L);
            if (r.text().length() > cap) {
                throw new AssertionError("log text of " + r.text().length() + " chars, limit " + cap + ": " + event);
            }
            for (Optional<String> o : List.of(r.wallClock(), r.host(), r.origin())) {
                if (o.isPresent() && o.get().length() > LIMITS.maxLineBytes()) {
                    throw new AssertionError("envelope field longer than a line: " + event);
                }
            }
        } else if (value instanceof Diagnostic d) {
            if (d.preview().length() > 120) {
                throw new AssertionError("diagnostic preview of " + d.preview().length() + " chars: " + d);
            }
            checkStrings(event, d.message(), spanChars);
        } else if (value instanceof Optional<?> o) {
            checkStrings(event, o.orElse(null), spanChars);
        } else if (value instanceof Collection<?> c) {
            for (Object item : c) {
                checkStrings(event, item, spanChars);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                checkStrings(event, e.getKey(), spanChars);
                checkStrings(event, e.getValue(), spanChars);
            }
        } else if (value instanceof Record rec) {
            for (RecordComponent rc : rec.getClass().getRecordComponents()) {
                try {
                    checkStrings(event, rc.getAccessor().invoke(rec), spanChars);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * Lines as LineReader counts them (LF, CRLF or a lone CR end a line; a last line without a
     * terminator counts), of the content after gunzip when it is gzip (what survives decompression).
     */
    static int lineCount(byte[] content) {
        byte[] text = content;
        if (content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
            text = gunzipWhatReads(content);
        }
        int lines = 0;
        boolean open = false;
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if (b == '\n' || b == '\r') {
                lines++;
                open = false;
                if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                    i++;
                }
            } else {
                open = true;
            }
        }
        return open ? lines + 1 : lines;
    }

    private static byte[] gunzipWhatReads(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0 && out.size() < LIMITS.maxBytes()) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // truncated or corrupt: the parser saw at most what was decompressed so far
        }
        return out.toByteArray();
    }
}
