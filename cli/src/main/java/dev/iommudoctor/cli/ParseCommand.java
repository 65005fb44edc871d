package dev.iommudoctor.cli;

import dev.iommudoctor.rules.report.Escapes;
import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.Diagnostic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommu-doctor parse FILE...}: prints the typed events as JSON lines, or statistics. */
@Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Parses kernel logs, lspci dumps and host facts files and prints one JSON object per event.",
                "Each object has a \"type\" (e.g. PciDevice, DmaFault, UnrecognizedLine) and the event's fields.",
                "Exit status: 0 all inputs read cleanly, 3 an input was unusable, partial or not valid text."})
final class ParseCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to parse (gzip-compressed files are read as such).")
    List<Path> files;

    @Option(names = "--stats", description = "Print counts by event type, the unrecognized share, diagnostics and throughput instead of events.")
    boolean stats;

    @Option(names = "--kind", paramLabel = "KIND", description = "Skip content sniffing and read every file as this kind: ${COMPLETION-CANDIDATES}.")
    SourceKind kind;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "1048576", description = "Bytes kept of one line (default: ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Override
    public Integer call() {
        ParseLimits limits = new ParseLimits(Long.MAX_VALUE, maxLineBytes);
        EventJson json = new EventJson();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        int exit = ExitCodes.OK;
        for (Path file : files) {
            long start = System.nanoTime();
            inputProblem = false;
            ParseSummary summary;
            try (InputStream in = Files.newInputStream(file)) {
                summary = Parsers.parse(file.toString(), in, kind, limits, event -> {
                    if (!stats) {
                        out.println(json.toJson(event));
                    }
                    if (event instanceof Diagnostic d && (d.fatal() || isEncodingProblem(d))) {
                        inputProblem = true;
                        System.err.println(Escapes.terminal("iommu-doctor: " + d.span() + ": " + d.message()));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (stats) {
                printStats(out, summary, seconds);
            }
            if (summary.unusable() || summary.partial() || inputProblem) {
                summary.problem().ifPresent(p -> System.err.println(Escapes.terminal("iommu-doctor: " + file + ": " + p)));
                exit = ExitCodes.BAD_INPUT;
            }
            out.flush();
        }
        out.flush();
        return exit;
    }

    /** Encoding and length problems mean the text was not read exactly as written. */
    private static boolean isEncodingProblem(Diagnostic d) {
        return d.code().equals("INVALID_UTF8") || d.code().equals("LINE_TOO_LONG");
    }

    /** Set when the current file's text could not be read exactly as written. */
    private boolean inputProblem;

    private void printStats(PrintWriter out, ParseSummary s, double seconds) {
        out.printf(Locale.ROOT, "%s: %s, %d lines, %d bytes%s%n", Escapes.terminal(s.source()), s.kind(), s.lines(), s.bytes(),
                s.partial() ? " (PARTIAL)" : "");
        s.problem().ifPresent(p -> out.println("  problem: " + p));
        for (Map.Entry<String, Long> e : s.eventCounts().entrySet()) {
            out.printf(Locale.ROOT, "  %-28s %10d%n", e.getKey(), e.getValue());
        }
        if (s.records() > 0 && (s.kind() == SourceKind.KERNEL_LOG || s.kind() == SourceKind.QEMU_LOG)) {
            out.printf(Locale.ROOT, "  records: %d (from %d lines); unrecognized: %d (%.1f%%), typed: %.1f%%%n", s.records(),
                    s.lines(), s.unrecognized(), 100.0 * s.unrecognized() / s.records(),
                    100.0 * (s.records() - s.unrecognized()) / s.records());
        }
        out.printf(Locale.ROOT, "  diagnostics: %d%n", s.diagnostics());
        out.printf(Locale.ROOT, "  throughput: %.1f MB/s (%.3f s)%n", s.bytes() / 1e6 / Math.max(seconds, 1e-9), seconds);
    }
}
