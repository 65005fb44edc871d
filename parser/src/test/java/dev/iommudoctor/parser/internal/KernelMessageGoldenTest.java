package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.LogRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: every {@code samples/parser/kernel-messages/*.log} is split into records, classified,
 * and its events (one line each, UnrecognizedLine included so negatives are visible) compared with
 * {@code <name>.events.txt}. A missing golden is written and the test fails; {@code -Dgoldens.update=true}
 * rewrites all.
 */
class KernelMessageGoldenTest {

    static final Path DIR = Path.of(System.getProperty("samples.dir", "../samples"), "parser", "kernel-messages");

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(DIR)) {
            inputs = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        if (inputs.isEmpty()) {
            fail("no samples in " + DIR.toAbsolutePath());
        }
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws IOException {
        String actual = String.join("\n", classify(input)) + "\n";
        Path golden = input.resolveSibling(input.getFileName().toString().replaceAll("\\.log$", ".events.txt"));
        if (Boolean.getBoolean("goldens.update") || !Files.exists(golden)) {
            boolean existed = Files.exists(golden);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            if (!existed) {
                fail("wrote missing golden " + golden + ": review and git add");
            }
            return;
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden " + golden.getFileName());
    }

    static List<String> classify(Path input) throws IOException {
        List<Event> events = new ArrayList<>();
        String name = input.getFileName().toString();
        ParseContext ctx = new ParseContext(name, events::add);
        KernelMessageClassifier classifier = new KernelMessageClassifier();
        for (LogRecord r : TestRecords.split(name, Files.readAllLines(input, StandardCharsets.UTF_8))) {
            ctx.emit(classifier.classify(r, ctx));
        }
        return events.stream().map(EventText::of).toList();
    }
}
