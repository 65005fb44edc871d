package dev.iommudoctor.parser.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.input.BundleLimits;
import dev.iommudoctor.parser.input.InputWalker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the bundle reader: arbitrary bytes walked as an upload (tar, zip, gzip, xz, bzip2, nested,
 * nvidia-bug-report, plain), each member parsed with its kind sniffed as {@code analyze} does, under
 * {@link ParseInvariants} with member names and line offsets.
 */
class BundleReaderFuzzTest {

    /** Small enough that a compression bomb among fuzz inputs costs milliseconds, not seconds. */
    private static final BundleLimits LIMITS = new BundleLimits(200, 4L << 20, 3);

    @BeforeAll
    static void seedCorpus() {
        FuzzSeeds.installForFuzzing(BundleReaderFuzzTest.class, "bundle", seeds());
    }

    static Map<String, byte[]> seeds() {
        return FuzzSeeds.union(FuzzSeeds.archives(), FuzzSeeds.sampleInputs("kernel-messages", "lspci", "iommu-groups"),
                FuzzSeeds.corpusFiles(n -> n.startsWith("nvidia") || n.contains("sosreport") || n.contains("bundle")));
    }

    @FuzzTest(maxDuration = "4m")
    void bundle(byte[] data) {
        InputWalker walker = new InputWalker(LIMITS);
        try {
            walker.walk("fuzz/upload", new ByteArrayInputStream(data), (name, in, before) -> {
                Tee tee = new Tee(in);
                List<Event> events = new ArrayList<>();
                Parsers.parse(name, tee, null, ParseInvariants.LIMITS, events::add, before);
                ParseInvariants.checkEvents(name, events, before, ParseInvariants.lineCount(tee.copy.toByteArray()));
            });
        } catch (IOException e) {
            throw new AssertionError("IOException escaped from an in-memory upload: " + e, e);
        }
        if (walker.totalBytes() > LIMITS.maxTotalBytes()) {
            throw new AssertionError("read " + walker.totalBytes() + " bytes past the bundle limit");
        }
    }

    @TestFactory
    Stream<DynamicTest> seedsKeepInvariants() {
        return FuzzSeeds.replay(seeds(), this::bundle);
    }

    /** Keeps a copy of what the parser read, to count the member's lines afterwards. */
    private static final class Tee extends FilterInputStream {
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Tee(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // route skips through read so the copy stays complete
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
