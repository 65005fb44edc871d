package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Cut-off and damaged lines never throw: they become an event, or a GRAMMAR diagnostic + UnrecognizedLine. */
class KernelMessageRobustnessTest {

    @Test
    void everyPrefixOfEverySampleLineIsHandled() throws IOException {
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(KernelMessageGoldenTest.DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                TestRecords.split("x", Files.readAllLines(f, StandardCharsets.UTF_8)).forEach(r -> bodies.add(r.text()));
            }
        }
        List<Event> events = new ArrayList<>();
        ParseContext ctx = new ParseContext("fuzz", events::add);
        KernelMessageClassifier classifier = new KernelMessageClassifier();
        int n = 0;
        for (String body : bodies) {
            for (int cut = 1; cut <= body.length(); cut++) {
                String text = body.substring(0, cut);
                LogEvent e = classifier.classify(TestRecords.record(SourceSpan.line("fuzz", ++n), OptionalDouble.empty(), text), ctx);
                assertNotNull(e, text);
                // also with a stray byte in the middle
                String damaged = text.substring(0, cut / 2) + "\u00ff" + text.substring(cut / 2);
                assertNotNull(classifier.classify(TestRecords.record(SourceSpan.line("fuzz", n), OptionalDouble.empty(), damaged), ctx));
            }
        }
        assertTrue(n > 5000, "fuzzed " + n + " prefixes");
        assertTrue(events.stream().allMatch(e -> e instanceof Diagnostic d && d.code().equals("GRAMMAR")));
    }

    @Test
    void outOfRangeDeviceIsADiagnosticNotAnException() {
        List<Event> events = new ArrayList<>();
        ParseContext ctx = new ParseContext("t", events::add);
        LogRecord r = TestRecords.record(SourceSpan.line("t", 1), OptionalDouble.empty(), "pci 0000:00:3f.0: Adding to iommu group 3");
        assertTrue(new KernelMessageClassifier().classify(r, ctx) instanceof UnrecognizedLine);
        assertEquals(1, events.size());
    }
}
