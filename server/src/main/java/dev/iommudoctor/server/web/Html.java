package dev.iommudoctor.server.web;

import dev.iommudoctor.rules.report.Escapes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * HTML escaping for server-rendered pages. Everything that came from an upload (log lines, host and
 * device names, file names) goes through {@link #esc} before it reaches a page, e.g. the log line
 * {@code DMAR: ... <script>alert(1)</script>} becomes {@code DMAR: ... &lt;script&gt;alert(1)&lt;/script&gt;}.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for element content and double-quoted attribute values; null becomes empty. Control
     * characters (ESC, BEL, C1, bidi overrides) become U+FFFD as in the reports: a page saved or
     * fetched with curl must not carry a terminal escape sequence either.
     */
    public static String esc(String s) {
        return Escapes.html(s);
    }

    /** Encodes one URL path segment (spaces as %20, '#', '?', '/' and '%' encoded). */
    public static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The page link of a file inside an incident, e.g. {@code /incidents/20261125-3f9c2a71d0e4/files/case.zip!/case/dmesg.txt};
     * each '/'-separated part is encoded on its own so the path keeps its shape.
     */
    public static String fileHref(String incidentId, String fileName) {
        StringBuilder b = new StringBuilder("/incidents/").append(pathSegment(incidentId)).append("/files/");
        String[] parts = fileName.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('/');
            }
            b.append(pathSegment(parts[i]).replace("%21", "!"));
        }
        return b.toString();
    }
}
