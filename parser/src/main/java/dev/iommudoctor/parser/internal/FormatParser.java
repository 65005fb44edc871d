package dev.iommudoctor.parser.internal;

import java.io.IOException;

/** Parses one input of a known {@link dev.iommudoctor.parser.api.SourceKind}, line by line. */
public interface FormatParser {

    /**
     * Reads every line from {@code lines} and emits events into {@code ctx}. Must never throw for bad
     * content: content problems become {@link ParseContext#diagnostic diagnostics} or
     * {@code UnrecognizedLine} events. Only I/O errors propagate.
     */
    void parse(LineReader lines, ParseContext ctx) throws IOException;
}
