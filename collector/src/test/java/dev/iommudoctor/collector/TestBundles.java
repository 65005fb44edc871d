package dev.iommudoctor.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import dev.iommudoctor.rules.api.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Helpers shared by the collector tests: the fake roots, reading a bundle back, analysing it. */
final class TestBundles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-25T14:00:00Z"), ZoneOffset.UTC);

    private TestBundles() {
    }

    static Path samples() {
        String prop = System.getProperty("samples.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/hosts"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/ not found; set -Dsamples.dir");
    }

    static HostRoot host(String name) {
        return HostRoot.fake(samples().resolve("hosts").resolve(name));
    }

    static Collector.Options options(HostRoot root, boolean redact) {
        return new Collector.Options(root, redact, "test", Limits.DEFAULT, null, FIXED);
    }

    /** Every member of a .tar.gz: name to content, in archive order. */
    static Map<String, byte[]> read(Path bundle) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                out.put(e.getName(), tar.readAllBytes());
            }
        }
        return out;
    }

    static String text(Map<String, byte[]> bundle, String name) {
        byte[] b = bundle.get(name);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    static JsonNode manifest(Map<String, byte[]> bundle) throws IOException {
        return JSON.readTree(bundle.get("manifest.json"));
    }

    static Analysis analyze(Path bundle) throws IOException {
        return Analyzer.withDefaults().analyze(List.of(bundle), ProgressListener.NONE);
    }

    /**
     * Findings in a form that does not depend on where the bundle lies or on redacted names:
     * {@code SEVERITY RULE devices=... evidence=member:line,...}, sorted.
     */
    static List<String> findings(Analysis a, UnaryOperator<String> memberName) {
        List<String> out = new ArrayList<>();
        for (Finding f : a.outcomes().findings()) {
            StringBuilder b = new StringBuilder(f.severity() + " " + f.ruleId() + " devices=" + f.devices() + " evidence=");
            f.evidence().forEach(e -> {
                int bang = e.file().indexOf("!/");
                b.append(memberName.apply(bang < 0 ? e.file() : e.file().substring(bang + 2))).append(':').append(e.line()).append(',');
            });
            out.add(b.toString());
        }
        out.sort(null);
        return out;
    }
}
