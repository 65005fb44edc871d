package dev.iommudoctor.parser.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines without ever failing on content: LF, CRLF and lone CR all end a
 * line, a missing final newline is fine, an over-long line is cut at {@code maxLineBytes} (the rest
 * skipped), and bytes that are not UTF-8 are decoded as ISO-8859-1 so no byte is lost (old syslogs in
 * a Latin-1 locale read correctly that way).
 *
 * <p>Hot path: pure-ASCII lines, nearly all of a kernel log, become Strings through the Latin-1
 * decoder, which is a plain byte copy into a compact String.
 */
public final class LineReader {

    /** Notified of lines that could not be taken as written. */
    public interface Listener {
        void lineTooLong(int lineNumber, long fullLength, String preview);

        void notUtf8(int lineNumber, String preview);
    }

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private final Listener listener;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int lineNumber;
    private long bytesRead;
    private boolean pendingCr;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public LineReader(InputStream in, int maxLineBytes, Listener listener) {
        this(in, maxLineBytes, listener, 0);
    }

    /**
     * @param linesBefore lines of the enclosing file before this stream starts (a section of a composite
     *                    report), so that line numbers point into the original file
     */
    public LineReader(InputStream in, int maxLineBytes, Listener listener, int linesBefore) {
        this.lineNumber = linesBefore;
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.listener = listener;
    }

    /** Number of the line last returned by {@link #next()}, 1-based. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Bytes consumed from the stream so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public String next() throws IOException {
        int len = 0;
        long fullLength = 0;
        boolean ascii = true;
        boolean sawAny = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            if (pendingCr) {
                pendingCr = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            sawAny = true;
            int start = pos;
            int end = limit;
            int i = start;
            byte b = 0;
            while (i < end) {
                b = buf[i];
                if (b == '\n' || b == '\r') {
                    break;
                }
                ascii &= b >= 0;
                i++;
            }
            int chunk = i - start;
            fullLength += chunk;
            int keep = Math.min(chunk, maxLineBytes - len);
            if (keep > 0) {
                ensureCapacity(len + keep);
                System.arraycopy(buf, start, line, len, keep);
                len += keep;
            }
            if (i < end) {
                pos = i + 1;
                if (b == '\r') {
                    if (pos < limit) {
                        if (buf[pos] == '\n') {
                            pos++;
                        }
                    } else {
                        pendingCr = true;
                    }
                }
                break;
            }
            pos = end;
        }
        lineNumber++;
        if (fullLength > maxLineBytes) {
            listener.lineTooLong(lineNumber, fullLength, latin1(0, Math.min(len, 120)));
        }
        if (ascii) {
            return latin1(0, len);
        }
        return decodeNonAscii(len);
    }

    private String decodeNonAscii(int len) {
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(line, 0, len));
            return chars.toString();
        } catch (CharacterCodingException e) {
            // A line cut at maxLineBytes may end inside a multi-byte sequence: that is not bad input.
            String text = latin1(0, len);
            listener.notUtf8(lineNumber, text.length() > 120 ? text.substring(0, 120) : text);
            return text;
        }
    }

    @SuppressWarnings("deprecation")
    private String latin1(int from, int len) {
        // String(byte[], hibyte, offset, count) is the fastest byte->char copy the JDK offers.
        return new String(line, 0, from, len);
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            byte[] bigger = new byte[Math.max(needed, Math.min(line.length * 2, maxLineBytes))];
            System.arraycopy(line, 0, bigger, 0, line.length);
            line = bigger;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            if (n == 0) {
                // InputStream contract allows 0 only for a 0-length request; treat as end to avoid spinning.
                eof = true;
            }
            return false;
        }
        pos = 0;
        limit = n;
        bytesRead += n;
        return true;
    }
}
