package dev.iommudoctor.parser.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Seed inputs of the fuzz targets: the sample inputs under {@code samples/parser/}, the public corpus
 * when {@code corpus.dir} exists, and small archives built from samples at test time. Nothing is
 * copied into the repository: in fuzzing mode ({@code JAZZER_FUZZ=1}) the seeds are written into
 * Jazzer's generated corpus directory under {@code target/}; otherwise they are replayed directly.
 */
final class FuzzSeeds {

    /** Seeds larger than this are cut for fuzzing: libFuzzer mutates small inputs far faster. */
    private static final int MAX_FUZZ_SEED_BYTES = 4 << 10;
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(30);

    private FuzzSeeds() {
    }

    static Path samples() {
        return Path.of(System.getProperty("samples.dir", "../samples"));
    }

    /** Inputs (not goldens, not READMEs) of the given sample families; all families when none is given. */
    static Map<String, byte[]> sampleInputs(String... families) {
        Path root = samples().resolve("parser");
        List<Path> dirs = families.length == 0 ? List.of(root) : Arrays.stream(families).map(root::resolve).toList();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).filter(FuzzSeeds::isSampleInput).sorted()
                        .forEach(p -> seeds.put("samples/" + root.relativize(p), read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static boolean isSampleInput(Path p) {
        String n = p.getFileName().toString();
        return !n.endsWith(".events.txt") && !n.endsWith(".envelope.txt") && !n.endsWith(".md");
    }

    /** Public corpus files whose name passes {@code filter}; empty (with a note) without the corpus. */
    static Map<String, byte[]> corpusFiles(Predicate<String> filter) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        Path dir = Path.of(System.getProperty("corpus.dir", "../../shared/corpus")).resolve("public");
        if (!Files.isDirectory(dir)) {
            System.out.println("fuzz seeds: no public corpus at " + dir + "; seeding from samples only");
            return seeds;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("MANIFEST.tsv"))
                    .filter(p -> filter.test(p.getFileName().toString())).sorted()
                    .forEach(p -> seeds.put("corpus/" + p.getFileName(), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }

    /** Archives in every format the bundle reader knows, holding a few samples (and one archive in another). */
    static Map<String, byte[]> archives() {
        Map<String, byte[]> members = new LinkedHashMap<>();
        sampleInputs("kernel-messages").entrySet().stream().limit(2).forEach(e -> members.put("var/log/" + name(e.getKey()), e.getValue()));
        sampleInputs("lspci").entrySet().stream().limit(1).forEach(e -> members.put("sos_commands/pci/lspci_-nnvv", e.getValue()));
        sampleInputs("cmdline").entrySet().stream().limit(1).forEach(e -> members.put("proc/cmdline", e.getValue()));
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        byte[] tar = tar(members);
        seeds.put("archive/bundle.tar", tar);
        seeds.put("archive/bundle.tar.gz", gzip(tar));
        seeds.put("archive/bundle.tar.xz", xz(tar));
        seeds.put("archive/bundle.tar.bz2", bzip2(tar));
        seeds.put("archive/bundle.zip", zip(members));
        seeds.put("archive/nested.zip", zip(Map.of("inner/bundle.tar.gz", gzip(tar))));
        members.values().stream().findFirst().ifPresent(log -> seeds.put("archive/kern.log.1.gz", gzip(log)));
        return seeds;
    }

    @SafeVarargs
    static Map<String, byte[]> union(Map<String, byte[]>... parts) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        for (Map<String, byte[]> p : parts) {
            all.putAll(p);
        }
        return all;
    }

    /**
     * Writes the seeds into the generated corpus directory Jazzer fuzzes from
     * ({@code <jazzer.internal.basedir>/.cifuzz-corpus/<class>/<method>}; the fuzz profile points the
     * base directory into {@code target/}). Does nothing unless fuzzing.
     */
    static void installForFuzzing(Class<?> test, String method, Map<String, byte[]> seeds) {
        if (System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isEmpty()) {
            return;
        }
        Path dir = Path.of(System.getProperty("jazzer.internal.basedir", ""))
                .resolve(".cifuzz-corpus").resolve(test.getName()).resolve(method);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
                byte[] b = e.getValue();
                byte[] cut = b.length > MAX_FUZZ_SEED_BYTES && !e.getKey().startsWith("archive/")
                        ? Arrays.copyOf(b, MAX_FUZZ_SEED_BYTES) : b;
                Files.write(dir.resolve("seed-" + e.getKey().replaceAll("[^A-Za-z0-9._-]", "_")), cut);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("fuzz seeds: " + seeds.size() + " written to " + dir.toAbsolutePath());
    }

    /** One dynamic test per seed, each bounded in time (a hang is a failure, not a stuck build). */
    static Stream<DynamicTest> replay(Map<String, byte[]> seeds, ThrowingConsumer<byte[]> target) {
        return seeds.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertTimeoutPreemptively(REPLAY_TIMEOUT, () -> {
                    try {
                        target.accept(e.getValue());
                    } catch (Throwable t) {
                        throw new AssertionError(t);
                    }
                })));
    }

    private static String name(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tar(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(m.getKey());
                entry.setSize(m.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(m.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey()));
                zip.write(m.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] b) {
        return compress(b, GZIPOutputStream::new);
    }

    private static byte[] xz(byte[] b) {
        return compress(b, out -> new XZOutputStream(out, new LZMA2Options()));
    }

    private static byte[] bzip2(byte[] b) {
        return compress(b, BZip2CompressorOutputStream::new);
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] b, Compressor c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream o = c.wrap(out)) {
            o.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
