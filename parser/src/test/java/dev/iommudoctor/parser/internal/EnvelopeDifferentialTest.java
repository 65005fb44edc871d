package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The grammar is the specification, the scanner the fast implementation: every line of every kernel-log
 * sample, every kernel-log/journal/QEMU line of the corpus (when present) and a list of tricky lines is
 * read by both, and the envelopes (style, monotonic, wall clock, host, level, origin, device, body) must
 * be identical.
 */
class EnvelopeDifferentialTest {

    /** Lines that probe the corners where the two could disagree. */
    private static final List<String> TRICKY = List.of(
            "", " ", "\t", "x", "[", "[]", "[drm]", "[drm] ", "[TTM] Zone", "[Firmware Bug]: x", "[    0.000000]",
            "[    0.000000] ", "[ 1.2]x", "[1.2] [T1]", "[ 1.0] [    T12] DMAR: x", "[ 1.0] [C1]x", "[T1] bare caller id",
            "[0000:01:00.0] x", "[10:00:01] x", "[10de:1b80] x", "[drm:intel_dp_detect [i915]] *ERROR* x",
            "<6>", "<6>x", "<6>[ 1.0] DMAR: x", "<191>[ 1.0] x", "<1234>x", "<30>[    1.000000] systemd[1]: x",
            "kern  :info  : x", "kern  :info  : [ 1.0] DMAR: x", "local7:debug : [ 1.0] x", "kern:bogus: x", "kernel: ",
            "kernel:", "kernel:x", "kernel: [ 1.0] AMD-Vi: Event logged [", "kernel: [ 1.0] [T1] x",
            "6,1,2,-;", "6,1,2,-;DMAR: x", "6,1,2;x", "12,345,678,c,caller=T1;pci 0000:00:02.0: x", " SUBSYSTEM=pci",
            " DEVICE=+pci:0000:01:00.0", " DEVICE=+usb:1-1", " Device=x", "  SUBSYSTEM=pci", " DEVICE=+pci:0000:01:3f.0",
            "-- Boot abc --", "-- Reboot --", "-- x -- y", "-- --", "---", "--",
            "2026-11-25T10:00:01,061644+00:00 DMAR: x", "2026-11-25T10:00:01,061644+00:00", "2026-11-25T10:00:01,061644+00:00x",
            "2026-11-25 10:00:01,061644+00:00: x", "2026-11-25T10:00:01.123456+00:00 host kernel: [ 1.0] DMAR: x",
            "2026-11-25T10:00:01+0000 host kernel: x", "2026-11-25T10:00:01+05 host kernel: x", "2026-11-25T10:00:01Z",
            "2026-11-25T10:00:01.5Z qemu-system-x86_64: -device vfio-pci,host=0000:06:00.0: x",
            "2026-11-25T10:00:01.5Z qemu-system-x86_64: vfio 0000:06:00.0: group 7 is not viable",
            "2026-11-25T10:00:01 char device redirected", "2026-11-25T10:00:01.1Z host prog[12]: x",
            "2022-11-21 19:11:06.123+0000: 1234: info : x", "2022-11-21 19:11:06.123+0000: 1234: bogus : x",
            "2022-11-21 19:11:06.123+0000: 1234: x", "2022-11-21 19:11:06.123+0000: starting up", "2022-11-21 19:11:06.123+0000:x",
            "2022-11-21 19:11:06 x", "Nov  5 10:00:01 pve kernel: [ 1.0] x", "Nov  5 10:00:01 pve kernel:",
            "Nov  5 10:00:01 pve kernel: x", "Nov  5 10:00:01 pve", "Nov  5 10:00:01 pve ", "Nov  5 10:00:01  x",
            "Nov  5 10:00:01 a:b c", "Nov  5 10:00:01 pve prog: x", "Nov  5 10:00:01 pve prog[x]: x",
            "Nov  5 10:00:01 pve (sd-pam)[9]: x", "Nov  5 10:00:01 pve kernel[5]: x", "January 5 10:00:01 pve kernel: x",
            "déc. 02 08:01:02 ordi kernel: x", "Mär 03 09:15:00 host kernel: x", "Nov 25 10:00:01.123456 host kernel: x",
            "[    0.061644] myhost kernel: DMAR: x", "[    0.061644] kernel: x", "[ 1.0] usb 1-1: x", "[ 1.0] pci 0000:00:02.0: x",
            "[ 1.0] systemd[1]: x", "[ 1.0] my[host systemd[1]: x", "[Wed Nov 25 10:00:01 2026] x", "[Thu Nov  5 10:00:01 2026]",
            "[Do Nov  5 10:00:01 2026] [T1] x", "DMAR: x", "DMAR:", "DMAR:x", "x86/fpu: x", "8021q: x", "-device x: y",
            "/usr/bin/qemu-system-x86_64 \\", "LC_ALL=C \\", "pci 0000:00:02.0:", "pci 0000:00:02.0: x", "pci 0000:00:02.0:x",
            "pci 0000:00:3f.0: x", "pci 0000:00:02.01: x", "pci_bus 0000:00: x", "pci_bus 0000:00:", "ixgbe 0000:03:00.0 enp3s0f0: x",
            "ixgbe 0000:03:00.0 (unnamed net_device) (uninitialized): x", "ixgbe 0000:03:00.0 a b c d: x", "ixgbe 0000:03:00.0 a:b: x",
            "ixgbe 0000:03:00.0  a: x", "ixgbe 0000:03:00.0 : x", "systemd[1]: x", "systemd[1]:x", "vfio 0000:01:00.0: x",
            "qemu-system-x86_64: vfio: Cannot reset device 0000:01:00.1, depends on group 13 which is not owned.",
            "qemu-system-x86_64: -device {\"driver\":\"vfio-pci\",\"host\":\"0000:28:00.0\"}: x", "évènement: x", "[é] x");

    private final KernelLogEnvelopeScanner scanner = new KernelLogEnvelopeScanner();
    private final AntlrEnvelopeReader grammar = new AntlrEnvelopeReader();

    @Test
    void scannerAgreesWithTheGrammarOnTrickyLines() {
        assertAgreement(TRICKY);
    }

    @Test
    void scannerAgreesWithTheGrammarOnEverySampleLine() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(KernelLogGoldenTest.samplesDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                lines.addAll(readLines(f));
            }
        }
        assertTrue(lines.size() > 100, "samples not found");
        assertAgreement(lines);
    }

    @Test
    void scannerAgreesWithTheGrammarOnTheCorpus() throws IOException {
        String dir = System.getProperty("corpus.dir");
        Path pub = dir == null ? null : Path.of(dir, "public");
        org.junit.jupiter.api.Assumptions.assumeTrue(pub != null && Files.isDirectory(pub),
                "corpus not found (set -Dcorpus.dir); skipping");
        Set<String> lines = new LinkedHashSet<>();
        try (Stream<Path> files = Stream.concat(Files.list(pub), Files.list(pub.resolveSibling("snippets")))) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith("dmesg-") || n.startsWith("kernlog-") || n.startsWith("other-qemu") || n.startsWith("snippet-")
                        || n.startsWith("other-vfio-hook")) {
                    lines.addAll(readLines(f));
                }
            }
        }
        assertAgreement(new ArrayList<>(lines));
    }

    private static List<String> readLines(Path f) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(f)) {
            LineReader r = new LineReader(in, 1 << 20, new ParseContext(f.toString(), e -> { }));
            String l;
            while ((l = r.next()) != null) {
                lines.add(l);
            }
        }
        return lines;
    }

    private void assertAgreement(List<String> lines) {
        LineEnvelope fast = new LineEnvelope();
        LineEnvelope spec = new LineEnvelope();
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            scanner.scan(line, fast);
            grammar.read(line, spec);
            assertTrue(grammar.errors().isEmpty(), () -> "grammar rejected [" + line + "]: " + grammar.errors());
            String a = fast.describe(line);
            String b = spec.describe(line);
            if (!a.equals(b)) {
                mismatches.add("line    [" + line + "]\nscanner " + a + "\ngrammar " + b);
            }
        }
        assertEquals("", String.join("\n\n", mismatches.subList(0, Math.min(mismatches.size(), 15))),
                mismatches.size() + " of " + lines.size() + " lines differ");
    }
}
