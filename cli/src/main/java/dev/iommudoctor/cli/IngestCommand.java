package dev.iommudoctor.cli;

import dev.iommudoctor.rules.report.Escapes;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Upload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iommu-doctor ingest DIR|FILE...}: bulk-loads bundles. A file (archive, sosreport, loose log)
 * is one incident; a directory holding files is one incident (one host's loose files, e.g. a sample
 * case folder); a directory holding only directories is a collection, each child taken in turn.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Bulk-loads bundles into the incident store (one incident per archive or per folder of loose files).")
final class IngestCommand implements Callable<Integer> {

    private static final int BATCH = 50;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE")
    List<Path> inputs;

    @Mixin
    DataDirOption data;

    @Option(names = "--tag", description = "Tag every incident (repeatable).")
    List<String> tags = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        List<Path> units = new ArrayList<>();
        for (Path p : inputs) {
            collect(p, units);
        }
        int failed = 0;
        try (IncidentStore store = data.open();
             ProgressBar bar = new ProgressBarBuilder().setTaskName("Ingesting").setInitialMax(units.size())
                     .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                     .continuousUpdate().build()) {
            List<Incident> batch = new ArrayList<>();
            for (Path unit : units) {
                try {
                    batch.add(store.prepare(uploads(unit), "cli", tags, ServerConfig.DEFAULT_MAX_UPLOAD));
                } catch (IOException | RuntimeException e) {
                    failed++;
                    bar.setExtraMessage(" failed: " + Escapes.terminal(unit.getFileName().toString()));
                    System.err.println(Escapes.terminal("iommu-doctor: " + unit + ": " + e.getMessage()));
                }
                if (batch.size() == BATCH) {
                    // one commit per batch: bulk loading is acknowledged per batch, not per bundle
                    store.addAll(batch);
                    batch.clear();
                }
                bar.step();
            }
            if (!batch.isEmpty()) {
                store.addAll(batch);
            }
        }
        System.out.printf("ingested %d of %d into %s%n", units.size() - failed, units.size(), data.dir());
        return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private static void collect(Path p, List<Path> units) throws IOException {
        if (!Files.exists(p)) {
            throw new java.nio.file.NoSuchFileException(p.toString());
        }
        if (!Files.isDirectory(p)) {
            units.add(p);
            return;
        }
        try (Stream<Path> children = Files.list(p)) {
            List<Path> list = children.sorted().toList();
            if (list.stream().anyMatch(Files::isRegularFile)) {
                units.add(p);
            } else {
                for (Path child : list) {
                    collect(child, units);
                }
            }
        }
    }

    private static List<Upload> uploads(Path unit) throws IOException {
        if (!Files.isDirectory(unit)) {
            return List.of(Upload.of(unit.getFileName().toString(), () -> Files.newInputStream(unit)));
        }
        try (Stream<Path> files = Files.walk(unit)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> Upload.of(unit.relativize(f).toString(), () -> Files.newInputStream(f)))
                    .toList();
        }
    }
}
