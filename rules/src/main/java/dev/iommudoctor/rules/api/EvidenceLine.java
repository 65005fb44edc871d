package dev.iommudoctor.rules.api;

import dev.iommudoctor.parser.api.SourceSpan;

/**
 * One input line that justifies a finding, quoted verbatim with where it came from.
 *
 * @param file  the source name ({@code bundle.tar.gz!/var/log/kern.log})
 * @param line  1-based line number
 * @param text  the line as read (untrusted: escape it wherever it is shown)
 */
public record EvidenceLine(String file, int line, String text) implements Comparable<EvidenceLine> {

    public static EvidenceLine of(SourceSpan span, String text) {
        return new EvidenceLine(span.source(), span.line(), text);
    }

    @Override
    public int compareTo(EvidenceLine o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Integer.compare(line, o.line);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + text;
    }
}
