package dev.iommudoctor.parser.internal;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} straight over a String, for a message body such as
 * {@code pci 0000:01:00.0: Adding to iommu group 13}. {@code CharStreams.fromString} copies every
 * body into a fresh code-point buffer first, which on the hot path costs about as much as lexing a
 * short line; this reads the String in place. It behaves exactly like the code-point stream as long
 * as the text has no surrogate pairs ({@link #fits}), so callers use it only then.
 */
final class StringCharStream implements CharStream {

    private final String text;
    private final int size;
    private int position;

    StringCharStream(String text) {
        this.text = text;
        this.size = text.length();
    }

    /** True when every char of {@code s} is a whole code point, so char and code-point indices agree. */
    static boolean fits(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void consume() {
        if (position >= size) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int offset = i > 0 ? position + i - 1 : position + i;
        return offset < 0 || offset >= size ? IntStream.EOF : text.charAt(offset);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        position = index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.min(interval.a, size);
        int length = Math.min(interval.b - interval.a + 1, size - start);
        return length <= 0 ? "" : text.substring(start, start + length);
    }

    @Override
    public String toString() {
        return text;
    }
}
