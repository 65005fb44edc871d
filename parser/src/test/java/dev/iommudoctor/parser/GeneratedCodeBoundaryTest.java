package dev.iommudoctor.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated ANTLR code stays behind the parser's own event model: only {@code parser/internal}
 * may import ANTLR or the generated grammar classes. Rules, server and CLI see records, never contexts.
 */
class GeneratedCodeBoundaryTest {

    @Test
    void onlyParserInternalImportsAntlrOrGeneratedClasses() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        List<String> offenders;
        try (Stream<Path> s = Files.walk(repo)) {
            offenders = s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/parser/src/main/java/dev/iommudoctor/parser/internal/"))
                    .filter(p -> !p.toString().contains("/grammar/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(GeneratedCodeBoundaryTest::importsAntlr)
                    .map(p -> repo.relativize(p).toString())
                    .toList();
        }
        assertEquals(List.of(), offenders, "files outside parser/internal that import org.antlr or dev.iommudoctor.grammar");
    }

    private static boolean importsAntlr(Path p) {
        try {
            return Files.readAllLines(p).stream()
                    .anyMatch(l -> l.startsWith("import org.antlr") || l.startsWith("import dev.iommudoctor.grammar"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
