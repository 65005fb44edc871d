package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.EventSink;
import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import java.util.HashMap;
import java.util.Map;

/** The state one parse shares with its format parser: where events go, and what was counted. */
public final class ParseContext implements LineReader.Listener {

    /** Beyond this many diagnostics of one code in one file, only the count is kept. */
    private static final int DIAGNOSTICS_PER_CODE = 20;

    private final String source;
    private final EventSink sink;
    /**
     * Events per class; {@link Event#type()} is the class's simple name, so it is asked once per class.
     * Hot path: a kernel log emits millions of events of a handful of classes, so the counter of the
     * last class is kept at hand and no Long is boxed per event.
     */
    private final Map<Class<?>, long[]> countsByClass = new HashMap<>();
    private final Map<Class<?>, String> typeNames = new HashMap<>();
    private Class<?> lastClass;
    private long[] lastCount;
    private final Map<String, Integer> diagnosticsByCode = new HashMap<>();
    private long unrecognized;
    private long diagnostics;
    private long suppressedDiagnostics;

    public ParseContext(String source, EventSink sink) {
        this.source = source;
        this.sink = sink;
    }

    public String source() {
        return source;
    }

    public SourceSpan span(int line) {
        return SourceSpan.line(source, line);
    }

    public void emit(Event event) {
        Class<?> c = event.getClass();
        if (c != lastClass) {
            lastCount = countsByClass.get(c);
            if (lastCount == null) {
                lastCount = new long[1];
                countsByClass.put(c, lastCount);
                typeNames.put(c, event.type());
            }
            lastClass = c;
        }
        lastCount[0]++;
        if (event instanceof UnrecognizedLine) {
            unrecognized++;
        }
        sink.accept(event);
    }

    /** Emits a diagnostic, keeping at most {@value #DIAGNOSTICS_PER_CODE} of each code per file. */
    public void diagnostic(int line, String code, String message, String preview, boolean fatal) {
        diagnostic(span(line), code, message, preview, fatal);
    }

    /** Like {@link #diagnostic(int, String, String, String, boolean)} for a problem spanning several lines. */
    public void diagnostic(SourceSpan span, String code, String message, String preview, boolean fatal) {
        diagnostics++;
        int seen = diagnosticsByCode.merge(code, 1, Integer::sum);
        if (seen > DIAGNOSTICS_PER_CODE && !fatal) {
            suppressedDiagnostics++;
            return;
        }
        String shortPreview = preview == null ? "" : preview.length() > 120 ? preview.substring(0, 120) : preview;
        emit(new Diagnostic(span, code, message, shortPreview, fatal));
    }

    @Override
    public void lineTooLong(int lineNumber, long fullLength, String preview) {
        diagnostic(lineNumber, "LINE_TOO_LONG", "line is " + fullLength + " bytes long; only the first part was read",
                preview, false);
    }

    @Override
    public void notUtf8(int lineNumber, String preview) {
        diagnostic(lineNumber, "INVALID_UTF8", "line is not valid UTF-8; read as ISO-8859-1", preview, false);
    }

    /** Events emitted so far by {@link Event#type()}. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        countsByClass.forEach((c, n) -> counts.merge(typeNames.get(c), n[0], Long::sum));
        return counts;
    }

    public long unrecognized() {
        return unrecognized;
    }

    public long diagnostics() {
        return diagnostics;
    }

    public long suppressedDiagnostics() {
        return suppressedDiagnostics;
    }
}
