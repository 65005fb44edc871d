package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.ModprobeDirective;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code /etc/modprobe.d/*.conf} the way kmod does: {@code #} at the start of a line (after blanks)
 * is a comment, a trailing backslash joins the next line, tokens are separated by blanks. Unknown
 * commands and directives without a module become diagnostics.
 *
 * <p>Example input: {@code softdep nvidia pre: vfio-pci}
 */
final class ModprobeConfParser implements FormatParser {

    private static final Set<String> COMMANDS = Set.of("options", "softdep", "blacklist", "install", "remove",
            "alias", "weakdep");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        StringBuilder logical = new StringBuilder();
        int first = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            int n = lines.lineNumber();
            if (logical.length() == 0) {
                first = n;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
            }
            // kmod joins "\\\n" into a blank; it does not treat a comment line inside a continuation specially.
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            directive(logical.toString(), first, n, ctx);
            logical.setLength(0);
        }
        if (logical.length() > 0) {
            int last = Math.max(first, lines.lineNumber());
            ctx.diagnostic(last, "DANGLING_CONTINUATION", "file ends with a backslash continuation", logical.toString(), false);
            directive(logical.toString(), first, last, ctx);
        }
    }

    private static void directive(String text, int first, int last, ParseContext ctx) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return;
        }
        String[] parts = BLANKS.split(trimmed, 3);
        String command = parts[0];
        if (!COMMANDS.contains(command)) {
            ctx.diagnostic(new SourceSpan(ctx.source(), first, last), "UNKNOWN_DIRECTIVE", "modprobe.d has no command \"" + command + "\"; kmod ignores this line",
                    trimmed, false);
            return;
        }
        if (parts.length < 2) {
            ctx.diagnostic(new SourceSpan(ctx.source(), first, last), "MISSING_MODULE", command + " without a module name; kmod ignores this line", trimmed, false);
            return;
        }
        String arguments = parts.length == 3 ? collapseBlanks(parts[2].trim()) : "";
        ctx.emit(new ModprobeDirective(new SourceSpan(ctx.source(), first, last), command, parts[1], arguments));
    }

    /** Runs of blanks (continuation indentation) become one space, except inside double quotes. */
    static String collapseBlanks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted ^= c == '"';
            if (!quoted && Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
