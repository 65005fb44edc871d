package dev.iommudoctor.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a support engineer sees when a customer sends something broken: one clear line on stderr, a
 * non-zero exit status, never a stack trace.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertCleanFailure(CliRun run, String expectedInMessage) {
        assertAll(
                () -> assertEquals(ExitCodes.BAD_INPUT, run.exit(), "exit status; stderr was: " + run.err()),
                () -> assertTrue(run.err().contains(expectedInMessage), "stderr should explain (" + expectedInMessage + "): " + run.err()),
                () -> assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err()));
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws IOException {
        Path f = Files.createFile(dir.resolve("dmesg.txt"));
        assertCleanFailure(CliRun.of("parse", f.toString()), "file is empty");
        assertCleanFailure(CliRun.of("analyze", f.toString()), "file is empty");
    }

    @Test
    void binaryFileIsReportedAsBinary() throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        Path f = Files.write(dir.resolve("kern.log"), bytes);
        assertCleanFailure(CliRun.of("parse", f.toString()), "binary");
        assertCleanFailure(CliRun.of("analyze", f.toString()), "binary");
    }

    @Test
    void tenMegabyteSingleLineIsCutWithAMessage() throws IOException {
        byte[] line = new byte[10 * 1024 * 1024];
        Arrays.fill(line, (byte) 'a');
        byte[] prefix = "[    0.000000] Linux version 6.8.0 ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, line, 0, prefix.length);
        Path f = Files.write(dir.resolve("dmesg"), line);
        CliRun run = CliRun.of("parse", "--stats", f.toString());
        assertCleanFailure(run, "bytes long; only the first part was read");
    }

    @Test
    void invalidUtf8IsReadAsLatin1AndFlagged() throws IOException {
        byte[] text = "[    1.000000] DMAR: IOMMU enabled\n[    1.100000] caf\u00e9 \n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("dmesg"), text);
        CliRun run = CliRun.of("parse", f.toString());
        assertCleanFailure(run, "not valid UTF-8");
        assertTrue(run.out().contains("caf\u00e9"), "the Latin-1 text is kept, not dropped: " + run.out());
    }

    @Test
    void truncatedGzipKeepsWhatWasReadAndSaysSo() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            for (int i = 0; i < 20000; i++) {
                gz.write(String.format("[%5d.000000] pci 0000:00:%02x.0: Adding to iommu group %d%n", i, i % 32, i % 40)
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] whole = buf.toByteArray();
        Path f = Files.write(dir.resolve("kern.log.1.gz"), Arrays.copyOf(whole, whole.length / 2));
        CliRun run = CliRun.of("parse", "--stats", f.toString());
        assertCleanFailure(run, "truncated");
        assertTrue(run.out().contains("IommuGroupAdded"), "events before the cut are kept: " + run.out());
    }

    @Test
    void missingFileIsAClearError() {
        assertCleanFailure(CliRun.of("parse", dir.resolve("nope.log").toString()), "no such file");
        assertCleanFailure(CliRun.of("analyze", dir.resolve("nope.log").toString()), "no such file");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("analyze", "--frobnicate", "x");
        assertEquals(ExitCodes.USAGE, run.exit());
        assertTrue(run.err().contains("Unknown option"), run.err());
    }
}
