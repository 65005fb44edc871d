package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.ProcCmdline;
import java.io.IOException;

/**
 * Reads {@code /proc/cmdline}: one {@link ProcCmdline} per non-blank line. The kernel writes a single
 * line; several lines mean several command lines were collected into one file, and each is kept.
 */
final class ProcCmdlineParser implements FormatParser {

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            ctx.emit(new ProcCmdline(ctx.span(lines.lineNumber()), KernelParameter.parseAll(line)));
        }
    }
}
