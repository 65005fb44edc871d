package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.LogRecord;
import java.util.Locale;

/** The golden-file form of one event: its envelope, independent of how the body was classified. */
final class EnvelopeText {

    private EnvelopeText() {
    }

    static String of(Event event) {
        String lines = event.span().line() == event.span().endLine() ? String.valueOf(event.span().line())
                : event.span().line() + "-" + event.span().endLine();
        if (event instanceof LogEvent le) {
            return lines + " " + of(le.record());
        }
        if (event instanceof Diagnostic d) {
            return lines + " Diagnostic " + d.code() + " " + d.message();
        }
        return lines + " " + event.type();
    }

    static String of(LogRecord r) {
        StringBuilder b = new StringBuilder();
        r.monotonic().ifPresent(m -> b.append("mono=").append(String.format(Locale.ROOT, "%.6f", m)).append(' '));
        r.wallClock().ifPresent(w -> b.append("wall=\"").append(w).append("\" "));
        r.host().ifPresent(h -> b.append("host=").append(h).append(' '));
        r.level().ifPresent(l -> b.append("level=").append(l).append(' '));
        r.origin().ifPresent(o -> b.append("origin=").append(o).append(' '));
        r.device().ifPresent(d -> b.append("device=").append(d).append(' '));
        b.append("| ").append(r.text().replace("\\", "\\\\").replace("\n", "\\n"));
        return b.toString();
    }
}
