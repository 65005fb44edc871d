package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceKind;
import java.util.Optional;

/** Which parser reads which kind of input: the one place to register a new format. */
public final class FormatParsers {

    private FormatParsers() {
    }

    public static Optional<FormatParser> forKind(SourceKind kind) {
        FormatParser parser = switch (kind) {
            case LSPCI -> new LspciFormatParser();
            default -> null;
        };
        return Optional.ofNullable(parser);
    }
}
