package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small text as kernel/QEMU log lines and keeps only the messages it recognises. Users paste
 * fragments: a QEMU error inside a KubeVirt event, a group listing followed by the error it caused,
 * a serial-console capture. Such files match no format as a whole, or match one and carry lines of
 * another; this recovers the known messages without claiming the rest of the file is a log.
 */
public final class FreeTextScan {

    private FreeTextScan() {
    }

    /** The recognised log events in {@code bytes}, line numbers counted on from {@code linesBefore}. */
    public static List<Event> recognisedLogEvents(String source, byte[] bytes, int maxLineBytes, int linesBefore) {
        List<Event> found = new ArrayList<>();
        ParseContext ctx = new ParseContext(source, e -> {
            if (!(e instanceof UnrecognizedLine) && !(e instanceof Diagnostic)) {
                found.add(e);
            }
        });
        try {
            FormatParsers.forKind(SourceKind.KERNEL_LOG).orElseThrow()
                    .parse(new LineReader(new ByteArrayInputStream(bytes), maxLineBytes, ctx, linesBefore), ctx);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
        return found;
    }
}
