package dev.iommudoctor.parser.input;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits {@code nvidia-bug-report.log} (the file NVIDIA's script gathers and users attach to every GPU
 * passthrough thread) into its sections, {@code /proc/cmdline}, {@code /proc/meminfo},
 * {@code lspci -nn}, the dmesg excerpt ..., so each is read by its own parser. Section names are
 * {@code <file>#<section>}; line numbers stay those of the whole file.
 */
final class NvidiaBugReportSplitter {

    static final String MARKER = "Start of NVIDIA bug report log file";
    private static final String SEPARATOR = "____________________________________________";
    /** Sections with nothing iommu-doctor reads: X server logs and configs, sound, binary dumps. */
    private static final List<String> IRRELEVANT = List.of("Xorg", "X11", "xorg.conf", "asound", "base64", "nvidia-debugdump",
            "glxinfo", "vulkan", "Vulkan", "xset", "xrandr", "nvidia-settings", "window manager", "Using built-in specs",
            "nvidia-smi", "/power/", "systemctl status", "lsusb");
    /** A section larger than this is cut: the script caps its own sections well below it. */
    private static final int MAX_SECTION_CHARS = 64 << 20;

    private NvidiaBugReportSplitter() {
    }

    static boolean looksLike(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1).contains(MARKER);
    }

    /** Reads {@code in} (the whole report) and hands each relevant section to the visitor. */
    static void split(String name, InputStream in, SectionVisitor visitor) throws IOException {
        // ISO-8859-1 maps every byte to one char and back: the sections keep their exact bytes.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        String title = null;
        int bodyStartsAfter = 0;
        StringBuilder body = new StringBuilder();
        int lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.equals(SEPARATOR)) {
                emit(name, title, body, bodyStartsAfter, visitor);
                title = null;
                body.setLength(0);
                bodyStartsAfter = lineNo;
                continue;
            }
            if (title == null) {
                if (line.isBlank()) {
                    bodyStartsAfter = lineNo;
                    continue;
                }
                title = line.startsWith("*** ") ? line.substring(4).trim() : line.trim();
                bodyStartsAfter = lineNo;
                continue;
            }
            if (body.length() == 0 && line.startsWith("*** ls: ")) {
                bodyStartsAfter = lineNo;
                continue;
            }
            if (body.length() < MAX_SECTION_CHARS) {
                body.append(line).append('\n');
            }
        }
        emit(name, title, body, bodyStartsAfter, visitor);
    }

    private static void emit(String name, String title, StringBuilder body, int linesBefore, SectionVisitor visitor)
            throws IOException {
        if (title == null || body.length() == 0 || title.endsWith("does not exist")
                || IRRELEVANT.stream().anyMatch(title::contains)) {
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.ISO_8859_1);
        visitor.section(name + "#" + title.replace(' ', '_'), new ByteArrayInputStream(bytes), linesBefore);
    }

    @FunctionalInterface
    interface SectionVisitor {
        void section(String name, InputStream content, int linesBefore) throws IOException;
    }
}
