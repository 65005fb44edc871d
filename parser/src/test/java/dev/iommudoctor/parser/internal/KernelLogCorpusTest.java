package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.ContentSniffer;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the kernel-log reader over every real kernel log, journal and QEMU/libvirt log of the shared
 * corpus ({@code -Dcorpus.dir}): each must sniff as the right kind, parse without an exception, lose no
 * line (records + joined continuation lines + blank lines = lines read) and, for timestamped logs, give
 * nearly every record an envelope.
 */
class KernelLogCorpusTest {

    @TestFactory
    Stream<DynamicTest> corpusLogs() throws IOException {
        String dir = System.getProperty("corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(corpus != null && Files.isDirectory(corpus.resolve("public")),
                "corpus not found (set -Dcorpus.dir); skipping the corpus test");
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(corpus.resolve("public")), Files.list(corpus.resolve("snippets")))) {
            files = s.filter(KernelLogCorpusTest::isKernelOrQemuLog).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static boolean isKernelOrQemuLog(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("dmesg-") || n.startsWith("kernlog-") || (n.startsWith("other-qemu-libvirt-") && n.endsWith(".log"))
                || n.startsWith("snippet-");
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] head = readHead(file);
        SourceKind kind = ContentSniffer.sniff(name, head, head.length);
        if (!name.startsWith("snippet-")) {
            SourceKind expected = name.startsWith("other-qemu") ? SourceKind.QEMU_LOG : SourceKind.KERNEL_LOG;
            assertEquals(expected, kind, name + " sniffed as");
        }
        long[] withEnvelope = {0};
        long[] records = {0};
        ParseContext ctx = new ParseContext(name, e -> {
            if (e instanceof LogEvent le) {
                records[0]++;
                if (hasEnvelope(le.record())) {
                    withEnvelope[0]++;
                }
            }
        });
        KernelLogFormatParser.Counts counts;
        LineReader lines;
        try (InputStream in = Files.newInputStream(file)) {
            lines = new LineReader(in, 1 << 20, ctx);
            counts = new KernelLogFormatParser().run(lines, ctx);
        }
        assertEquals(records[0], counts.records());
        assertEquals(lines.lineNumber(), counts.records() + counts.joinedLines() + counts.blankLines(),
                name + ": a line was lost");
        double share = records[0] == 0 ? 1 : (double) withEnvelope[0] / records[0];
        System.out.printf(Locale.ROOT, "%-80s %-10s lines=%5d records=%5d joined=%4d blank=%4d envelope=%.1f%%%n", name,
                kind, lines.lineNumber(), counts.records(), counts.joinedLines(), counts.blankLines(), 100 * share);
        if (name.startsWith("dmesg-") && !name.contains("no-timestamps") || name.startsWith("kernlog-")) {
            assertTrue(share >= 0.99, name + ": only " + share + " of records have a parsed envelope");
        }
    }

    private static boolean hasEnvelope(LogRecord r) {
        return r.monotonic().isPresent() || r.wallClock().isPresent() || r.level().isPresent()
                || "journalctl".equals(r.origin().orElse(null));
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ContentSniffer.HEAD_BYTES);
        }
    }
}
