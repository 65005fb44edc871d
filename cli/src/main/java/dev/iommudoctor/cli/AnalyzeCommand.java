package dev.iommudoctor.cli;

import dev.iommudoctor.rules.report.Escapes;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.readiness.DeviceReadiness;
import dev.iommudoctor.rules.report.AnalysisDocument;
import dev.iommudoctor.rules.report.AnalysisDocuments;
import dev.iommudoctor.rules.report.HtmlReport;
import dev.iommudoctor.rules.report.JsonReport;
import dev.iommudoctor.rules.report.MarkdownReport;
import dev.iommudoctor.rules.report.TextReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommu-doctor analyze}: the main job. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Diagnoses one host from its logs, lspci dumps, sosreport or support bundle.",
                "Reads files, directories, sosreports and bundles (.tar.gz .tgz .tar.xz .tar.bz2 .zip, read as",
                "streams) as ONE host, runs the rule base and prints the findings with their evidence (file:line)",
                "and the exact fix.",
                "",
                "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error,",
                "3 input missing or unusable."})
final class AnalyzeCommand implements Callable<Integer> {

    /** Unusable inputs listed one per line on stderr before the rest is summarised. */
    private static final int MAX_LISTED = 20;

    enum Format { text, json, markdown, html }

    enum FailOn { info, warning, error, never }

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Files, directories, sosreports or bundle archives of one host.")
    List<Path> inputs = new java.util.ArrayList<>();

    @Option(names = "--live", description = "Analyse this host as it runs now: collect as 'iommu-doctor collect' does, into a temporary bundle that is deleted afterwards.")
    boolean live;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "error", description = "Exit 1 when a finding is at or above this severity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--device", paramLabel = "BDF", description = "Print only the passthrough readiness of this PCI function (e.g. 0000:01:00.0 or 01:00.0) and the findings that name it.")
    String device;

    @Option(names = "--all-devices", description = "List the readiness of every non-bridge PCI function, not only passthrough candidates.")
    boolean allDevices;

    @Option(names = "--no-color", description = "Never colour the text report (also honoured: NO_COLOR).")
    boolean noColor;

    @Override
    public Integer call() throws IOException {
        if (inputs.isEmpty() != live) {
            System.err.println("iommu-doctor: give either INPUT files or --live, not " + (live ? "both" : "neither"));
            return ExitCodes.USAGE;
        }
        if (live) {
            Path bundle = Files.createTempFile("iommu-doctor-live-", ".tar.gz");
            try {
                new dev.iommudoctor.collector.Collector(dev.iommudoctor.collector.Collector.Options.live(VersionProvider.version())).collect(bundle);
                inputs = List.of(bundle);
                return analyze();
            } finally {
                Files.deleteIfExists(bundle);
            }
        }
        return analyze();
    }

    private Integer analyze() throws IOException {
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                System.err.println(Escapes.terminal("iommu-doctor: no such file or directory: " + p));
                return ExitCodes.BAD_INPUT;
            }
        }
        PciAddress only = null;
        if (device != null) {
            only = PciAddress.tryParse(device);
            if (only == null) {
                System.err.println(Escapes.terminal("iommu-doctor: --device wants a PCI address like 0000:01:00.0, not '" + device + "'"));
                return ExitCodes.USAGE;
            }
        }
        Analysis analysis;
        try (ProgressDisplay progress = new ProgressDisplay()) {
            analysis = Analyzer.withDefaults().analyze(inputs, progress);
        }
        AnalysisDocument doc = AnalysisDocuments.of(analysis, VersionProvider.version());
        if (doc.inputs().stream().allMatch(i -> i.lines() == 0 || i.kind().equals("UNKNOWN") || i.kind().equals("BINARY"))) {
            System.err.println("iommu-doctor: none of the inputs is a format iommu-doctor reads:");
            // A bundle of 200,000 empty files must not print 200,000 lines: the first few and the count say it.
            List<String> lines = new java.util.ArrayList<>();
            doc.inputs().forEach(i -> lines.add("  " + i.source() + ": " + (i.problem() == null ? i.kind() : i.problem())));
            doc.skipped().forEach(s -> lines.add("  " + s.name() + ": " + s.reason()));
            int shown = lines.size() > MAX_LISTED + 1 ? MAX_LISTED : lines.size();
            lines.subList(0, shown).forEach(l -> System.err.println(Escapes.terminal(l)));
            if (shown < lines.size()) {
                System.err.println("  ... and " + (lines.size() - shown - 1) + " more; last: "
                        + Escapes.terminal(lines.get(lines.size() - 1).strip()));
            }
            return ExitCodes.BAD_INPUT;
        }
        if (only != null) {
            doc = onlyDevice(doc, only.toString());
            if (doc.devices().isEmpty()) {
                System.err.println("iommu-doctor: the inputs say nothing about PCI function " + only
                        + " (or it is a bridge); known functions: " + analysis.host().pci().functions().size());
                return ExitCodes.BAD_INPUT;
            }
        }
        write(doc);
        return exitCode(doc);
    }

    private static AnalysisDocument onlyDevice(AnalysisDocument doc, String address) {
        List<DeviceReadiness> devices = doc.devices().stream().filter(d -> d.address().equals(address)).toList();
        return new AnalysisDocument(doc.schema(), doc.schemaVersion(), doc.toolVersion(), doc.partial(), doc.host(),
                doc.summary(), doc.findings().stream().filter(f -> f.devices().contains(address)).toList(),
                doc.notEvaluated(), doc.notApplicable(), devices, doc.inputs(), doc.skipped(), doc.ruleErrors());
    }

    private void write(AnalysisDocument doc) throws IOException {
        boolean toFile = output != null;
        PrintWriter out = toFile
                ? new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))
                : new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try {
            switch (format) {
                case json -> new JsonReport().write(doc, out);
                case markdown -> new MarkdownReport().write(doc, out);
                case html -> new HtmlReport().write(doc, out);
                case text -> new TextReport(!toFile && useColour(), allDevices || device != null).write(doc, out);
                default -> throw new IllegalStateException("format " + format);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            out.flush();
            if (toFile) {
                out.close();
            }
        }
    }

    private boolean useColour() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }

    private int exitCode(AnalysisDocument doc) {
        if (failOn == FailOn.never) {
            return ExitCodes.OK;
        }
        Severity threshold = Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
        return doc.findings().stream().anyMatch(f -> f.severity().atLeast(threshold)) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
