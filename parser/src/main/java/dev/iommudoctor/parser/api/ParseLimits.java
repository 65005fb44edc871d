package dev.iommudoctor.parser.api;

/**
 * Bounds on what one input may cost. Exceeding {@code maxLineBytes} truncates that line (with a
 * diagnostic); exceeding {@code maxBytes} stops reading the input and marks the result partial.
 *
 * @param maxBytes      decompressed bytes read from one input before it is cut off
 * @param maxLineBytes  bytes kept of one line; the rest of the line is skipped
 */
public record ParseLimits(long maxBytes, int maxLineBytes) {

    /** Generous defaults for the command line: a 1 MiB line is never a real kernel message. */
    public static final ParseLimits DEFAULT = new ParseLimits(Long.MAX_VALUE, 1 << 20);

    public ParseLimits {
        if (maxBytes <= 0 || maxLineBytes < 80) {
            throw new IllegalArgumentException("limits too small: " + maxBytes + ", " + maxLineBytes);
        }
    }
}
