package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.LogEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the record assembly that the golden samples cannot show well. */
class KernelLogFormatParserTest {

    private final List<Event> events = new ArrayList<>();

    private KernelLogFormatParser.Counts parse(String text) throws IOException {
        return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private KernelLogFormatParser.Counts parse(InputStream in) throws IOException {
        ParseContext ctx = new ParseContext("test", events::add);
        return new KernelLogFormatParser().run(new LineReader(in, 1 << 20, ctx), ctx);
    }

    @Test
    void aHugeRunOfContinuationLinesIsCutIntoBoundedRecords() throws IOException {
        StringBuilder b = new StringBuilder("[    1.000000] DMAR: start\n");
        for (int i = 0; i < 5000; i++) {
            b.append("               continuation ").append(i).append('\n');
        }
        KernelLogFormatParser.Counts c = parse(b.toString());
        assertEquals(5001, c.records() + c.joinedLines());
        assertEquals(6, c.records());
        for (Event e : events) {
            assertTrue(e.span().endLine() - e.span().line() + 1 <= KernelLogFormatParser.MAX_RECORD_LINES);
        }
    }

    @Test
    void recordsAreEmittedWhileTheInputIsStillBeingRead() throws IOException {
        String head = "[    1.000000] DMAR: one\n[    2.000000] DMAR: two\n[    3.000000] DMAR: three\n";
        byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
        int[] emittedWhenDrained = {-1};
        InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() {
                if (pos == bytes.length && emittedWhenDrained[0] < 0) {
                    emittedWhenDrained[0] = events.size();
                }
                return pos < bytes.length ? bytes[pos++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                // one line per read: the parser sees the stream arrive piece by piece
                int nl = head.indexOf('\n', pos);
                if (pos >= bytes.length) {
                    return read() < 0 ? -1 : 0;
                }
                int n = Math.min(len, nl + 1 - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        parse(in);
        assertEquals(3, events.size());
        // with one record of look-ahead, two records were out before the end of the input was seen
        assertEquals(2, emittedWhenDrained[0]);
    }

    @Test
    void blankLinesEndARecordAndAreCounted() throws IOException {
        KernelLogFormatParser.Counts c = parse("[    1.000000] DMAR: a\n\n   \n               not joined across a blank line\n");
        assertEquals(2, c.blankLines());
        assertEquals(2, c.records());
        assertEquals("not joined across a blank line", ((LogEvent) events.get(1)).record().text());
    }
}
