package dev.iommudoctor.rules.analysis;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.input.BundleLimits;
import dev.iommudoctor.rules.engine.RuleEngine;
import dev.iommudoctor.rules.report.AnalysisDocument;
import dev.iommudoctor.rules.report.AnalysisDocuments;
import dev.iommudoctor.rules.report.HtmlReport;
import dev.iommudoctor.rules.report.JsonReport;
import dev.iommudoctor.rules.report.TextReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the whole analysis of an upload: arbitrary bytes through the bundle reader, every parser,
 * the host model, the rule base and the three report writers. Nothing may throw (an IOException
 * from in-memory input included) and no rule may fail internally ({@code ruleErrors} stays empty).
 * Seeds: every sample host and one case per rule, packed as {@code .tar.gz} at test time.
 */
class AnalyzerFuzzTest {

    /** Small bundle limits: a compression bomb among fuzz inputs costs milliseconds. */
    private static final Analyzer ANALYZER = new Analyzer(RuleEngine.builtIn(), new ParseLimits(1 << 22, 1024),
            new BundleLimits(300, 4L << 20, 3));
    private static final int MAX_FUZZ_SEED_BYTES = 64 << 10;

    @BeforeAll
    static void seedCorpus() throws IOException {
        if (System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()) {
            return;
        }
        Path dir = Path.of(System.getProperty("jazzer.internal.basedir", "")).resolve(".cifuzz-corpus")
                .resolve(AnalyzerFuzzTest.class.getName()).resolve("analyze");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : seeds().entrySet()) {
            if (e.getValue().length <= MAX_FUZZ_SEED_BYTES) {
                Files.write(dir.resolve("seed-" + e.getKey().replaceAll("[^A-Za-z0-9._-]", "_")), e.getValue());
            }
        }
    }

    @FuzzTest(maxDuration = "4m")
    void analyze(byte[] data) {
        Analysis analysis;
        try {
            analysis = ANALYZER.analyze("fuzz/upload", new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new AssertionError("IOException escaped from an in-memory upload: " + e, e);
        }
        if (!analysis.outcomes().ruleErrors().isEmpty()) {
            throw new AssertionError("rule errors: " + analysis.outcomes().ruleErrors());
        }
        AnalysisDocument doc = AnalysisDocuments.of(analysis, "fuzz");
        new JsonReport().write(doc, new StringWriter());
        new TextReport(true, true).write(doc, new PrintWriter(new StringWriter()));
        new HtmlReport().write(doc, new PrintWriter(new StringWriter()));
    }

    @TestFactory
    Stream<DynamicTest> seedsKeepInvariants() {
        return seeds().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> analyze(e.getValue()))));
    }

    /** Each sample host, and the first case of each rule, as one {@code .tar.gz} upload. */
    static Map<String, byte[]> seeds() {
        Path samples = Path.of(System.getProperty("samples.dir", "../samples"));
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Path host : subdirectories(samples.resolve("hosts"))) {
            seeds.put("hosts/" + host.getFileName() + ".tar.gz", tarGz(host));
        }
        for (Path rule : subdirectories(samples.resolve("rules"))) {
            subdirectories(rule).stream().findFirst()
                    .ifPresent(c -> seeds.put("rules/" + rule.getFileName() + "/" + c.getFileName() + ".tar.gz", tarGz(c)));
        }
        return seeds;
    }

    private static List<Path> subdirectories(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tarGz(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out));
             Stream<Path> files = Files.walk(dir)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(f).toString();
                if (Arrays.asList("case.md", "expected-findings.txt", "README.md").contains(name)) {
                    continue;
                }
                byte[] b = Files.readAllBytes(f);
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(b.length);
                tar.putArchiveEntry(entry);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
