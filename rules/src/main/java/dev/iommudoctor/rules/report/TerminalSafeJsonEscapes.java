package dev.iommudoctor.rules.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON escaping for output that may land on a terminal ({@code parse}, {@code analyze --format json}):
 * Jackson escapes C0 controls but writes C1 controls (U+0080..U+009F, e.g. U+009B, the 8-bit CSI that
 * starts an escape sequence) and bidirectional overrides (U+202A..U+202E, U+2066..U+2069) raw. A
 * log line {@code "fault \u009b2J"} would then clear the reader's screen; here it is written
 * {@code "fault \\u009B2J"}. Other non-ASCII text (é, 中) stays as it is.
 */
public final class TerminalSafeJsonEscapes extends CharacterEscapes {

    private static final int[] ASCII = standardAsciiEscapesForJSON();

    /** Installs the escapes on {@code mapper}'s factory and returns it. */
    public static ObjectMapper install(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(new TerminalSafeJsonEscapes());
        return mapper;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        boolean c1 = ch >= 0x7f && ch < 0xa0;
        boolean bidi = (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);
        return c1 || bidi ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
}
