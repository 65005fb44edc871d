package dev.iommudoctor.parser.api;

/**
 * Where an event came from: a source name (a file path, or {@code bundle.tar.gz!/var/log/kern.log}
 * for an archive member) and a 1-based inclusive line range.
 */
public record SourceSpan(String source, int line, int endLine) {

    public SourceSpan {
        if (line < 0 || endLine < line) {
            throw new IllegalArgumentException("bad line range " + line + ".." + endLine);
        }
    }

    public static SourceSpan line(String source, int line) {
        return new SourceSpan(source, line, line);
    }

    public SourceSpan through(int lastLine) {
        return new SourceSpan(source, line, Math.max(endLine, lastLine));
    }

    @Override
    public String toString() {
        return endLine == line ? source + ":" + line : source + ":" + line + "-" + endLine;
    }
}
