package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SysfsPaths;
import dev.iommudoctor.parser.event.SysfsAttribute;
import java.io.IOException;

/** Reads a captured sysfs attribute: a handful of short lines at most. */
final class SysfsAttributeFormatParser implements FormatParser {

    /** Attributes are short; anything longer is kept in part and flagged. */
    private static final int MAX_LINES = 256;

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        String path = SysfsPaths.attributePath(ctx.source()).orElse(ctx.source());
        if (path.endsWith("/DMAR") || path.endsWith("/IVRS")) {
            // An ACPI table blob: its presence is the fact; the bytes are not text.
            ctx.emit(new SysfsAttribute(ctx.span(1), path, ""));
            return;
        }
        StringBuilder value = new StringBuilder();
        String line;
        int n = 0;
        while ((line = lines.next()) != null) {
            if (++n > MAX_LINES) {
                ctx.diagnostic(n, "SYSFS_TOO_LONG", "sysfs attribute longer than " + MAX_LINES + " lines; rest ignored", line, false);
                break;
            }
            if (value.length() > 0) {
                value.append('\n');
            }
            value.append(line.strip());
        }
        // The span covers every line of the value, so evidence quoting it points at all of it.
        ctx.emit(new SysfsAttribute(ctx.span(1).through(Math.min(n, MAX_LINES)), path, value.toString().strip()));
    }
}
