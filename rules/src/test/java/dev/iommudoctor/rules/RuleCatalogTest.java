package dev.iommudoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.engine.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Meta-tests over the rule base (PMD's RuleSetFactoryTest idea): what a rule author might forget.
 */
class RuleCatalogTest {

    private static final Path RULES_MAIN = Path.of("src/main/java/dev/iommudoctor/rules");

    @Test
    void ruleIdsAreUniqueUpperKebabAndTitlesHaveNoTrailingPeriod() {
        Set<String> ids = new HashSet<>();
        for (Rule r : BuiltInRules.all()) {
            DiagnosticRule m = r.metadata();
            assertTrue(ids.add(m.id()), "duplicate rule id " + m.id());
            assertTrue(m.id().matches("[A-Z0-9]+(-[A-Z0-9]+)*"), "id not upper-kebab: " + m.id());
            assertFalse(m.title().endsWith("."), "title ends with a period: " + m.id());
        }
    }

    @Test
    void everyAnnotatedRuleClassIsRegistered() throws IOException {
        Set<String> registered = new HashSet<>();
        BuiltInRules.all().forEach(r -> registered.add(r.getClass().getSimpleName() + ".java"));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RULES_MAIN)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(p).contains("@DiagnosticRule(") && !registered.contains(p.getFileName().toString())) {
                    missing.add(p.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), missing, "rule classes not listed in BuiltInRules");
    }

    @Test
    void everyRuleHasDocsAndAFiringAndAQuietSample() {
        Path repo = SamplesDir.get().getParent();
        List<String> problems = new ArrayList<>();
        for (Rule r : BuiltInRules.all()) {
            String id = r.metadata().id();
            Path doc = repo.resolve("docs/rules/" + id + ".md");
            if (!Files.isRegularFile(doc)) {
                problems.add(id + ": no " + repo.relativize(doc));
            }
            Path samples = repo.resolve("samples/rules/" + id);
            String[] cases = samples.toFile().list();
            boolean fires = cases != null && Stream.of(cases).anyMatch(c -> c.startsWith("fires"));
            boolean quiet = cases != null && Stream.of(cases).anyMatch(c -> c.startsWith("quiet"));
            if (!fires || !quiet) {
                problems.add(id + ": needs samples/rules/" + id + "/fires-... and quiet-... cases");
            }
        }
        assertEquals(List.of(), problems);
    }
}
