package dev.iommudoctor.parser.facts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tolerance and "nothing silently dropped": each family's sample lines are shuffled with garbage (fixed
 * seeds), parsed, and must (1) never throw and (2) account for every line in an event span or a
 * diagnostic, apart from lines the format itself defines as carrying nothing (blank, comments, headers).
 */
class FactsRobustnessTest {

    private static final int SEEDS = 25;

    /** Lines that carry no fact by the format's own rules. */
    private static final Pattern NOTHING = Pattern.compile(
            "^\\s*$|^\\s*#.*|^Module\\s+Size\\s+Used by\\s*$|^total \\d+$|^\\S*/iommu_groups(?:/\\d+(?:/devices)?)?/?$"
                    + "|^\\s*valid_lft .*"
                    // group headings: their devices carry the group number; an empty heading is reported
                    + "|^\\s*(?:IOMMU )?[Gg]roup:?\\s*\\d+:?\\s*$|^\\S*/iommu_groups/\\d+/devices/?:$");

    private static final List<String> GARBAGE = List.of(
            "\u0000\u0001\u0002 binary junk \u00ff",
            "\"unbalanced quote",
            "'single",
            "\\",
            "x".repeat(5000),
            "<device><name>",
            "   indented nonsense: with colon",
            "Group:",
            "IOMMU Group x 01:00.0",
            "12: broken: <UP mtu",
            "options",
            "GRUB_X=\"open",
            "vf 9999999999999999999 link/ether",
            "HugePages_Total: 99999999999999999999999",
            "lrwxrwxrwx 1 root root 0 Nov 25 10:02 zz -> ../x",
            "Node x MemTotal: 1 kB");

    @TestFactory
    Stream<DynamicTest> shuffledWithGarbage() throws IOException {
        Path root = FactsGoldenTest.samplesRoot();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, SourceKind> family : FactsGoldenTest.FAMILIES.entrySet()) {
            List<String> pool = new ArrayList<>();
            for (Path input : FactsGoldenTest.inputs(root.resolve(family.getKey()))) {
                pool.addAll(Files.readAllLines(input, StandardCharsets.ISO_8859_1));
            }
            // Whole-document formats (XML, JSON) cannot account for every garbage line: a broken document is one diagnostic.
            boolean xml = family.getValue() == SourceKind.NODEDEV_XML || family.getValue() == SourceKind.DOMAIN_XML
                    || family.getValue() == SourceKind.COLLECTOR_JSON
                    // a VM config has many keys iommu-doctor does not need; only garbage lines become diagnostics
                    || family.getValue() == SourceKind.PVE_VM_CONF;
            for (int seed = 0; seed < SEEDS; seed++) {
                int s = seed;
                tests.add(DynamicTest.dynamicTest(family.getKey() + " seed " + seed,
                        () -> check(family.getValue(), pool, s, !xml)));
            }
        }
        return tests.stream();
    }

    private static void check(SourceKind kind, List<String> pool, int seed, boolean coverage) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(pool);
        Collections.shuffle(lines, random);
        lines = new ArrayList<>(lines.subList(0, Math.min(lines.size(), 20 + random.nextInt(40))));
        for (int i = 0; i < 6; i++) {
            lines.add(random.nextInt(lines.size() + 1), GARBAGE.get(random.nextInt(GARBAGE.size())));
        }
        String sep = random.nextBoolean() ? "\n" : "\r\n";
        byte[] bytes = String.join(sep, lines).getBytes(StandardCharsets.ISO_8859_1);
        List<Event> events = new ArrayList<>();
        ParseSummary summary = Parsers.parse("fuzz", new ByteArrayInputStream(bytes), kind,
                new ParseLimits(Long.MAX_VALUE, 4096), events::add);
        long emittedDiagnostics = events.stream().filter(e -> e instanceof Diagnostic).count();
        if (!coverage || summary.diagnostics() > emittedDiagnostics) {
            return; // capped diagnostics: coverage cannot be checked line by line
        }
        BitSet covered = new BitSet();
        for (Event e : events) {
            SourceSpan span = e.span();
            covered.set(span.line(), span.endLine() + 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!covered.get(i + 1) && !NOTHING.matcher(line).matches()) {
                assertTrue(false, kind + " seed " + seed + ": line " + (i + 1) + " silently dropped: " + line
                        + "\n--- input ---\n" + String.join("\n", lines));
            }
        }
    }
}
