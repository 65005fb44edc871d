package dev.iommudoctor.parser.internal;

/**
 * Removes POSIX shell quoting from the right-hand side of an assignment without expanding anything:
 * {@code "a b"'c'd} is {@code a bcd}; {@code $var}, {@code $(cmd ...)} and {@code `cmd ...`} are kept
 * verbatim. This is what {@code /etc/default/grub} needs: the file is sourced by grub-mkconfig, and
 * expansions only happen there.
 */
final class ShellValue {

    /**
     * The outcome of a scan.
     *
     * @param complete false when a quote, {@code $(} or a trailing backslash continues on the next line
     * @param value    the unquoted value (meaningful when complete)
     * @param rest     text after the value on the same line, trimmed (a comment or stray words)
     */
    record Result(boolean complete, String value, String rest) {
    }

    private ShellValue() {
    }

    static Result scan(String text) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        int parens = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (parens > 0) {
                out.append(c);
                parens += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            } else if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    out.append(c);
                }
                i++;
            } else if (quote == '`') {
                out.append(c);
                quote = c == '`' ? 0 : quote;
                i++;
            } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '(') {
                out.append("$(");
                parens = 1;
                i += 2;
            } else if (quote == '"') {
                if (c == '\\' && i + 1 < n && "$`\"\\".indexOf(text.charAt(i + 1)) >= 0) {
                    out.append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '\\' && i + 1 == n) {
                    // backslash-newline inside double quotes is a line continuation
                    return new Result(false, "", "");
                }
                if (c == '"') {
                    quote = 0;
                } else {
                    out.append(c);
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                return new Result(true, out.toString(), text.substring(i).trim());
            } else if (c == '"' || c == '\'') {
                quote = c;
                i++;
            } else if (c == '`') {
                out.append(c);
                quote = '`';
                i++;
            } else if (c == '\\') {
                if (i + 1 == n) {
                    return new Result(false, "", "");
                }
                out.append(text.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Result(quote == 0 && parens == 0, out.toString(), "");
    }
}
