package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.EthtoolInfo;
import dev.iommudoctor.parser.event.PciAddress;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ethtool -i} output, one {@link EthtoolInfo} per {@code driver:} block. Several outputs
 * concatenated are fine; a preceding command line such as {@code # ethtool -i eno1} names the interface.
 */
final class EthtoolInfoParser implements FormatParser {

    private static final Pattern FIELD = Pattern.compile("^([a-z][a-z0-9-]*):(?:\\s(.*))?$");
    private static final Pattern COMMAND = Pattern.compile(".*\\bethtool\\s+(?:-i|--driver)\\s+(\\S+)\\s*$");

    private Map<String, String> fields = new LinkedHashMap<>();
    private String pendingName;
    private String blockName;
    private int first;
    private int last;

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            int n = lines.lineNumber();
            if (line.isBlank()) {
                continue;
            }
            Matcher command = COMMAND.matcher(line);
            Matcher field = FIELD.matcher(line.stripTrailing());
            if (command.matches()) {
                flush(ctx);
                pendingName = command.group(1);
            } else if (field.matches()) {
                String key = field.group(1);
                if (key.equals("driver") || fields.containsKey(key)) {
                    flush(ctx);
                }
                if (fields.isEmpty()) {
                    first = n;
                    blockName = pendingName;
                    pendingName = null;
                }
                fields.put(key, field.group(2) == null ? "" : field.group(2).trim());
                last = n;
            } else {
                ctx.diagnostic(n, "UNRECOGNIZED_LINE", "not an ethtool -i \"key: value\" line", line, false);
            }
        }
        flush(ctx);
    }

    private void flush(ParseContext ctx) {
        if (fields.isEmpty()) {
            return;
        }
        if (!fields.containsKey("driver")) {
            ctx.diagnostic(new SourceSpan(ctx.source(), first, last), "MISSING_DRIVER", "ethtool -i block without a driver: line; block skipped",
                    String.join(" ", fields.keySet()), false);
        } else {
            String bus = fields.getOrDefault("bus-info", "");
            ctx.emit(new EthtoolInfo(new SourceSpan(ctx.source(), first, last), Optional.ofNullable(blockName),
                    fields.get("driver"), nonEmpty("version"), nonEmpty("firmware-version"),
                    Optional.ofNullable(PciAddress.tryParse(bus)), fields));
        }
        fields = new LinkedHashMap<>();
        blockName = null;
    }

    private Optional<String> nonEmpty(String key) {
        return Optional.ofNullable(fields.get(key)).filter(v -> !v.isEmpty());
    }
}
