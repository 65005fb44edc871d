package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.DeviceNode;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code stat -c '%A %U %G %n' /dev/vfio/*} output: {@code crw-rw---- root kvm /dev/vfio/12}.
 * A trailing ACL/SELinux marker on the mode ({@code crw-rw----+}) is dropped.
 */
final class DeviceNodeListingParser implements FormatParser {

    private static final Pattern LINE = Pattern.compile("^([cbpsdl-][rwxsStT-]{9})[.+]?\\s+(\\S+)\\s+(\\S+)\\s+(/dev/\\S+)\\s*$");

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                ctx.emit(new DeviceNode(ctx.span(lines.lineNumber()), m.group(1), m.group(2), m.group(3), m.group(4)));
            } else {
                ctx.diagnostic(lines.lineNumber(), "UNRECOGNIZED_LINE", "not a \"mode owner group /dev/path\" line", line, false);
            }
        }
    }
}
