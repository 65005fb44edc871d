package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.OptionalInt;

/** One stable, readable line per event for golden files: {@code 12 DmaFault vendor=INTEL device=...}. */
final class EventText {

    private EventText() {
    }

    static String of(Event e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.span().line());
        if (e.span().endLine() != e.span().line()) {
            sb.append('-').append(e.span().endLine());
        }
        sb.append(' ').append(e.type());
        if (e instanceof UnrecognizedLine) {
            return sb.toString();
        }
        if (e instanceof Diagnostic d) {
            return sb.append(' ').append(d.code()).append(" \"").append(d.message()).append('"').toString();
        }
        for (RecordComponent c : e.getClass().getRecordComponents()) {
            if (e instanceof LogEvent && c.getName().equals("record")) {
                continue;
            }
            Object v;
            try {
                v = c.getAccessor().invoke(e);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
            if (v instanceof Optional<?> o) {
                if (o.isEmpty()) {
                    continue;
                }
                v = o.get();
            }
            if (v instanceof OptionalInt o) {
                if (o.isEmpty()) {
                    continue;
                }
                v = o.getAsInt();
            }
            String s = String.valueOf(v);
            sb.append(' ').append(c.getName()).append('=').append(s.contains(" ") ? "\"" + s + "\"" : s);
        }
        return sb.toString();
    }
}
