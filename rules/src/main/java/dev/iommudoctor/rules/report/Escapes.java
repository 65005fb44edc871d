package dev.iommudoctor.rules.report;

/**
 * Makes untrusted text (log lines, device names, host names from a customer's bundle) inert in each
 * output: no terminal escape sequence reaches a terminal, no markup reaches a browser.
 */
public final class Escapes {

    private Escapes() {
    }

    /** Replaces control characters (ESC, BEL, backspace, C1 ...) except tab and newline with U+FFFD. */
    public static String terminal(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0)
                    || c == '\u202e' || c == '\u202d' || c == '\u2066' || c == '\u2067' || c == '\u2068' || c == '\u2069';
            if (control) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** HTML text and attribute escaping (also neutralises control characters). */
    public static String html(String text) {
        String t = terminal(text);
        StringBuilder out = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> appendMarkupSafe(out, c);
            }
        }
        return out.toString();
    }

    /**
     * Markdown inline text: markup characters are backslash-escaped first, then {@code < > &} become
     * entities, so neither Markdown nor raw HTML in a log line can take effect (quotes stay readable).
     */
    public static String markdown(String text) {
        String t = terminal(text);
        StringBuilder out = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("\\`*_[]()#|!~".indexOf(c) >= 0) {
                out.append('\\');
            }
            appendMarkupSafe(out, c);
        }
        return out.toString();
    }

    /** Appends {@code c}, as an entity when it could open markup ({@code < > &}). */
    private static void appendMarkupSafe(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            default -> out.append(c);
        }
    }
}
