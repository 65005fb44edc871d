package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.LoadedModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code lsmod} output ({@code Module  Size  Used by} header, then
 * {@code vfio  45056  2 vfio_pci,vfio_iommu_type1}) and raw {@code /proc/modules}
 * ({@code vfio 45056 2 vfio_pci,vfio_iommu_type1, Live 0xffffffffc0a1b000}).
 */
final class LsmodParser implements FormatParser {

    private static final Pattern HEADER = Pattern.compile("^Module\\s+Size\\s+Used by\\s*$");
    private static final Pattern LSMOD = Pattern.compile("^(\\S+)\\s+(\\d+)\\s+(-?\\d+|-)(?:\\s+([^\\s\\[]\\S*))?\\s*(\\[permanent\\])?\\s*$");
    private static final Pattern PROC_MODULES = Pattern.compile(
            "^(\\S+)\\s+(\\d+)\\s+(-?\\d+|-)\\s+(\\S+)\\s+(Live|Loading|Unloading)\\s+0x[0-9a-fA-F]+(?:\\s+\\(\\S+\\))?\\s*$");

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            int n = lines.lineNumber();
            if (line.isBlank() || HEADER.matcher(line).matches()) {
                continue;
            }
            Matcher m = PROC_MODULES.matcher(line);
            boolean proc = m.matches();
            if (!proc) {
                m = LSMOD.matcher(line);
            }
            if (!proc && !m.matches()) {
                ctx.diagnostic(n, "UNRECOGNIZED_LINE", "not an lsmod \"name size count [users]\" line", line, false);
                continue;
            }
            long size;
            try {
                size = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                ctx.diagnostic(n, "NUMBER_OUT_OF_RANGE", "module size does not fit in 64 bits", line, false);
                continue;
            }
            int count = m.group(3).equals("-") ? -1 : Integer.parseInt(m.group(3));
            ctx.emit(new LoadedModule(ctx.span(n), m.group(1), size, count, users(m.group(4)),
                    proc ? Optional.of(m.group(5)) : Optional.empty()));
        }
    }

    /** {@code a,b} in lsmod, {@code a,b,} or {@code -} in /proc/modules. */
    private static List<String> users(String list) {
        List<String> users = new ArrayList<>();
        if (list == null || list.equals("-")) {
            return users;
        }
        for (String u : list.split(",")) {
            if (!u.isEmpty()) {
                users.add(u);
            }
        }
        return users;
    }
}
