package dev.iommudoctor.cli;

import dev.iommudoctor.collector.Collector;
import dev.iommudoctor.collector.HostRoot;
import dev.iommudoctor.collector.Limits;
import dev.iommudoctor.collector.Skipped;
import dev.iommudoctor.rules.report.Escapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iommu-doctor collect}: one support bundle of this host. */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Collects a support bundle of this host into one .tar.gz.",
                "It holds the kernel log, lspci (when installed), the PCI facts from sysfs, /proc and /etc files, IOMMU groups, /dev/vfio modes, guest logs and telemetry,",
                "with manifest.json listing every file (size, sha256) and every source that could not be read, and why.",
                "Run as root for the most complete bundle; unprivileged runs work and say what they missed.",
                "Analyse the bundle with: iommu-doctor analyze BUNDLE"})
final class CollectCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Bundle to write (default: iommu-doctor-<UTC time>.tar.gz).")
    Path output;

    @Option(names = "--root", paramLabel = "DIR", description = "Read every host path under DIR instead of / (a fake root tree); commands are not run, their captured output is read from DIR/commands/, telemetry from DIR/telemetry.json.")
    Path root;

    @Option(names = "--redact", description = "Replace hostnames, IP and MAC addresses, serial numbers and user names by consistent tokens (host-1, 10.0.0.1, 02:00:00:00:00:01, serial-1, user-1).")
    boolean redact;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20", description = "Time allowed to each source (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        if (root != null && !Files.isDirectory(root)) {
            System.err.println(Escapes.terminal("iommu-doctor: --root is not a directory: " + root));
            return ExitCodes.BAD_INPUT;
        }
        Path target = output != null ? output : Path.of("iommu-doctor-"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".tar.gz");
        Collector.Options options = Collector.Options.live(VersionProvider.version())
                .withRoot(root == null ? HostRoot.liveHost() : HostRoot.fake(root))
                .withRedact(redact)
                .withLimits(Limits.DEFAULT.withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds))));
        Collector.Result result = new Collector(options).collect(target);
        long bytes = Files.size(result.bundle());
        System.err.printf("iommu-doctor: wrote %s (%d files, %d bytes)%s%n", Escapes.terminal(result.bundle().toString()),
                result.manifest().files().size() + 1, bytes, redact ? ", redacted" : "");
        if (!result.manifest().skipped().isEmpty()) {
            System.err.println("not collected (see manifest.json):");
            for (Skipped s : result.manifest().skipped()) {
                System.err.println(Escapes.terminal("  " + s.source() + ": " + s.reason() + " - " + s.detail()));
            }
        }
        return ExitCodes.OK;
    }
}
