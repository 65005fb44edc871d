package dev.iommudoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code analyze} over every case folder {@code samples/rules/<RULE>/<case>/} and compares the
 * COMPLETE list of findings with {@code expected-findings.txt}: a new false positive from any rule
 * fails the case, like Error Prone's exhaustive expectations. One line per finding:
 * {@code SEVERITY RULE-ID devices=<addresses> evidence=<file:line,...>} (files relative to the case).
 * A missing golden is written and the test fails asking for review; {@code -Dgoldens.update=true}
 * rewrites all of them.
 */
class SampleCasesTest {

    static final String GOLDEN = "expected-findings.txt";

    @TestFactory
    Stream<DynamicTest> everySampleCaseReportsExactlyItsExpectedFindings() throws IOException {
        Path root = SamplesDir.get().resolve("rules");
        List<Path> cases;
        try (Stream<Path> s = Files.walk(root, 2)) {
            cases = s.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).sorted().toList();
        }
        assertTrue(cases.size() > 0, "no sample cases under " + root);
        return cases.stream().map(c -> DynamicTest.dynamicTest(root.relativize(c).toString(), () -> check(c)));
    }

    private static void check(Path caseDir) throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(caseDir)) {
            inputs = s.filter(p -> !isCaseMetadata(p.getFileName().toString())).sorted().toList();
        }
        Analysis analysis = Analyzer.withDefaults().analyze(inputs, ProgressListener.NONE);
        assertTrue(analysis.outcomes().ruleErrors().isEmpty(), "rule errors: " + analysis.outcomes().ruleErrors());
        String actual = render(caseDir, analysis.outcomes().findings());
        Path golden = caseDir.resolve(GOLDEN);
        if (Boolean.getBoolean("goldens.update") || !Files.exists(golden)) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("goldens.update")) {
                fail("wrote missing golden " + golden + ": review it and git add it\n" + actual);
            }
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n"), actual,
                "findings differ for " + caseDir + "; messages were:\n" + analysis.outcomes().findings().stream()
                        .map(f -> f.ruleId() + ": " + f.message()).collect(Collectors.joining("\n")));
    }

    static boolean isCaseMetadata(String name) {
        return name.equals(GOLDEN) || name.equals("case.md") || name.equals("README.md");
    }

    static String render(Path caseDir, List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        for (Finding f : findings) {
            String evidence = f.evidence().stream().map(e -> relative(caseDir, e)).collect(Collectors.joining(","));
            lines.add(f.severity() + " " + f.ruleId() + " devices=" + String.join(",", f.devices()) + " evidence=" + evidence);
        }
        return lines.stream().sorted().collect(Collectors.joining("\n", "", lines.isEmpty() ? "" : "\n"));
    }

    private static String relative(Path caseDir, EvidenceLine e) {
        String prefix = caseDir.toString() + "/";
        String file = e.file().startsWith(prefix) ? e.file().substring(prefix.length()) : e.file();
        return file + ":" + e.line();
    }
}
