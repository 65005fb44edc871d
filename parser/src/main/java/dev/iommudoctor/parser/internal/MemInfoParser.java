package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.HugePagePool;
import dev.iommudoctor.parser.event.MemInfo;
import dev.iommudoctor.parser.event.NodeMemInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /proc/meminfo}, per-node {@code Node N Key: value} meminfo and sysfs huge page counters
 * ({@code .../hugepages-2048kB/nr_hugepages:4}). A key seen a second time starts a new snapshot, so a
 * file with two {@code cat /proc/meminfo} outputs gives two {@link MemInfo} events.
 */
final class MemInfoParser implements FormatParser {

    private static final Pattern GLOBAL = Pattern.compile("^([A-Za-z][A-Za-z0-9_()]*):\\s*(\\d+)(?:\\s+kB)?\\s*$");
    private static final Pattern NODE = Pattern.compile("^Node\\s+(\\d+)\\s+([A-Za-z][A-Za-z0-9_()]*):\\s*(\\d+)(?:\\s+kB)?\\s*$");
    private static final Pattern SYSFS = Pattern.compile(
            "^\\S*?(?:/node(\\d+))?/hugepages/hugepages-(\\d+)kB/([a-z_]+)(?::|\\s+)\\s*(\\d+)\\s*$");

    /** Fields of one snapshot being collected, with the lines they span. */
    private static final class Block {
        final Map<String, Long> values = new LinkedHashMap<>();
        int first;
        int last;

        void put(int line, String key, long value) {
            if (values.isEmpty()) {
                first = line;
            }
            values.put(key, value);
            last = line;
        }
    }

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        Block global = new Block();
        Map<Integer, Block> nodes = new TreeMap<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            int n = lines.lineNumber();
            if (line.isBlank()) {
                continue;
            }
            Matcher m;
            if ((m = GLOBAL.matcher(line)).matches()) {
                if (global.values.containsKey(m.group(1))) {
                    flushGlobal(global, ctx);
                    global = new Block();
                }
                Long v = number(m.group(2), n, line, ctx);
                if (v != null) {
                    global.put(n, m.group(1), v);
                }
            } else if ((m = NODE.matcher(line)).matches()) {
                int node = Integer.parseInt(m.group(1));
                Block b = nodes.computeIfAbsent(node, k -> new Block());
                if (b.values.containsKey(m.group(2))) {
                    flushNode(node, b, ctx);
                    b = new Block();
                    nodes.put(node, b);
                }
                Long v = number(m.group(3), n, line, ctx);
                if (v != null) {
                    b.put(n, m.group(2), v);
                }
            } else if ((m = SYSFS.matcher(line)).matches()) {
                Long size = number(m.group(2), n, line, ctx);
                Long v = number(m.group(4), n, line, ctx);
                if (size != null && v != null) {
                    OptionalInt node = m.group(1) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(1)));
                    ctx.emit(new HugePagePool(ctx.span(n), size, node, m.group(3), v));
                }
            } else {
                ctx.diagnostic(n, "UNRECOGNIZED_LINE", "not a meminfo \"Key: value\" line", line, false);
            }
        }
        flushGlobal(global, ctx);
        nodes.forEach((node, b) -> flushNode(node, b, ctx));
    }

    private static Long number(String digits, int line, String text, ParseContext ctx) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            ctx.diagnostic(line, "NUMBER_OUT_OF_RANGE", "value does not fit in 64 bits", text, false);
            return null;
        }
    }

    private static void flushGlobal(Block b, ParseContext ctx) {
        if (!b.values.isEmpty()) {
            ctx.emit(new MemInfo(new SourceSpan(ctx.source(), b.first, b.last), b.values));
        }
    }

    private static void flushNode(int node, Block b, ParseContext ctx) {
        if (!b.values.isEmpty()) {
            ctx.emit(new NodeMemInfo(new SourceSpan(ctx.source(), b.first, b.last), node, b.values));
        }
    }
}
