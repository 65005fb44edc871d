package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.internal.LineEnvelope.Style;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads the kernel-log family (every dmesg flavour, kern.log/syslog/messages, journalctl, /dev/kmsg) and
 * QEMU/libvirt per-domain logs: one {@link LogRecord} per message, continuation lines joined, each
 * record handed to the {@link KernelMessageClassifier} and the result emitted.
 *
 * <p>Continuations joined into the record before them (the span widens to the last line):
 * <ul>
 *   <li>an indented line without a stamp ({@code dmesg} and {@code journalctl} print the 2nd..nth line of
 *       a multi-line printk so): joined with {@code \n}, indentation dropped;</li>
 *   <li>{@code  SUBSYSTEM=pci} / {@code  DEVICE=+pci:0000:01:00.0} after a /dev/kmsg record: metadata, not
 *       appended to the text; {@code DEVICE=+pci:} sets the record's device when the prefix named none;</li>
 *   <li>on the syslog(2) path ({@code <4>[ts]}, {@code kernel: [ts]}) a line repeating the previous
 *       record's exact stamp with no origin prefix after a record that had one, when it starts in lower
 *       case or with {@code BIOS vendor:} ({@code DMAR-IR: This system BIOS ...} / {@code on a chipset that ...}):
 *       joined with {@code \n};</li>
 *   <li>the body of an old-format AMD-Vi event after {@code AMD-Vi: Event logged [}: appended without a
 *       separator, which restores the one-line form {@code AMD-Vi: Event logged [IO_PAGE_FAULT device=...]};</li>
 *   <li>QEMU command-line lines after a line ending in {@code \}: joined with {@code \n}.</li>
 * </ul>
 * Blank lines end a record and produce no event. Streams with one record of look-ahead.
 */
public final class KernelLogFormatParser implements FormatParser {

    /**
     * A record never grows beyond this many lines or characters: a file of a million indented lines must
     * neither take quadratic time nor hold its whole content in one record (memory stays flat).
     */
    static final int MAX_RECORD_LINES = 1000;
    static final int MAX_RECORD_CHARS = 1 << 18;

    /** What a parse saw, for tests that check no line was lost. */
    record Counts(long records, long joinedLines, long blankLines) {
    }

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        run(lines, ctx);
    }

    Counts run(LineReader lines, ParseContext ctx) throws IOException {
        Assembler a = new Assembler(ctx);
        String line;
        while ((line = lines.next()) != null) {
            a.accept(line, lines.lineNumber());
        }
        a.flush();
        return new Counts(a.records, a.joined, a.blanks);
    }

    private static final OptionalInt[] LEVELS = {OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3),
        OptionalInt.of(4), OptionalInt.of(5), OptionalInt.of(6), OptionalInt.of(7)};

    /**
     * The Optional of the last value asked for: consecutive records nearly always share their host,
     * often their origin and (within one second) their wall clock, and the scanner hands out shared
     * strings for them, so one Optional serves a whole run of records instead of one per record.
     */
    private static final class LastOptional {
        private String value;
        private Optional<String> optional = Optional.empty();

        Optional<String> of(String v) {
            if (v == null) {
                return Optional.empty();
            }
            if (v != value) {
                value = v;
                optional = Optional.of(v);
            }
            return optional;
        }
    }

    /** Per-parse state: the record being assembled and the counters. */
    private static final class Assembler {
        private final LastOptional wallClocks = new LastOptional();
        private final LastOptional hosts = new LastOptional();
        private final LastOptional origins = new LastOptional();
        private final ParseContext ctx;
        private final KernelMessageClassifier classifier = new KernelMessageClassifier();
        private final KernelLogEnvelopeScanner scanner = new KernelLogEnvelopeScanner();
        private final LineEnvelope e = new LineEnvelope();
        private long records;
        private long joined;
        private long blanks;

        private boolean open;
        private int start;
        private int end;
        private Style style;
        private double mono;
        private boolean syslogPath;
        private String wallClock;
        private String host;
        private int level;
        private String origin;
        private PciAddress device;
        private String text;
        /** Non-null once a continuation was joined: the record's text so far. */
        private StringBuilder joinedText;
        private boolean command;

        Assembler(ParseContext ctx) {
            this.ctx = ctx;
        }

        void accept(String line, int number) {
            scanner.scan(line, e);
            if (e.style == Style.BLANK) {
                flush();
                blanks++;
                return;
            }
            if (open && end - start + 1 < MAX_RECORD_LINES && textLength() < MAX_RECORD_CHARS && joins(line)) {
                end = number;
                joined++;
                return;
            }
            flush();
            begin(line, number);
        }

        /** Applies the continuation rules; true when {@code line} was absorbed into the open record. */
        private boolean joins(String line) {
            if (e.style == Style.KMSG_DICT && style == Style.KMSG) {
                if (device == null) {
                    device = e.device;
                }
                return true;
            }
            if (e.style == Style.INDENTED || e.style == Style.KMSG_DICT) {
                append("\n", line, e.bodyStart);
                return true;
            }
            if (command && e.style == Style.BARE) {
                append("\n", line, 0);
                command = endsWithBackslash(line);
                return true;
            }
            boolean noPrefix = e.origin == null && e.device == null;
            if (noPrefix && e.style != Style.JOURNAL_MARK && textEndsWith("Event logged [")) {
                append("", line, e.bodyStart);
                return true;
            }
            if (noPrefix && syslogPath && e.syslogPath && origin != null && e.monotonic == mono
                    && looksContinued(line, e.bodyStart)) {
                append("\n", line, e.bodyStart);
                return true;
            }
            return false;
        }

        /**
         * Many unrelated messages share one stamp (hundreds at {@code 0.000000}), so a same-stamp line only
         * continues the record when it reads like the middle of a sentence (starts in lower case:
         * {@code on a chipset that contains an erratum ...}) or is the RMRR firmware-bug trailer
         * {@code BIOS vendor: ...}.
         */
        private static boolean looksContinued(String line, int from) {
            if (from >= line.length()) {
                return false;
            }
            char c = line.charAt(from);
            return (c >= 'a' && c <= 'z') || line.startsWith("BIOS vendor:", from);
        }

        private void append(String separator, String line, int from) {
            if (joinedText == null) {
                joinedText = new StringBuilder(text.length() + separator.length() + line.length() - from + 16).append(text);
            }
            joinedText.append(separator).append(line, from, line.length());
        }

        private int textLength() {
            return joinedText != null ? joinedText.length() : text.length();
        }

        private boolean textEndsWith(String suffix) {
            if (joinedText == null) {
                return text.endsWith(suffix);
            }
            int n = joinedText.length();
            return n >= suffix.length() && joinedText.indexOf(suffix, n - suffix.length()) >= 0;
        }

        private void begin(String line, int number) {
            open = true;
            start = number;
            end = number;
            style = e.style;
            mono = e.monotonic;
            syslogPath = e.syslogPath;
            wallClock = e.wallClock;
            host = e.host;
            level = e.level;
            origin = e.origin;
            device = e.style == Style.KMSG_DICT ? null : e.device;
            text = e.bodyStart == 0 ? line : line.substring(e.bodyStart);
            command = (style == Style.BARE || style == Style.INDENTED) && endsWithBackslash(line);
        }

        void flush() {
            if (!open) {
                return;
            }
            open = false;
            if (joinedText != null) {
                text = joinedText.toString();
                joinedText = null;
            }
            if (origin == null && text.indexOf('\n') > 0 && !text.endsWith("\\")) {
                origin = commandProgram(text);
            }
            LogRecord record = new LogRecord(new SourceSpan(ctx.source(), start, end),
                    Double.isNaN(mono) ? OptionalDouble.empty() : OptionalDouble.of(mono),
                    wallClocks.of(wallClock), hosts.of(host),
                    level < 0 || level >= LEVELS.length ? OptionalInt.empty() : LEVELS[level],
                    origins.of(origin), Optional.ofNullable(device), text);
            records++;
            ctx.emit(classifier.classify(record, ctx));
        }

        private static boolean endsWithBackslash(String line) {
            int n = line.length();
            return n >= 2 && line.charAt(n - 1) == '\\' && line.charAt(n - 2) == ' ';
        }

        /** The QEMU binary a joined libvirt command line runs ({@code /usr/bin/qemu-system-x86_64 \}). */
        private static String commandProgram(String text) {
            int q = text.indexOf("qemu-system-");
            if (q < 0) {
                q = text.indexOf("qemu-kvm");
            }
            if (q < 0 || (q > 0 && text.charAt(q - 1) != '/' && text.charAt(q - 1) != '\n')) {
                return null;
            }
            int r = q;
            while (r < text.length() && !Character.isWhitespace(text.charAt(r))) {
                r++;
            }
            return text.substring(q, r);
        }
    }
}
