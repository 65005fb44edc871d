package dev.iommudoctor.cli;

/** Makes untrusted text safe to print on a terminal: log lines may carry escape sequences. */
final class Terminal {

    private Terminal() {
    }

    /** Replaces control characters (ESC, BEL, backspace, C1 ...) except tab and newline with U+FFFD. */
    static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0);
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
}
