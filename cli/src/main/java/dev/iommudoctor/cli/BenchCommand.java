package dev.iommudoctor.cli;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.internal.LineReader;
import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code iommu-doctor bench}: measures, in one process and on one core, how fast a kernel log is read
 * three ways: (a) {@code BufferedReader.readLine} (the baseline: nothing can be faster than reading the
 * lines), (b) the parser's {@code LineReader} alone, (c) the full {@code Parsers.parse} (sniffing, envelope,
 * continuation joining, message classification) into a counting sink. Prints MB/s, lines/s, the ratio
 * parse/baseline, peak heap and GC activity. Run it with {@code -Xmx256m} to show that memory stays flat.
 * With {@code --analyze} also (d) the whole {@code analyze} (parse into the host model builder, then the rules).
 *
 * <p>The event mix is printed too, and for a generated log the line mix ({@link SyntheticKernelLog.Mix}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures parser throughput against a line-reading baseline on a generated log.",
                "Generates a realistic kernel log of --size in a temporary file (or reads --file), warms up, then",
                "measures (a) BufferedReader.readLine, (b) LineReader, (c) full parse, and prints MB/s, lines/s,",
                "parse/baseline ratio and peak heap; with --analyze also (d) the whole analyze (parse, host model, rules).",
                "MB/s are given per wall-clock second and per second of the thread's CPU time.",
                "Run with -Xmx256m to prove memory stays flat."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1g", converter = SizeConverter.class,
            description = "Size of the generated log: 200m, 1g, 500k (default: ${DEFAULT-VALUE}).")
    long size;

    @Option(names = "--file", paramLabel = "FILE", description = "Benchmark this file instead of a generated one.")
    Path file;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "2", description = "Measured runs of each mode; the best is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--keep", description = "Keep the generated file and print its path.")
    boolean keep;

    @Option(names = "--lspci", description = "Generate an lspci -nnvvv dump of --size instead of a kernel log (device blocks of a GPU,"
            + " a root port with ACS and an SR-IOV NIC, on ever new addresses).")
    boolean lspci;

    @Option(names = "--analyze", description = {"Also measure (d) the whole 'analyze' of the file: parsing into the host",
            "model builder and running the rule base (Analyzer.withDefaults().analyze)."})
    boolean analyze;

    /** One measured pass. */
    private record Result(String name, long bytes, long lines, double seconds, double cpuSeconds, long peakHeap, long gcCount,
                          long gcMillis) {
        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }

        double mbPerCpuSecond() {
            return bytes / 1e6 / cpuSeconds;
        }
    }

    @Override
    public Integer call() throws IOException {
        Path input = file;
        boolean generated = false;
        if (input == null) {
            input = Files.createTempFile("iommu-doctor-bench-", lspci ? ".lspci" : ".log");
            generated = true;
            long start = System.nanoTime();
            if (lspci) {
                long devices = SyntheticLspci.write(input, size);
                System.out.printf(Locale.ROOT, "generated %s: %,d bytes, %,d lspci device blocks in %.1f s%n", input,
                        Files.size(input), devices, (System.nanoTime() - start) / 1e9);
                return runAndClean(input, generated);
            }
            SyntheticKernelLog.Mix mix = SyntheticKernelLog.write(input, size);
            long written = Files.size(input);
            System.out.printf(Locale.ROOT, "generated %s: %,d bytes, %,d lines (%.0f bytes/line) in %.1f s%n", input, written,
                    mix.lines(), (double) written / mix.lines(), (System.nanoTime() - start) / 1e9);
            System.out.println("mix: " + mix);
        }
        return runAndClean(input, generated);
    }

    private int runAndClean(Path input, boolean generated) throws IOException {
        try {
            run(input);
        } finally {
            if (generated && !keep) {
                Files.deleteIfExists(input);
            }
        }
        return ExitCodes.OK;
    }

    private void run(Path input) throws IOException {
        long bytes = Files.size(input);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "input %s, %,d bytes; java %s, max heap %d MB, %d CPUs visible (one thread used)%n",
                input, bytes, System.getProperty("java.version"), rt.maxMemory() >> 20, rt.availableProcessors());
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1")) {
            System.out.println("note: the JIT is limited to C1 (-XX:TieredStopAtLevel=1, the launcher's default for quick"
                    + " start-up); large logs parse about twice as fast with C2, e.g."
                    + " IOMMU_DOCTOR_JAVA_OPTS='-XX:+UseSerialGC -Xmx256m' ./iommu-doctor bench");
        }
        Map<String, Long> counts = new TreeMap<>();
        // The JIT needs a few hundred MB of a loop before C2 code settles: warm up on at least ~600 MB.
        int warmups = (int) Math.min(3, Math.max(1, (600L << 20) / Math.max(1, bytes) + 1));
        System.out.println("warm-up (" + warmups + " pass" + (warmups > 1 ? "es" : "") + ") ...");
        for (int i = 0; i < warmups; i++) {
            parse(input, new HashMap<>());
            if (analyze) {
                analyze(input);
            }
            readLines(input);
            lineReader(input);
        }
        Result baseline = best(() -> readLines(input));
        Result reader = best(() -> lineReader(input));
        Result full = best(() -> parse(input, counts));
        Result whole = analyze ? best(() -> analyze(input)) : null;
        System.out.println();
        for (Result r : whole == null ? new Result[] {baseline, reader, full} : new Result[] {baseline, reader, full, whole}) {
            System.out.printf(Locale.ROOT, "%-36s %8.1f MB/s (%6.1f MB/s on CPU) %12.0f lines/s %8.2f s  peak heap %5d MB  GC %d (%d ms)%n",
                    r.name(), r.mbPerSecond(), r.mbPerCpuSecond(), r.lines() / r.seconds(), r.seconds(), r.peakHeap() >> 20,
                    r.gcCount(), r.gcMillis());
        }
        System.out.printf(Locale.ROOT, "parse / baseline = %.2f   parse / LineReader = %.2f (on CPU: %.2f, %.2f)%n",
                full.mbPerSecond() / baseline.mbPerSecond(), full.mbPerSecond() / reader.mbPerSecond(),
                full.mbPerCpuSecond() / baseline.mbPerCpuSecond(), full.mbPerCpuSecond() / reader.mbPerCpuSecond());
        System.out.println("events (last run): " + counts);
        System.out.println("(MB/s on CPU: bytes per second of this thread's CPU time, which a busy machine distorts less than wall time)");
    }

    private interface Pass {
        Result run() throws IOException;
    }

    private Result best(Pass pass) throws IOException {
        Result best = null;
        for (int i = 0; i < Math.max(1, runs); i++) {
            Result r = pass.run();
            System.out.printf(Locale.ROOT, "  %-34s %8.1f MB/s (%6.1f MB/s on CPU)%n", r.name(), r.mbPerSecond(), r.mbPerCpuSecond());
            if (best == null || r.seconds() < best.seconds()) {
                best = r;
            }
        }
        return best;
    }

    private static Result readLines(Path input) throws IOException {
        Meter m = new Meter();
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines++;
            }
        }
        return m.stop("(a) BufferedReader.readLine", Files.size(input), lines);
    }

    private static Result lineReader(Path input) throws IOException {
        Meter m = new Meter();
        long lines = 0;
        try (InputStream in = Files.newInputStream(input)) {
            LineReader r = new LineReader(in, ParseLimits.DEFAULT.maxLineBytes(), new LineReader.Listener() {
                @Override
                public void lineTooLong(int lineNumber, long fullLength, String preview) {
                }

                @Override
                public void notUtf8(int lineNumber, String preview) {
                }
            });
            while (r.next() != null) {
                lines++;
            }
        }
        return m.stop("(b) LineReader", Files.size(input), lines);
    }

    private static Result parse(Path input, Map<String, Long> counts) throws IOException {
        counts.clear();
        Map<Class<?>, long[]> byClass = new HashMap<>();
        Meter m = new Meter();
        ParseSummary summary;
        try (InputStream in = Files.newInputStream(input)) {
            summary = Parsers.parse(input.toString(), in, null, ParseLimits.DEFAULT,
                    (Event e) -> byClass.computeIfAbsent(e.getClass(), c -> new long[1])[0]++);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Result r = m.stop("(c) Parsers.parse (" + summary.kind() + ")", summary.bytes(), summary.lines());
        byClass.forEach((c, n) -> counts.put(c.getSimpleName(), n[0]));
        return r;
    }

    private static Result analyze(Path input) throws IOException {
        Meter m = new Meter();
        Analysis analysis = Analyzer.withDefaults().analyze(List.of(input), ProgressListener.NONE);
        long lines = analysis.host().inputs().stream().mapToLong(ParseSummary::lines).sum();
        Result r = m.stop("(d) Analyzer.analyze (" + analysis.outcomes().findings().size() + " findings)", Files.size(input), lines);
        return r;
    }

    /** Wall time, peak heap and GC activity of one pass. */
    private static final class Meter {
        private final long start;
        private final long cpuStart;
        private final long gcCount;
        private final long gcMillis;

        Meter() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            gcCount = gcCount();
            gcMillis = gcMillis();
            start = System.nanoTime();
            cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }

        Result stop(String name, long bytes, long lines) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return new Result(name, bytes, lines, seconds, cpuSeconds, peak, gcCount() - gcCount, gcMillis() - gcMillis);
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    /** {@code 200m}, {@code 1g}, {@code 500k}, {@code 12345} (bytes). */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
            if (last == 'k' || last == 'm' || last == 'g') {
                unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
                v = v.substring(0, v.length() - 1);
            }
            long n = Long.parseLong(v);
            if (n <= 0) {
                throw new IllegalArgumentException("size must be positive: " + value);
            }
            return n * unit;
        }
    }
}
