package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.Parsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the kernel-log envelope: every {@code samples/parser/kernel-log/*.log} is parsed
 * through {@link Parsers} (so sniffing is covered too) and its records, printed one per line by
 * {@link EnvelopeText}, are compared with {@code <name>.envelope.txt}. The goldens show envelopes, not
 * event types, so they stay valid whatever the message classifier makes of the bodies.
 * Missing goldens are written and the test fails; {@code -Dgoldens.update=true} rewrites them all.
 */
class KernelLogGoldenTest {

    static Path samplesDir() {
        String dir = System.getProperty("samples.dir");
        Path base = dir != null ? Path.of(dir) : Path.of("..", "samples");
        return base.resolve("parser").resolve("kernel-log");
    }

    @TestFactory
    Stream<DynamicTest> envelopes() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(samplesDir())) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws IOException {
        List<String> out = new ArrayList<>();
        ParseSummary summary;
        try (InputStream in = Files.newInputStream(input)) {
            summary = Parsers.parse(input.getFileName().toString(), in, null, ParseLimits.DEFAULT,
                    e -> out.add(EnvelopeText.of(e)));
        }
        out.add(0, "kind=" + summary.kind() + " lines=" + summary.lines());
        String actual = String.join("\n", out) + "\n";
        String name = input.getFileName().toString();
        Path golden = input.resolveSibling(name.substring(0, name.length() - 4) + ".envelope.txt");
        if (Boolean.getBoolean("goldens.update") || !Files.exists(golden)) {
            boolean existed = Files.exists(golden);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            if (!existed) {
                fail("wrote missing golden " + golden + ": review and git add");
            }
            return;
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "envelopes of " + name);
    }
}
