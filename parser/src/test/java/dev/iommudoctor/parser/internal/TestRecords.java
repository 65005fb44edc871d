package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.PciAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small stand-in for the envelope reader (another component): strips dmesg, syslog
 * and serial-console stamps, joins indented continuation lines, takes {@code word:} or
 * {@code driver BDF:} origins. Good enough to feed the classifier realistic records in tests.
 */
final class TestRecords {

    private static final Pattern STAMP = Pattern.compile(
            "^(?:<\\d+>)?(?:\\[\\d{4}-\\d\\d-\\d\\d [\\d:.]+\\] )?(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ kernel: )?"
            + "(?:kernel: )?(?:\\[\\s*(\\d+\\.\\d+)\\] ?)?");
    private static final Pattern DEVICE = Pattern.compile("^(\\S+) ((?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7])[: ]");
    private static final Pattern ORIGIN = Pattern.compile("^([^\\s:\\[]+):");

    private TestRecords() {
    }

    static List<LogRecord> split(String source, List<String> lines) {
        List<LogRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).replace("\r", "");
            if (raw.isBlank()) {
                continue;
            }
            Matcher m = STAMP.matcher(raw);
            m.lookingAt();
            boolean stamped = m.end() > 0;
            if (!stamped && Character.isWhitespace(raw.charAt(0)) && !out.isEmpty()) {
                LogRecord prev = out.remove(out.size() - 1);
                out.add(new LogRecord(prev.span().through(i + 1), prev.monotonic(), prev.wallClock(), prev.host(),
                        prev.level(), prev.origin(), prev.device(), prev.text() + "\n" + raw.strip()));
                continue;
            }
            String text = raw.substring(m.end());
            OptionalDouble mono = m.group(1) == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(m.group(1)));
            out.add(record(SourceSpan.line(source, i + 1), mono, text));
        }
        return out;
    }

    static LogRecord record(SourceSpan span, OptionalDouble mono, String text) {
        Matcher d = DEVICE.matcher(text);
        Optional<String> origin = Optional.empty();
        Optional<PciAddress> device = Optional.empty();
        if (d.find()) {
            origin = Optional.of(d.group(1));
            device = Optional.ofNullable(PciAddress.tryParse(d.group(2)));
        } else {
            Matcher o = ORIGIN.matcher(text);
            if (o.find()) {
                origin = Optional.of(o.group(1));
            }
        }
        return new LogRecord(span, mono, Optional.empty(), Optional.empty(), OptionalInt.empty(), origin, device, text);
    }
}
