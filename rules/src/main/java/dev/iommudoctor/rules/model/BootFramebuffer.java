package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines showing that a firmware framebuffer driver (efifb, vesafb, simplefb, simpledrm via sysfb)
 * sits on a GPU's memory, the usual reason vfio-pci cannot reserve the boot GPU's BAR. No parser event
 * carries them (they are unrecognized kernel lines or {@code /proc/iomem} rows), so the model builder
 * hands every record to {@link #collect}. Examples:
 * <pre>
 *   2800000000-2801fa3fff : BOOTFB
 *   efifb: framebuffer at 0xe0000000, using 8100k, total 8100k
 *   [drm] Initialized simpledrm 1.0.0 for simple-framebuffer.0 on minor 0
 *   blacklisting initcall sysfb_init
 * </pre>
 */
public final class BootFramebuffer {

    static final int MAX_LINES = 40;

    private static final Pattern IOMEM = Pattern.compile("^\\s*([0-9a-fA-F]+)-([0-9a-fA-F]+) : (.+)$");
    private static final Pattern AT = Pattern.compile("framebuffer at 0x([0-9a-fA-F]+)");

    private BootFramebuffer() {
    }

    static void collect(LogRecord r, List<EvidenceLine> out) {
        if (out.size() >= MAX_LINES) {
            return;
        }
        String[] lines = r.text().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (matches(lines[i])) {
                out.add(new EvidenceLine(r.span().source(), r.span().line() + i, lines[i].strip()));
            }
        }
    }

    static boolean matches(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return l.contains(": bootfb") || l.contains("simpledrm") || l.contains("simple-framebuffer")
                || l.startsWith("efifb:") || l.startsWith("vesafb:") || l.startsWith("simplefb:")
                || l.contains("efi vga frame buffer") || l.contains("vesa vga frame buffer")
                || l.contains("initcall sysfb_init");
    }

    /** Start address of the framebuffer a line describes (iomem row or "framebuffer at 0x..."), when it has one. */
    public static Optional<Long> start(EvidenceLine line) {
        Matcher m = IOMEM.matcher(line.text());
        if (m.matches()) {
            return parseHex(m.group(1));
        }
        Matcher a = AT.matcher(line.text());
        return a.find() ? parseHex(a.group(1)) : Optional.empty();
    }

    /** The driver or owner a line names: BOOTFB, simpledrm, efifb, vesafb, simplefb. */
    public static String owner(EvidenceLine line) {
        String l = line.text().toLowerCase(Locale.ROOT);
        for (String o : List.of("simpledrm", "bootfb", "efifb", "vesafb", "simplefb", "simple-framebuffer")) {
            if (l.contains(o)) {
                return o.equals("bootfb") ? "BOOTFB" : o;
            }
        }
        return "framebuffer";
    }

    private static Optional<Long> parseHex(String hex) {
        try {
            return Optional.of(Long.parseUnsignedLong(hex, 16));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
