package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;

/**
 * Something the parser could not take as written: an over-long line, invalid UTF-8, a truncated
 * archive, a line that matched a message family but not its grammar. Parsing always goes on.
 *
 * @param span     where it happened
 * @param code     stable short code, e.g. {@code LINE_TOO_LONG}, {@code INVALID_UTF8}, {@code GRAMMAR}
 * @param message  a sentence a support engineer can act on
 * @param preview  up to 120 characters of the offending text (may be empty)
 * @param fatal    true when the rest of the file could not be read (the result is partial)
 */
public record Diagnostic(SourceSpan span, String code, String message, String preview, boolean fatal)
        implements Event {
}
