package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ANTLR and the generated grammar classes stay inside parser/internal (STYLE.md section 4). */
class AntlrBoundaryTest {

    @Test
    void onlyInternalImportsAntlr() throws IOException {
        Path root = Path.of("src/main/java/dev/iommudoctor/parser");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("internal"))
                    .filter(p -> {
                        try {
                            String src = Files.readString(p);
                            return src.contains("import org.antlr") || src.contains("import dev.iommudoctor.grammar")
                                    || src.contains("import static dev.iommudoctor.grammar");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
