package dev.iommudoctor.parser.input;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Expands what a user points {@code analyze} at (files, directories, sosreport trees, {@code .tar.gz},
 * {@code .tgz}, {@code .tar.xz}, {@code .tar.bz2}, {@code .zip}, and archives inside archives) into
 * a sequence of named streams. Archives are read as streams and never extracted, so hostile member
 * names ({@code ../../etc/passwd}, absolute paths) cannot write anywhere; links and device nodes are
 * skipped and reported. Formats are recognised by magic bytes, not by extension.
 */
public final class InputWalker {

    private final BundleLimits limits;
    private final List<SkippedInput> skipped = new ArrayList<>();
    private long totalBytes;
    /** Bytes read from the files and streams given to {@code walk}, before any decompression. */
    private long rawBytes;
    private int entries;
    private boolean truncated;

    public InputWalker(BundleLimits limits) {
        this.limits = limits;
    }

    /** Members not read, with the reason. */
    public List<SkippedInput> skipped() {
        return skipped;
    }

    /** True when a limit stopped the walk early: the analysis is partial. */
    public boolean truncated() {
        return truncated;
    }

    /** Decompressed bytes handed to the visitor so far. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Walks a file or directory. Unreadable members are skipped and reported, never fatal. */
    public void walk(Path path, InputVisitor visitor) throws IOException {
        if (Files.isDirectory(path)) {
            walkDirectory(path, visitor);
        } else {
            try (InputStream in = new RawCounting(Files.newInputStream(path))) {
                walkStream(path.toString(), in, visitor, 1);
            }
        }
    }

    /** Walks one stream (an upload, say) named {@code name}. The caller closes {@code in}. */
    public void walk(String name, InputStream in, InputVisitor visitor) throws IOException {
        walkStream(name, new RawCounting(in), visitor, 1);
    }

    private void walkDirectory(Path root, InputVisitor visitor) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            // Sorted so that reports and goldens do not depend on directory order.
            files = s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            if (stop(file.toString())) {
                return;
            }
            if (Files.isSymbolicLink(file)) {
                skipped.add(new SkippedInput(file.toString(), "symbolic link (not followed)"));
                continue;
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(new SkippedInput(file.toString(), "not a regular file"));
                continue;
            }
            try (InputStream in = new RawCounting(Files.newInputStream(file))) {
                walkStream(file.toString(), in, visitor, 1);
            } catch (java.nio.file.AccessDeniedException e) {
                skipped.add(new SkippedInput(file.toString(), "permission denied"));
            }
        }
    }

    private boolean stop(String name) {
        if (truncated) {
            return true;
        }
        if (++entries > limits.maxEntries()) {
            truncated = true;
            skipped.add(new SkippedInput(name, "more than " + limits.maxEntries() + " files; the rest was not read"));
            return true;
        }
        return false;
    }

    private void walkStream(String name, InputStream raw, InputVisitor visitor, int depth) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        ArchiveKind kind = ArchiveKind.sniff(peek(in, 512));
        if (kind.isArchive() || kind.isCompressed()) {
            if (depth > limits.maxDepth()) {
                skipped.add(new SkippedInput(name, "archive nested deeper than " + limits.maxDepth() + " levels"));
                return;
            }
        }
        switch (kind) {
            case GZIP, XZ, BZIP2 -> {
                InputStream decompressed;
                byte[] head;
                try {
                    decompressed = new BufferedInputStream(decompress(kind, in), 1 << 16);
                    head = peek((BufferedInputStream) decompressed, 512);
                } catch (ZipException e) {
                    // Corrupt from the start (found by fuzzing: a bzip2 CRC error escaped as a bare IOException).
                    truncated = true;
                    skipped.add(new SkippedInput(name, e.getMessage() + "; nothing of it could be read"));
                    return;
                }
                if (ArchiveKind.sniff(head) == ArchiveKind.TAR) {
                    readArchive(name, new TarArchiveInputStream(decompressed), visitor, depth);
                } else {
                    // A single compressed file (kern.log.1.gz): hand it on decompressed, named without the suffix.
                    deliver(stripCompressionSuffix(name), decompressed, visitor, 0, false);
                }
            }
            case TAR -> readArchive(name, new TarArchiveInputStream(in), visitor, depth);
            case ZIP -> readArchive(name, new ZipArchiveInputStream(in), visitor, depth);
            case PLAIN -> {
                if (NvidiaBugReportSplitter.looksLike(peek(in, 4096))) {
                    NvidiaBugReportSplitter.split(name, in, (section, content, before) -> deliver(section, content, visitor, before, false));
                } else {
                    deliver(name, in, visitor, 0, depth > 1);
                }
            }
            default -> throw new IllegalStateException("unhandled archive kind " + kind);
        }
    }

    private void readArchive(String name, ArchiveInputStream<?> archive, InputVisitor visitor, int depth)
            throws IOException {
        ArchiveEntry entry;
        while ((entry = nextEntry(name, archive)) != null) {
            String member = name + "!/" + entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            if (stop(member)) {
                return;
            }
            String special = specialEntry(entry);
            if (special != null) {
                skipped.add(new SkippedInput(member, special));
                continue;
            }
            if (!archive.canReadEntryData(entry)) {
                skipped.add(new SkippedInput(member, "entry data cannot be read (encrypted or unsupported compression)"));
                continue;
            }
            try {
                walkStream(member, new NonClosing(archive), visitor, depth + 1);
            } catch (IOException e) {
                // A cut or corrupt archive: keep what was read, say where it broke, stop reading this archive.
                truncated = true;
                skipped.add(new SkippedInput(member, "archive is truncated or corrupt inside this member ("
                        + e.getMessage() + "); what came before was read"));
                return;
            }
            if (truncated) {
                return;
            }
        }
    }

    private ArchiveEntry nextEntry(String name, ArchiveInputStream<?> archive) throws IOException {
        try {
            return archive.getNextEntry();
        } catch (IOException | IllegalArgumentException e) {
            truncated = true;
            skipped.add(new SkippedInput(name, "archive is truncated or corrupt: " + e.getMessage()));
            return null;
        }
    }

    private static String specialEntry(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry t) {
            if (t.isSymbolicLink()) {
                return "symbolic link to " + t.getLinkName() + " (not followed)";
            }
            if (t.isLink()) {
                return "hard link to " + t.getLinkName() + " (not followed)";
            }
            if (t.isCharacterDevice() || t.isBlockDevice() || t.isFIFO()) {
                return "device or FIFO node";
            }
        }
        if (entry instanceof ZipArchiveEntry z && z.isUnixSymlink()) {
            return "symbolic link (not followed)";
        }
        return null;
    }

    /**
     * Hands one stream to the visitor. With {@code drain}, the rest of an archive member the visitor
     * left unread (a binary member, say) is read here, counted, so that a member of gigabytes of
     * zeros costs the byte budget instead of being silently decompressed by the archive's skip.
     */
    private void deliver(String name, InputStream in, InputVisitor visitor, int linesBefore, boolean drain)
            throws IOException {
        long budget = limits.maxTotalBytes() - totalBytes;
        CountingStream counted = new CountingStream(in, budget);
        visitor.visit(name, counted, linesBefore);
        if (drain) {
            counted.transferTo(OutputStream.nullOutputStream());
        }
        totalBytes += counted.count;
        if (counted.ratioExceeded) {
            truncated = true;
            skipped.add(new SkippedInput(name, "compression ratio above " + limits.maxRatio() + ":1 after "
                    + (totalBytes >> 20) + " MiB decompressed from " + rawBytes
                    + " bytes (a compression bomb?); reading stopped here"));
        } else if (counted.exhausted) {
            truncated = true;
            skipped.add(new SkippedInput(name, "bundle exceeds " + limits.maxTotalBytes()
                    + " decompressed bytes (a compression bomb?); reading stopped here"));
        }
    }

    /**
     * A decompressing stream whose data errors (bad CRC, bad header, cut short) are all
     * {@link ZipException}s, which the parsers already report as a truncated or corrupt input; read
     * errors of the stream underneath pass through unchanged.
     */
    private static InputStream decompress(ArchiveKind kind, InputStream in) throws IOException {
        SourceErrors source = new SourceErrors(in);
        try {
            InputStream decompressor = switch (kind) {
                case GZIP -> new GZIPInputStream(source, 1 << 16);
                case XZ -> new XZCompressorInputStream(source);
                case BZIP2 -> new BZip2CompressorInputStream(source, true);
                default -> throw new IllegalStateException("not a compression format: " + kind);
            };
            return new DataErrors(decompressor, source, kind);
        } catch (IOException e) {
            throw DataErrors.translate(e, source, kind);
        }
    }

    private static String stripCompressionSuffix(String name) {
        for (String suffix : List.of(".gz", ".xz", ".bz2")) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    /** Remembers the last read error of the stream under a decompressor, to tell it from a data error. */
    private static final class SourceErrors extends FilterInputStream {
        private IOException last;

        SourceErrors(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                last = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                last = e;
                throw e;
            }
        }
    }

    /** Turns a decompressor's own exceptions into {@link ZipException}s naming the format. */
    private static final class DataErrors extends FilterInputStream {
        private final SourceErrors source;
        private final ArchiveKind kind;

        DataErrors(InputStream decompressor, SourceErrors source, ArchiveKind kind) {
            super(decompressor);
            this.source = source;
            this.kind = kind;
        }

        static IOException translate(IOException e, SourceErrors source, ArchiveKind kind) {
            if (e == source.last || e instanceof ZipException) {
                return e;
            }
            ZipException z = new ZipException(kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " data is truncated or corrupt (" + e.getMessage() + ")");
            z.initCause(e);
            return z;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw translate(e, source, kind);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw translate(e, source, kind);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw translate(e, source, kind);
            }
        }
    }

    /** Archive members share the archive's stream: a visitor closing it must not end the walk. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream stays open for the next member
        }
    }

    /** Counts the compressed (raw) bytes the walk consumes, for the compression-ratio guard. */
    private final class RawCounting extends FilterInputStream {
        RawCounting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                rawBytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                rawBytes += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            rawBytes += Math.max(0, k);
            return k;
        }
    }

    /**
     * Counts bytes handed out and reports end of input once the bundle-wide budget is spent or the
     * bundle decompresses far more than any real log does (checked as it reads, so a bomb costs
     * at most {@code maxRatio} times its own size).
     */
    private final class CountingStream extends FilterInputStream {
        private final long budget;
        private long count;
        private boolean exhausted;
        private boolean ratioExceeded;

        CountingStream(InputStream in, long budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count >= budget) {
                exhausted = true;
                return -1;
            }
            long decompressed = totalBytes + count;
            if (decompressed > limits.ratioFloorBytes() && decompressed / Math.max(1, rawBytes) > limits.maxRatio()) {
                exhausted = true;
                ratioExceeded = true;
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, budget - count));
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // owned by the walker
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Container formats, told apart by magic bytes. */
    enum ArchiveKind {
        GZIP, XZ, BZIP2, ZIP, TAR, PLAIN;

        boolean isArchive() {
            return this == ZIP || this == TAR;
        }

        boolean isCompressed() {
            return this == GZIP || this == XZ || this == BZIP2;
        }

        static ArchiveKind sniff(byte[] h) {
            if (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
                return GZIP;
            }
            if (h.length >= 6 && Arrays.equals(Arrays.copyOf(h, 6), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0})) {
                return XZ;
            }
            if (h.length >= 3 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') {
                return BZIP2;
            }
            if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
                return ZIP;
            }
            if (h.length >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
                return TAR;
            }
            return PLAIN;
        }
    }
}
