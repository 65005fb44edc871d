package dev.iommudoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text, generated here: broken encodings and line endings, a 100 MB line, 10 million lines
 * (in a child JVM capped at 256 MB of heap), terminal escape sequences and markup in log lines,
 * host names and device names. Everything is read or cleanly refused; nothing reaches a terminal or
 * a report raw.
 */
class HostileTextTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String ESC = "\u001b";
    /** Terminal attacks: clear screen, set window title (OSC ... BEL), 8-bit CSI, backspaces over text, RTL override. */
    private static final String ANSI = ESC + "[2J" + ESC + "]0;pwned\u0007" + "\u009b31m" + "ok\b\b\b" + "\u202e";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";

    @TempDir
    Path dir;

    private static Path sample(String relative) {
        return Path.of(System.getProperty("samples.dir", "../samples"), relative);
    }

    private static final String CASE = "rules/VFIO-GROUP-NOT-VIABLE/fires-when-gpu-audio-function-stays-on-snd-hda-intel/";

    // ---- encodings and line endings ----------------------------------------------------------

    @Test
    void invalidUtf8NulBytesAndEveryLineEndingAreReadNotFatal() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("[    0.000000] Linux version 6.8.0-49-generic (buildd@x) #49-Ubuntu SMP\n".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes("[    0.100000] DMAR: IOMMU enabled\r".getBytes(StandardCharsets.US_ASCII));                   // CR only
        b.writeBytes("[    0.200000] pci 0000:00:02.0: Adding to iommu group 0\r\n".getBytes(StandardCharsets.US_ASCII)); // CRLF
        b.writeBytes(new byte[] {'[', ' ', ' ', ' ', ' ', '0', '.', '3', '0', '0', '0', '0', '0', ']', ' ', (byte) 0xc3, 0x28,
                (byte) 0xff, (byte) 0xfe, 0, 0, 'x', 0, '\n'});                                                     // bad UTF-8, NULs
        b.writeBytes("[    0.400000] pci 0000:01:00.0: Adding to iommu group 1\n\r\n\r".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes("[    0.500000] pci 0000:01:00.1: Adding to iommu group 1".getBytes(StandardCharsets.US_ASCII)); // no final EOL
        Path f = Files.write(dir.resolve("dmesg"), b.toByteArray());
        CliRun stats = CliRun.of("parse", "--stats", f.toString());
        assertClean(stats);
        assertTrue(stats.err().contains("not valid UTF-8"), "flagged: " + stats.err());
        CliRun events = CliRun.of("parse", f.toString());
        assertClean(events);
        assertEquals(3, events.out().lines().filter(l -> l.contains("\"IommuGroupAdded\"")).count(),
                "groups on CRLF, LF-CR and unterminated lines: " + events.out());
        assertTrue(events.out().contains("\"span\":\"" + f + ":2\""), "the CR-only line counts as line 2: " + events.out());
        CliRun analyze = CliRun.of("analyze", f.toString());
        assertClean(analyze);
        assertTrue(analyze.exit() <= 1, analyze.err());
    }

    // ---- size ---------------------------------------------------------------------------------

    @Test
    void aHundredMegabyteLineIsCutAndTheLinesAfterItAreStillRead() throws Exception {
        Path f = dir.resolve("dmesg");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
            out.write("[    0.000000] Linux version 6.8.0 ".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'A');
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
            out.write("\n[    1.000000] pci 0000:00:02.0: Adding to iommu group 7\n".getBytes(StandardCharsets.US_ASCII));
        }
        ChildRun run = child("parse", "--stats", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.err());
        assertTrue(run.err().contains("only the first part was read"), run.err());
        assertTrue(run.out().contains("IommuGroupAdded"), "the line after the long one is parsed: " + run.out());
        ChildRun analyze = child("analyze", "--format", "json", f.toString());
        assertTrue(analyze.exit() <= 1, analyze.err());
        JsonNode input = new ObjectMapper().readTree(analyze.out()).path("inputs").get(0);
        assertTrue(input.path("diagnostics").asLong() >= 1, "the cut is counted as a diagnostic: " + input);
        assertEquals(2, input.path("lines").asLong(), "the line after the long one is read: " + input);
    }

    @Test
    void tenMillionShortLinesStayWithin256MegabytesOfHeap() throws Exception {
        Path f = dir.resolve("kern.log");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
            out.write("[    0.000000] Linux version 6.8.0-49-generic (buildd@x) #49-Ubuntu SMP\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 10_000_000; i++) {
                // mostly noise; every 1000th line a DMAR fault, which the model aggregates
                String line = i % 1000 == 0
                        ? String.format("[%5d.%06d] DMAR: [DMA Read NO_PASID] Request device [01:00.0] fault addr 0x%x [fault reason 0x06] PTE Read access is not set%n",
                                i / 1000, i % 1000000, i * 4096L)
                        : noise(i);
                out.write(line.getBytes(StandardCharsets.US_ASCII));
            }
        }
        ChildRun stats = child("parse", "--stats", f.toString());
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("10000001"), "every line counted: " + stats.out());
        ChildRun analyze = child("analyze", "--format", "json", f.toString());
        assertTrue(analyze.exit() <= 1, analyze.err());
        assertTrue(analyze.out().contains("DMA-FAULTS") || analyze.out().contains("DMAR"), "faults found");
    }

    /** {@code [   12.345000] usb 1-1: x 57}: a kernel-log line no rule cares about. */
    private static String noise(int i) {
        String secs = Integer.toString(i / 1000);
        return "[" + " ".repeat(Math.max(0, 5 - secs.length())) + secs + "."
                + Integer.toString(1_000_000 + (i % 1000) * 1000).substring(1) + "] usb 1-1: x " + (i & 0xff) + "\n";
    }

    // ---- terminal control codes ---------------------------------------------------------------

    @Test
    void escapeSequencesNeverReachTheTerminal() throws IOException {
        Path caseDir = Files.createDirectories(dir.resolve("host"));
        for (String name : List.of("cmdline", "iommu-groups.txt", "modprobe-vfio.conf", "qemu-win11.log")) {
            Files.copy(sample(CASE + name), caseDir.resolve(name));
        }
        Files.writeString(caseDir.resolve("dmesg.txt"), poison(Files.readString(sample(CASE + "dmesg.txt")), ANSI));
        Files.writeString(caseDir.resolve("lspci-nnvvv.txt"), poisonLspci(ANSI));
        List<CliRun> runs = new ArrayList<>();
        runs.add(CliRun.of("analyze", caseDir.toString()));
        runs.add(CliRun.of("analyze", "--format", "markdown", caseDir.toString()));
        runs.add(CliRun.of("analyze", "--device", "0000:01:00.0", caseDir.toString()));
        runs.add(CliRun.of("parse", "--stats", caseDir.resolve("dmesg.txt").toString()));
        runs.add(CliRun.of("parse", caseDir.resolve("dmesg.txt").toString()));
        // error messages quote file names: a name carrying escapes, missing, empty and binary
        runs.add(CliRun.of("analyze", dir.resolve("missing" + ANSI + ".log").toString()));
        runs.add(CliRun.of("parse", dir.resolve("missing" + ANSI + ".log").toString()));
        Path empty = Files.createFile(dir.resolve("empty" + ESC + "[31m.log"));
        runs.add(CliRun.of("analyze", empty.toString()));
        runs.add(CliRun.of("parse", "--stats", empty.toString()));
        Path binary = Files.write(dir.resolve("bin" + ESC + "]0;t\u0007.log"), new byte[] {0, 1, 2, 3, 27, '[', '2', 'J', 0, 0, 0});
        runs.add(CliRun.of("analyze", binary.toString()));
        runs.add(CliRun.of("parse", binary.toString()));
        for (CliRun run : runs) {
            assertClean(run);
            for (String out : List.of(run.out(), run.err())) {
                assertFalse(out.contains(ESC) || out.contains("\u009b") || out.contains("\u0007") || out.contains("\b")
                                || out.contains("\u202e"),
                        "raw control character in output: " + out.replace(ESC, "<ESC>"));
            }
        }
        assertTrue(runs.get(0).out().contains("\uFFFD[2J"), "the sequence is shown, neutralised: " + runs.get(0).out());
    }

    // ---- markup in reports --------------------------------------------------------------------

    @Test
    void markupInLogLinesHostAndDeviceNamesIsInertInEveryReportFormat() throws IOException {
        Path caseDir = Files.createDirectories(dir.resolve("host"));
        for (String name : List.of("cmdline", "iommu-groups.txt", "modprobe-vfio.conf", "qemu-win11.log")) {
            Files.copy(sample(CASE + name), caseDir.resolve(name));
        }
        Files.writeString(caseDir.resolve("dmesg.txt"), poison(Files.readString(sample(CASE + "dmesg.txt")), SCRIPT + IMG));
        Files.writeString(caseDir.resolve("lspci-nnvvv.txt"), poisonLspci(SCRIPT));
        Files.writeString(caseDir.resolve("hostname"), "<svg onload=alert(3)>\n");
        CliRun html = CliRun.of("analyze", "--format", "html", caseDir.toString());
        assertClean(html);
        assertFalse(html.out().contains(SCRIPT) || html.out().contains("<img") || html.out().contains("<svg"), "raw markup in HTML");
        assertTrue(html.out().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        CliRun md = CliRun.of("analyze", "--format", "markdown", caseDir.toString());
        assertClean(md);
        // evidence sits in fenced code blocks, where Markdown shows markup as text; outside them it is escaped
        String outsideFences = md.out().replaceAll("(?s)```\n.*?\n```", "");
        assertTrue(md.out().contains("```"), "evidence is fenced");
        assertFalse(outsideFences.contains("<script") || outsideFences.contains("<img") || outsideFences.contains("<svg"),
                "raw markup in Markdown outside code blocks: " + outsideFences);
        CliRun text = CliRun.of("analyze", caseDir.toString());
        assertClean(text);
        assertTrue(text.out().contains(SCRIPT), "plain text keeps the text as it was (a terminal does not run markup)");
    }

    /** Every evidence-worthy line gets the payload appended; line numbers stay as they were. */
    private static String poison(String log, String payload) {
        StringBuilder b = new StringBuilder();
        for (String line : log.split("\n", -1)) {
            if (line.contains("vfio") || line.contains("iommu") || line.contains("DMAR") || line.contains("Linux version")) {
                line = line + " " + payload;
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** The sample lspci with the payload in every device name. */
    private static String poisonLspci(String payload) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readString(sample(CASE + "lspci-nnvvv.txt")).split("\n", -1)) {
            int bracket = line.lastIndexOf(" [");
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.contains("]: ") && bracket > 0) {
                int colon = line.indexOf("]: ") + 3;
                line = line.substring(0, colon) + payload + " " + line.substring(colon);
            } else if (line.startsWith("\tSubsystem: ") || line.startsWith("\tKernel driver in use: ")) {
                line = line + payload;
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static void assertClean(CliRun run) {
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        assertTrue(run.exit() != ExitCodes.USAGE && run.exit() >= 0 && run.exit() <= 3, "exit " + run.exit() + ": " + run.err());
    }

    // ---- child JVM with a capped heap ---------------------------------------------------------

    record ChildRun(int exit, String out, String err) {
    }

    /** Runs the CLI in a JVM with {@code -Xmx256m}: an unbounded reader fails here with OutOfMemoryError. */
    private ChildRun child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            boolean done = assertTimeoutPreemptively(HANG_GUARD.multipliedBy(2), () -> p.waitFor(2, TimeUnit.MINUTES));
            assertTrue(done, "child finished");
        } finally {
            p.destroyForcibly();
        }
        ChildRun run = new ChildRun(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
        assertFalse(run.err().contains("OutOfMemoryError"), "heap stayed within 256 MB: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        return run;
    }
}
