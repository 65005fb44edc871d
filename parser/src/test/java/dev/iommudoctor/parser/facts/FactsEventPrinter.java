package dev.iommudoctor.parser.facts;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.PciAddress;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Prints an event as one stable line for golden files: {@code 12-14 Type field=value ...}. Absent
 * optionals are left out, strings with blanks are quoted, lists print as {@code [a, b]}, maps as
 * {@code {k=v, ...}} and nested records as {@code {field=value ...}}.
 */
final class FactsEventPrinter {

    private FactsEventPrinter() {
    }

    static String print(Event event) {
        SourceSpan span = event.span();
        String where = span.line() == span.endLine() ? String.valueOf(span.line()) : span.line() + "-" + span.endLine();
        return where + " " + event.type() + (event instanceof Record r ? fields(r) : " " + event);
    }

    private static String fields(Record record) {
        StringBuilder out = new StringBuilder();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof SourceSpan || isAbsent(value)) {
                continue;
            }
            out.append(' ').append(c.getName()).append('=').append(format(value));
        }
        return out.toString();
    }

    private static boolean isAbsent(Object v) {
        return v instanceof Optional<?> o && o.isEmpty() || v instanceof OptionalInt i && i.isEmpty()
                || v instanceof OptionalLong l && l.isEmpty() || v instanceof OptionalDouble d && d.isEmpty();
    }

    private static String format(Object v) {
        if (v instanceof Optional<?> o) {
            return format(o.get());
        } else if (v instanceof OptionalInt i) {
            return String.valueOf(i.getAsInt());
        } else if (v instanceof OptionalLong l) {
            return String.valueOf(l.getAsLong());
        } else if (v instanceof OptionalDouble d) {
            return String.valueOf(d.getAsDouble());
        } else if (v instanceof List<?> list) {
            return list.stream().map(FactsEventPrinter::format).collect(Collectors.joining(", ", "[", "]"));
        } else if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        } else if (v instanceof PciAddress || v instanceof KernelParameter) {
            return String.valueOf(v); // their toString is the canonical text form
        } else if (v instanceof Record r && !(v instanceof Event)) {
            return "{" + fields(r).trim() + "}";
        } else if (v instanceof String s) {
            return quote(s);
        }
        return String.valueOf(v);
    }

    private static String quote(String s) {
        if (!s.isEmpty() && s.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '"' || ch == ',' || ch == '='
                || ch == '[' || ch == ']' || ch == '{' || ch == '}')) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }
}
