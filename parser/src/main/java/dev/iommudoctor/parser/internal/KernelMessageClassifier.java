package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.UnrecognizedLine;

/**
 * Turns one complete log record (continuations already joined) into its typed event, or an
 * {@link UnrecognizedLine}. One instance per parse: it may keep reusable lexer/parser state.
 */
public final class KernelMessageClassifier {

    /**
     * Classifies {@code record}. Grammar problems on a line that looked like a known family become a
     * diagnostic in {@code ctx} plus an {@link UnrecognizedLine}, never an exception.
     */
    public LogEvent classify(LogRecord record, ParseContext ctx) {
        return new UnrecognizedLine(record);
    }
}
