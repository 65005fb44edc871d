package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the lspci parser the way the product does (through {@link Parsers}), collecting the events. */
final class LspciTestSupport {

    private LspciTestSupport() {
    }

    static List<Event> parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.getFileName().toString(), in);
        }
    }

    static List<Event> parse(String name, String content) throws IOException {
        return parse(name, new ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<Event> parse(String name, InputStream in) throws IOException {
        List<Event> events = new ArrayList<>();
        Parsers.parse(name, in, SourceKind.LSPCI, limits(), events::add);
        return events;
    }

    static ParseLimits limits() {
        return ParseLimits.DEFAULT;
    }
}
