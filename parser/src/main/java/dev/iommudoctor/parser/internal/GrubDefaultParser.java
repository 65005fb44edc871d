package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.GrubSetting;
import dev.iommudoctor.parser.event.KernelParameter;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /etc/default/grub}: one {@link GrubSetting} per assignment, comments skipped, a quoted
 * value allowed to run over several lines (up to {@value #MAX_CONTINUATION} lines). Shell statements
 * that are not assignments ({@code if}, {@code fi}, function calls) become diagnostics.
 *
 * <p>Example input: {@code GRUB_CMDLINE_LINUX="console=tty0 rootflags=defaults,prjquota rw $ignition_firstboot"}
 */
final class GrubDefaultParser implements FormatParser {

    private static final int MAX_CONTINUATION = 100;
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$",
            Pattern.DOTALL);

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            int first = lines.lineNumber();
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                ctx.diagnostic(first, "UNRECOGNIZED_LINE", "not a VARIABLE=value assignment", line, false);
                continue;
            }
            String rhs = m.group(3);
            ShellValue.Result value = ShellValue.scan(rhs);
            while (!value.complete() && lines.lineNumber() - first < MAX_CONTINUATION) {
                String next = lines.next();
                if (next == null) {
                    break;
                }
                // backslash-newline vanishes (outside single quotes); an open quote keeps the newline
                rhs = rhs.endsWith("\\") ? rhs.substring(0, rhs.length() - 1) + next : rhs + "\n" + next;
                value = ShellValue.scan(rhs);
            }
            int last = lines.lineNumber();
            if (!value.complete()) {
                ctx.diagnostic(new SourceSpan(ctx.source(), first, last), "UNTERMINATED_VALUE", "quote or continuation of " + m.group(2)
                        + " is not closed by line " + last + "; setting skipped", line, false);
                continue;
            }
            if (!value.rest().isEmpty() && !value.rest().startsWith("#")) {
                ctx.diagnostic(new SourceSpan(ctx.source(), first, last), "TRAILING_TEXT", "text after the value of " + m.group(2)
                        + " is not part of it (the shell would run it as a command)", line, false);
            }
            String variable = m.group(2);
            List<KernelParameter> params = variable.startsWith("GRUB_CMDLINE_LINUX")
                    ? KernelParameter.parseAll(value.value()) : List.of();
            ctx.emit(new GrubSetting(new SourceSpan(ctx.source(), first, last), variable, value.value(),
                    m.group(1) != null, params));
        }
    }
}
