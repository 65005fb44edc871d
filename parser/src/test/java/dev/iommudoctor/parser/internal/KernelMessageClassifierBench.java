package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the classifier alone (records already split) over real boot logs, where a few percent
 * of lines are candidates. Run with {@code -Dbench=true -Dtest=KernelMessageClassifierBench}.
 */
class KernelMessageClassifierBench {

    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../../shared/corpus"), "public");

    @Test
    void throughput() throws IOException {
        assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
        assumeTrue(Files.isDirectory(CORPUS), "corpus absent");
        List<LogRecord> records = new ArrayList<>();
        long bytes = 0;
        for (String f : List.of("dmesg-amd-epyc9654-h100-server-rocky9-crlf-large.txt",
                "dmesg-amd-ryzen5700u-pve65-vfio-igpu-truncated-head.txt",
                "dmesg-intel-icelake-surfacepro7-k538surface-ir-xapic-no-dma-remap.txt",
                "dmesg-intel-icelake-surfacepro7-k537arch-stock.txt")) {
            List<String> lines = Files.readAllLines(CORPUS.resolve(f), StandardCharsets.ISO_8859_1);
            records.addAll(TestRecords.split(f, lines));
            for (String l : lines) {
                bytes += l.length() + 1;
            }
        }
        ParseContext ctx = new ParseContext("bench", e -> { });
        KernelMessageClassifier classifier = new KernelMessageClassifier();
        long recognised = records.stream().filter(r -> !(classifier.classify(r, ctx) instanceof UnrecognizedLine)).count();
        for (int warm = 0; warm < 30; warm++) {
            run(classifier, records, ctx);
        }
        int rounds = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            run(classifier, records, ctx);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double lines = (double) records.size() * rounds;
        System.out.printf(Locale.ROOT, "classifier: %d records, %.1f%% typed; %.2f M lines/s, %.0f MB/s (raw file bytes)%n",
                records.size(), 100.0 * recognised / records.size(), lines / secs / 1e6, (double) bytes * rounds / secs / 1e6);

        // uninteresting lines only: the prefilter path
        List<LogRecord> plain = records.stream().filter(r -> classifier.classify(r, ctx) instanceof UnrecognizedLine).toList();
        long plainBytes = plain.stream().mapToLong(r -> r.text().length() + 16).sum();
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            run(classifier, plain, ctx);
        }
        secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "prefilter only: %.2f M lines/s, %.0f MB/s%n",
                (double) plain.size() * rounds / secs / 1e6, (double) plainBytes * rounds / secs / 1e6);
        // candidates only: the ANTLR path
        List<LogRecord> typed = records.stream().filter(r -> !(classifier.classify(r, ctx) instanceof UnrecognizedLine)).toList();
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            run(classifier, typed, ctx);
        }
        secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "candidates only (grammar): %.0f k lines/s; LL fallbacks so far %d%n",
                (double) typed.size() * rounds / secs / 1e3, classifier.llFallbacks());
    }

    private static void run(KernelMessageClassifier c, List<LogRecord> records, ParseContext ctx) {
        for (LogRecord r : records) {
            c.classify(r, ctx);
        }
    }
}
