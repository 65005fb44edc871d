package dev.iommudoctor.parser.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles are read as streams in every container format, and hostile members cannot escape. */
class InputWalkerTest {

    @TempDir
    Path dir;

    private static final byte[] DMESG = "[    0.000000] Linux version 6.8.0\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CMDLINE = "BOOT_IMAGE=/vmlinuz intel_iommu=on\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return buf.toByteArray();
    }

    private static byte[] compress(byte[] data, String kind) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream out = switch (kind) {
            case "gz" -> new GZIPOutputStream(buf);
            case "xz" -> new XZCompressorOutputStream(buf);
            case "bz2" -> new BZip2CompressorOutputStream(buf);
            default -> throw new IllegalArgumentException(kind);
        }) {
            out.write(data);
        }
        return buf.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return buf.toByteArray();
    }

    private List<String> walk(Path p, InputWalker walker) throws IOException {
        List<String> seen = new ArrayList<>();
        walker.walk(p, (name, in, before) -> {
            in.readAllBytes();
            seen.add(name);
        });
        return seen;
    }

    private static Map<String, byte[]> sosreport() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("sosreport-host/sos_commands/kernel/dmesg", DMESG);
        m.put("sosreport-host/proc/cmdline", CMDLINE);
        return m;
    }

    @Test
    void everyCompressedTarFormatYieldsTheSameMembers() throws IOException {
        byte[] tar = tar(sosreport());
        for (String kind : List.of("gz", "xz", "bz2")) {
            Path f = Files.write(dir.resolve("bundle.tar." + kind), compress(tar, kind));
            List<String> seen = walk(f, new InputWalker(BundleLimits.DEFAULT));
            assertEquals(List.of(f + "!/sosreport-host/sos_commands/kernel/dmesg", f + "!/sosreport-host/proc/cmdline"), seen, kind);
        }
    }

    @Test
    void zipAndArchiveInsideArchiveAreRead() throws IOException {
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("inner.tgz", compress(tar(sosreport()), "gz"));
        outer.put("notes/kern.log", DMESG);
        Path f = Files.write(dir.resolve("upload.zip"), zip(outer));
        List<String> seen = walk(f, new InputWalker(BundleLimits.DEFAULT));
        assertEquals(3, seen.size(), seen.toString());
        assertTrue(seen.contains(f + "!/inner.tgz!/sosreport-host/proc/cmdline"), seen.toString());
    }

    @Test
    void extensionDoesNotMatterOnlyContent() throws IOException {
        Path f = Files.write(dir.resolve("dmesg.txt"), compress(DMESG, "gz"));
        List<String> seen = walk(f, new InputWalker(BundleLimits.DEFAULT));
        assertEquals(List.of(f.toString()), seen, "a gzip named .txt is still decompressed");
    }

    @Test
    void linksAndDevicesAreSkippedAndReportedAndTraversalNamesStayNames() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf)) {
            TarArchiveEntry link = new TarArchiveEntry("etc/shadow-link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/shadow");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry dev = new TarArchiveEntry("dev/sda", TarArchiveEntry.LF_BLK);
            tar.putArchiveEntry(dev);
            tar.closeArchiveEntry();
            TarArchiveEntry evil = new TarArchiveEntry("../../../tmp/evil");
            evil.setSize(DMESG.length);
            tar.putArchiveEntry(evil);
            tar.write(DMESG);
            tar.closeArchiveEntry();
        }
        Path f = Files.write(dir.resolve("evil.tar"), buf.toByteArray());
        InputWalker walker = new InputWalker(BundleLimits.DEFAULT);
        List<String> seen = walk(f, walker);
        assertEquals(List.of(f + "!/../../../tmp/evil"), seen, "read as a stream under its name; nothing is written anywhere");
        assertFalse(Files.exists(Path.of("/tmp/evil")));
        assertEquals(2, walker.skipped().size(), walker.skipped().toString());
        assertTrue(walker.skipped().get(0).reason().contains("symbolic link"));
    }

    @Test
    void compressionBombStopsAtTheByteBudgetAndIsMarkedPartial() throws IOException {
        byte[] zeros = new byte[32 << 20];
        Path f = Files.write(dir.resolve("bomb.gz"), compress(zeros, "gz"));
        InputWalker walker = new InputWalker(new BundleLimits(100, 1 << 20, 3));
        walk(f, walker);
        assertTrue(walker.truncated());
        assertTrue(walker.totalBytes() <= 1 << 20);
        assertTrue(walker.skipped().get(0).reason().contains("compression bomb"), walker.skipped().toString());
    }

    @Test
    void truncatedArchiveKeepsTheMembersBeforeTheCut() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a/dmesg", DMESG);
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'x');
        files.put("b/big", big);
        byte[] tar = tar(files);
        Path f = Files.write(dir.resolve("cut.tar"), Arrays.copyOf(tar, tar.length / 2));
        InputWalker walker = new InputWalker(BundleLimits.DEFAULT);
        List<String> seen = walk(f, walker);
        assertTrue(walker.truncated(), "a cut archive is marked partial");
        assertTrue(walker.skipped().stream().anyMatch(x -> x.reason().contains("truncated")), walker.skipped().toString());
        assertEquals(f + "!/a/dmesg", seen.get(0));
    }

    @Test
    void tooManyMembersStopsWithAReason() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            files.put("f" + i, DMESG);
        }
        Path f = Files.write(dir.resolve("many.tar"), tar(files));
        InputWalker walker = new InputWalker(new BundleLimits(10, 1 << 30, 3));
        List<String> seen = walk(f, walker);
        assertEquals(10, seen.size());
        assertTrue(walker.truncated());
    }

    @Test
    void ratioGuardStopsABombLongBeforeTheByteBudget() throws IOException {
        Path f = Files.write(dir.resolve("bomb.gz"), compress(new byte[32 << 20], "gz"));
        InputWalker walker = new InputWalker(new BundleLimits(100, 1L << 30, 3, 100, 1 << 20));
        walk(f, walker);
        assertTrue(walker.truncated(), "marked partial");
        assertTrue(walker.totalBytes() < 4 << 20, "stopped soon after the floor: " + walker.totalBytes());
        assertTrue(walker.skipped().get(0).reason().contains("compression ratio above 100:1"), walker.skipped().toString());
    }

    @Test
    void ordinaryLogsAreNotMistakenForBombs() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        while (log.size() < 8 << 20) {
            log.writeBytes(String.format("[%5d.%06d] DMAR: [DMA Read] Request device [%02x:00.0] fault addr 0x%x%n",
                    random.nextInt(99999), random.nextInt(999999), random.nextInt(256), random.nextLong() >>> 20)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Path f = Files.write(dir.resolve("kern.log.gz"), compress(log.toByteArray(), "gz"));
        InputWalker walker = new InputWalker(new BundleLimits(100, 1L << 30, 3, 100, 1 << 20));
        walk(f, walker);
        assertFalse(walker.truncated(), walker.skipped().toString());
        assertEquals(log.size(), walker.totalBytes());
    }

    @Test
    void theUnreadRestOfAMemberCountsAgainstTheBudget() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("zeros.bin", new byte[8 << 20]);
        files.put("dmesg", DMESG);
        Path f = Files.write(dir.resolve("z.tar.gz"), compress(tar(files), "gz"));
        List<String> seen = new ArrayList<>();
        InputVisitor headOnly = (name, in, before) -> {
            in.readNBytes(16); // a parser that gives up on a binary file after its head
            seen.add(name);
        };
        InputWalker counted = new InputWalker(new BundleLimits(100, 1L << 30, 3, Long.MAX_VALUE, Long.MAX_VALUE));
        counted.walk(f, headOnly);
        assertTrue(counted.totalBytes() >= 8 << 20, "the skipped rest was counted: " + counted.totalBytes());
        assertEquals(List.of(f + "!/zeros.bin", f + "!/dmesg"), seen);
        InputWalker small = new InputWalker(new BundleLimits(100, 1 << 20, 3, Long.MAX_VALUE, Long.MAX_VALUE));
        small.walk(f, headOnly);
        assertTrue(small.truncated(), "a 1 MiB budget stops inside the 8 MiB member even though it was barely read");
    }
}
