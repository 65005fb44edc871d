package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iommudoctor.parser.api.ContentSniffer;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: every {@code samples/parser/lspci/*.lspci} is parsed and its events, printed by
 * {@link LspciEventText}, compared with {@code <name>.events.txt}. A missing golden is written and the test
 * fails asking for review; every non-empty sample must also sniff as LSPCI; {@code -Dgoldens.update=true} rewrites them all.
 */
class LspciGoldenTest {

    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        Path dir = Path.of(System.getProperty("samples.dir", "../samples"), "parser", "lspci");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no samples directory at " + dir.toAbsolutePath());
        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".lspci")).sorted().toList();
        }
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
    }

    private static void check(Path input) throws IOException {
        String name = input.getFileName().toString();
        Path golden = input.resolveSibling(name.substring(0, name.length() - ".lspci".length()) + ".events.txt");
        byte[] bytes = Files.readAllBytes(input);
        SourceKind sniffed = ContentSniffer.sniff(name, bytes, Math.min(bytes.length, ContentSniffer.HEAD_BYTES));
        assertEquals(bytes.length == 0 ? SourceKind.EMPTY : SourceKind.LSPCI, sniffed, "sniffed kind of " + name);
        List<Event> events = LspciTestSupport.parse(input);
        String actual = events.stream().map(LspciEventText::format).collect(Collectors.joining("\n")) + "\n";
        boolean update = Boolean.getBoolean("goldens.update");
        if (update || !Files.exists(golden)) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            if (!update) {
                fail("golden " + golden + " was missing and has been written: review it and git add it");
            }
            return;
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(expected, actual, "events of " + name + " differ from " + golden.getFileName());
    }
}
