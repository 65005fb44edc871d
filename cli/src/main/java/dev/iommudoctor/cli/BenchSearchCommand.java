package dev.iommudoctor.cli;

import dev.iommudoctor.server.bench.SearchBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iommu-doctor bench-search}: ingest and search figures on generated incidents (not a test). */
@Command(name = "bench-search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measures ingest throughput and search latency (p50/p95) on N generated incidents in a scratch directory.")
final class BenchSearchCommand implements Callable<Integer> {

    @Option(names = "-n", defaultValue = "100000", description = "Generated incidents (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--uploads", defaultValue = "300", description = "Full-pipeline uploads, commit each (default: ${DEFAULT-VALUE}).")
    int uploads;

    @Option(names = "--data", paramLabel = "DIR", description = "Scratch directory (default: a new temporary one).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        SearchBenchmark.run(n, dir != null ? dir : Files.createTempDirectory("iommu-doctor-bench"), uploads, System.out);
        return ExitCodes.OK;
    }
}
