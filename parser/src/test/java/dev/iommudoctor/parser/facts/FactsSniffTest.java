package dev.iommudoctor.parser.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iommudoctor.parser.api.ContentSniffer;
import dev.iommudoctor.parser.api.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every host facts sample is recognised as its family's kind from content alone (empty files as EMPTY). */
class FactsSniffTest {

    @TestFactory
    Stream<DynamicTest> samplesSniffAsTheirFamily() throws IOException {
        Path root = FactsGoldenTest.samplesRoot();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, SourceKind> family : FactsGoldenTest.FAMILIES.entrySet()) {
            for (Path input : FactsGoldenTest.inputs(root.resolve(family.getKey()))) {
                tests.add(DynamicTest.dynamicTest(family.getKey() + "/" + input.getFileName(), () -> {
                    byte[] all = Files.readAllBytes(input);
                    // A neutral name: the content alone must decide.
                    SourceKind kind = ContentSniffer.sniff("input", all, Math.min(all.length, ContentSniffer.HEAD_BYTES));
                    assertEquals(all.length == 0 ? SourceKind.EMPTY : family.getValue(), kind);
                }));
            }
        }
        return tests.stream();
    }
}
