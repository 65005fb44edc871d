package dev.iommudoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.DiagnosticsServer;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile bundles, each generated here (nothing binary is committed), pushed through {@code analyze}
 * (in-process) and through the upload API of the server. Each must end in a clear error or a result
 * marked partial that says what was skipped and why, create nothing outside its data directory, and
 * finish (the 60 s guards are hang detectors, not speed targets).
 */
class HostileArchiveTest {

    /** Generous: the million-file upload alone takes 30 s on a loaded 2-core machine. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Marks every file name an archive tries to write, so a leak anywhere is recognisable. */
    private static final String NONCE = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    private static final byte[] LOG = kernelLog();

    @TempDir
    static Path sandbox;

    /** A hostile bundle and what a correct reading of it says. */
    record Case(String name, String fileName, Generator generator, Expect expect, String reason) {
    }

    /** What must come out: a partial result naming the reason, a complete result with skipped members, or exit 3. */
    enum Expect { PARTIAL, SKIPPED, UNUSABLE }

    @FunctionalInterface
    interface Generator {
        void write(Path target) throws IOException;
    }

    private static List<Case> cases() {
        String up = "../".repeat(12);
        return List.of(
                new Case("tar.gz with ../ and absolute member names", "traversal.tar.gz",
                        p -> gzip(p, tar(List.of(file(up + "tmp/" + NONCE + "-dotdot.txt", LOG),
                                file("/tmp/" + NONCE + "-absolute.txt", LOG), file("ok/dmesg.txt", LOG)))),
                        Expect.SKIPPED, null),
                new Case("zip with ../ and absolute member names", "traversal.zip",
                        p -> Files.write(p, zip(List.of(file(up + "tmp/" + NONCE + "-dotdot.txt", LOG),
                                file("/tmp/" + NONCE + "-absolute.txt", LOG), file("..\\..\\" + NONCE + "-win.txt", LOG)))),
                        Expect.SKIPPED, null),
                new Case("tar with symlinks, hard links, devices and a FIFO", "links.tar",
                        p -> Files.write(p, tar(List.of(
                                link("etc-passwd", "/etc/passwd", TarConstants.LF_SYMLINK),
                                link("up", up + "tmp/" + NONCE + "-link", TarConstants.LF_SYMLINK),
                                link("shadow", "/etc/shadow", TarConstants.LF_LINK),
                                link("sda", null, TarConstants.LF_BLK),
                                link("ttyS0", null, TarConstants.LF_CHR),
                                link("fifo", null, TarConstants.LF_FIFO),
                                file("dmesg.txt", LOG)))),
                        Expect.SKIPPED, "symbolic link to /etc/passwd"),
                new Case("zip with a unix symlink to /etc/passwd", "symlink.zip", HostileArchiveTest::zipWithSymlink,
                        Expect.SKIPPED, null),
                new Case("gzip bomb (1 GiB of a log line in 1 MiB)", "bomb.tar.gz", HostileArchiveTest::gzipBomb,
                        Expect.PARTIAL, "compression ratio"),
                new Case("bzip2 bomb", "kern.log.bz2", HostileArchiveTest::bzip2Bomb, Expect.PARTIAL, "compression ratio"),
                new Case("xz bomb", "kern.log.xz", HostileArchiveTest::xzBomb, Expect.PARTIAL, "compression ratio"),
                new Case("zip bomb (256 MiB deflated member)", "bomb.zip", HostileArchiveTest::zipBomb,
                        Expect.PARTIAL, "compression ratio"),
                new Case("tar.gz of zeros read only for its head (skip must not decompress unbounded)", "zeros.tar.gz",
                        HostileArchiveTest::zeroMembers, Expect.PARTIAL, "compression ratio"),
                new Case("a million tiny files", "million.tar.gz", HostileArchiveTest::millionFiles,
                        Expect.PARTIAL, "files; the rest was not read"),
                new Case("2000-deep directories in a tar", "deep.tar.gz",
                        p -> gzip(p, tar(List.of(file("d/".repeat(2000) + "dmesg.txt", LOG)))), Expect.SKIPPED, null),
                new Case("archives nested 6 deep", "nested.zip", HostileArchiveTest::nested,
                        Expect.SKIPPED, "archive nested deeper than"),
                new Case("truncated tar.gz", "cut.tar.gz", HostileArchiveTest::truncated, Expect.PARTIAL, "truncated"),
                new Case("corrupt zip (garbage after the local header)", "corrupt.zip", HostileArchiveTest::corruptZip,
                        Expect.UNUSABLE, null),
                new Case("a zip named .tar.gz", "misnamed.tar.gz",
                        p -> Files.write(p, zip(List.of(file("dmesg.txt", LOG)))), Expect.SKIPPED, null),
                new Case("a gzip named .txt", "notes.txt", p -> gzip(p, LOG), Expect.SKIPPED, null));
    }

    @TestFactory
    Stream<DynamicTest> throughTheCli() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path bundle = generated(c);
            Set<String> before = snapshot();
            CliRun run = assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.of("analyze", "--format", "json", bundle.toString()));
            assertEquals(before, snapshot(), "nothing created or removed outside the data directory");
            assertNoLeak();
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
            assertFalse(run.out().contains("\u001b") || run.err().contains("\u001b"), "no raw escape byte");
            assertTrue(run.err().lines().count() < 100, "stderr stays short: " + run.err().lines().count() + " lines");
            if (c.expect() == Expect.UNUSABLE) {
                assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.err());
                assertFalse(run.err().isBlank(), "says why");
                return;
            }
            assertTrue(run.exit() == 0 || run.exit() == 1, "analysis ran; exit " + run.exit() + " " + run.err());
            check(c, JSON.readTree(run.out()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> throughTheUploadApi() throws Exception {
        Path data = Files.createDirectories(sandbox.resolve("server/data"));
        IncidentStore store = IncidentStore.open(data, Analyzer.withDefaults(), "test", Json.mapper());
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                byte[] body = multipart(c.fileName(), Files.readAllBytes(generated(c)));
                Set<String> before = snapshot();
                Set<String> dataBefore = tree(data);
                var app = DiagnosticsServer.create(Services.of(store, AccessTokens.none(),
                        new ServerConfig("127.0.0.1", 0, 512L << 20)));
                JavalinTest.test(app, (server, client) -> {
                    Response r = assertTimeoutPreemptively(HANG_GUARD, () -> client.request("/api/incidents", b -> b
                            .post(HttpRequest.BodyPublishers.ofByteArray(body))
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)));
                    String text = r.body().string();
                    assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace: " + text);
                    if (c.expect() == Expect.UNUSABLE) {
                        // stored and analysed: the analysis says the input was unusable
                        assertTrue(r.code() == 201 || r.code() == 400, r.code() + " " + text);
                    } else {
                        assertEquals(201, r.code(), text);
                        check(c, JSON.readTree(text).get("analysis"));
                    }
                    assertEquals(200, client.get("/api/search?q=iommu").code(), "server still answers");
                });
                assertEquals(before, snapshot(), "nothing outside the data directory");
                assertNoLeak();
                for (String created : tree(data)) {
                    if (!dataBefore.contains(created)) {
                        assertFalse(created.contains(NONCE) || created.contains(".."), "member names never become paths: " + created);
                    }
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("close store", store::close));
        return tests.stream();
    }

    /** Each case is generated once, outside the tree the snapshots watch, and shared by both paths. */
    private static synchronized Path generated(Case c) throws IOException {
        Path gen = Files.createDirectories(sandbox.resolve("gen/a/b/c/d/e/f/g/h/i/j/k/l"));
        Path bundle = gen.resolve(c.fileName());
        if (!Files.exists(bundle)) {
            c.generator().write(bundle);
        }
        return bundle;
    }

    private static void check(Case c, JsonNode doc) {
        assertFalse(doc.toString().contains("root:x:0:0"), "no link was followed to /etc/passwd");
        boolean read = false;
        for (JsonNode i : doc.path("inputs")) {
            read |= i.path("events").asLong() > 0;
        }
        assertTrue(read, c.name() + ": the readable part was analysed");
        List<String> reasons = new ArrayList<>();
        doc.path("skipped").forEach(s -> reasons.add(s.path("name").asText() + ": " + s.path("reason").asText()));
        doc.path("inputs").forEach(i -> {
            if (!i.path("problem").asText().isEmpty()) {
                reasons.add(i.path("source").asText() + ": " + i.path("problem").asText());
            }
        });
        String all = String.join("\n", reasons);
        if (c.expect() == Expect.PARTIAL) {
            assertTrue(doc.path("partial").asBoolean(), c.name() + ": marked partial: " + all);
        }
        if (c.reason() != null) {
            assertTrue(all.contains(c.reason()), "reason '" + c.reason() + "' reported: " + all);
        }
        assertTrue(doc.path("inputs").size() <= 200_001, "bounded input list");
    }

    // ---- no writes outside the data directory -------------------------------------------------

    /** The temp root's top level, minus what other processes on this machine create concurrently. */
    private static Set<String> snapshot() throws IOException {
        Set<String> names = new TreeSet<>(tree(sandbox));
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.contains(NONCE)).forEach(n -> names.add("tmp:" + n));
        }
        try (Stream<Path> s = Files.list(Path.of("").toAbsolutePath())) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.contains(NONCE)).forEach(n -> names.add("cwd:" + n));
        }
        return names;
    }

    private static Set<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.startsWith(sandbox.resolve("gen")) && !p.startsWith(sandbox.resolve("server/data")))
                    .map(p -> root.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void assertNoLeak() {
        for (String p : List.of("/tmp/" + NONCE + "-dotdot.txt", "/tmp/" + NONCE + "-absolute.txt", "/tmp/" + NONCE + "-link",
                "/" + NONCE + "-win.txt")) {
            assertFalse(Files.exists(Path.of(p)), "written outside: " + p);
        }
    }

    // ---- generators ---------------------------------------------------------------------------

    private record Member(String name, byte[] content, String linkTarget, byte type) {
    }

    private static Member file(String name, byte[] content) {
        return new Member(name, content, null, TarConstants.LF_NORMAL);
    }

    private static Member link(String name, String target, byte type) {
        return new Member(name, new byte[0], target, type);
    }

    private static byte[] tar(List<Member> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Member m : members) {
                TarArchiveEntry e = new TarArchiveEntry(m.name(), m.type(), true);
                if (m.linkTarget() != null) {
                    e.setLinkName(m.linkTarget());
                }
                if (m.type() == TarConstants.LF_NORMAL) {
                    e.setSize(m.content().length);
                }
                tar.putArchiveEntry(e);
                if (m.type() == TarConstants.LF_NORMAL) {
                    tar.write(m.content());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(List<Member> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Member m : members) {
                zip.putArchiveEntry(new ZipArchiveEntry(m.name()));
                zip.write(m.content());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void gzip(Path target, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(content);
        }
    }

    private static void zipWithSymlink(Path target) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target)) {
            ZipArchiveEntry e = new ZipArchiveEntry("passwd");
            e.setUnixMode(0120777);
            zip.putArchiveEntry(e);
            zip.write("/etc/passwd".getBytes(StandardCharsets.US_ASCII));
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new ZipArchiveEntry("dmesg.txt"));
            zip.write(LOG);
            zip.closeArchiveEntry();
        }
    }

    /** 16 MiB of one log line, to be repeated: the bombs' payload. */
    private static byte[] bombChunk() {
        byte[] line = "[    1.000000] DMAR: DRHD: handling fault status reg 2\n".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[16 << 20];
        for (int i = 0; i + line.length <= chunk.length; i += line.length) {
            System.arraycopy(line, 0, chunk, i, line.length);
        }
        return chunk;
    }

    /**
     * A tar of one 1 GiB member, gzipped: one 16 MiB deflate of the payload, then the same gzip
     * member repeated (gzip allows concatenated members), so generating it costs one compression.
     */
    private static void gzipBomb(Path target) throws IOException {
        tarGzOfRepeats(target, 1, 64, bombChunk());
    }

    /**
     * A real kernel log, then {@code members} tar members, each {@code chunksPerMember} copies of
     * {@code chunk}, as concatenated gzip members.
     */
    private static void tarGzOfRepeats(Path target, int members, int chunksPerMember, byte[] chunk) throws IOException {
        byte[] compressed = gz(chunk);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(gz(tarMember("var/log/dmesg", LOG)));
            for (int m = 0; m < members; m++) {
                TarArchiveEntry e = new TarArchiveEntry("var/log/member-" + m + ".log");
                e.setSize((long) chunksPerMember * chunk.length);
                byte[] header = new byte[512];
                e.writeEntryHeader(header);
                out.write(gz(header));
                for (int i = 0; i < chunksPerMember; i++) {
                    out.write(compressed);
                }
            }
            out.write(gz(new byte[1024]));
        }
    }

    /** One tar member (header and padded content) without the end-of-archive blocks. */
    private static byte[] tarMember(String name, byte[] content) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        byte[] header = new byte[512];
        e.writeEntryHeader(header);
        byte[] member = Arrays.copyOf(header, 512 + (content.length + 511) / 512 * 512);
        System.arraycopy(content, 0, member, 512, content.length);
        return member;
    }

    private static byte[] gz(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    /** 4 MiB compressed once, the bzip2 stream concatenated 32 times (bzip2 allows it): 128 MiB. */
    private static void bzip2Bomb(Path target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(bombChunk(), 0, 4 << 20);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < 32; i++) {
                out.write(bytes.toByteArray());
            }
        }
    }

    private static void xzBomb(Path target) throws IOException {
        byte[] chunk = bombChunk();
        try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(target), 1)) {
            for (int i = 0; i < 8; i++) {
                out.write(chunk);
            }
        }
    }

    private static void zipBomb(Path target) throws IOException {
        byte[] chunk = bombChunk();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("kern.log"));
            for (int i = 0; i < 16; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
    }

    /**
     * Members of zeros: the parser sees a binary file and stops after its head, so only the
     * archive's skip over the rest would decompress them. 64 members of 64 MiB = 4 GiB.
     */
    private static void zeroMembers(Path target) throws IOException {
        tarGzOfRepeats(target, 64, 4, new byte[16 << 20]);
    }

    private static void millionFiles(Path target) throws IOException {
        byte[] one = {'\n'};
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(target), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        })) {
            TarArchiveEntry log = new TarArchiveEntry("dmesg.txt");
            log.setSize(LOG.length);
            tar.putArchiveEntry(log);
            tar.write(LOG);
            tar.closeArchiveEntry();
            for (int i = 0; i < 1_000_000; i++) {
                TarArchiveEntry e = new TarArchiveEntry("f/" + i);
                e.setSize(1);
                tar.putArchiveEntry(e);
                tar.write(one);
                tar.closeArchiveEntry();
            }
        }
    }

    private static void nested(Path target) throws IOException {
        byte[] inner = zip(List.of(file("dmesg.txt", LOG)));
        for (int depth = 0; depth < 6; depth++) {
            inner = depth % 2 == 0 ? gz(tar(List.of(file("level" + depth + ".tar.gz", inner))))
                    : zip(List.of(file("level" + depth + ".zip", inner)));
        }
        Files.write(target, zip(List.of(file("dmesg.txt", LOG), file("nested.zip", inner))));
    }

    private static void truncated(Path target) throws IOException {
        List<Member> members = new ArrayList<>();
        members.add(file("dmesg.txt", LOG));
        byte[] noise = new byte[4 << 20];
        new java.util.Random(1).nextBytes(noise);
        members.add(file("noise.bin", noise));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(tar(members));
        }
        byte[] whole = bytes.toByteArray();
        Files.write(target, Arrays.copyOf(whole, whole.length / 2));
    }

    private static void corruptZip(Path target) throws IOException {
        byte[] z = zip(List.of(file("dmesg.txt", LOG)));
        for (int i = 40; i < z.length; i++) {
            z[i] = (byte) (i * 31);
        }
        Files.write(target, z);
    }

    private static final String BOUNDARY = "----hostile-boundary-" + NONCE;

    private static byte[] multipart(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] kernelLog() {
        Path sample = Path.of(System.getProperty("samples.dir", "../samples"),
                "rules/RMRR-BAD-FIRMWARE/fires-when-bios-reports-bad-rmrr/dmesg.txt");
        try {
            return Files.readAllBytes(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
