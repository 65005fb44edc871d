package dev.iommudoctor.collector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.iommudoctor.collector.source.CollectContext;
import dev.iommudoctor.collector.source.CommandSource;
import dev.iommudoctor.collector.source.DevVfioSource;
import dev.iommudoctor.collector.source.FileSource;
import dev.iommudoctor.collector.source.KernelLogSource;
import dev.iommudoctor.collector.source.LibvirtLogSource;
import dev.iommudoctor.collector.source.ListingSource;
import dev.iommudoctor.collector.source.Source;
import dev.iommudoctor.collector.source.SysfsPciSource;
import dev.iommudoctor.collector.telemetry.OshiTelemetrySource;
import dev.iommudoctor.collector.telemetry.SnapshotTelemetrySource;
import dev.iommudoctor.collector.telemetry.Telemetry;
import dev.iommudoctor.collector.telemetry.TelemetrySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code iommu-doctor collect}: runs every source with its own timeout, adds telemetry, optionally
 * redacts, and writes one {@code .tar.gz} with {@code manifest.json} at its root. Nothing a host lacks
 * (privileges, pciutils, an IOMMU, /sys in a container) is fatal: it becomes a manifest entry.
 */
public final class Collector {

    /**
     * @param telemetry null to pick by root: OSHI on a live host, {@code <root>/telemetry.json} under a fake root
     */
    public record Options(HostRoot root, boolean redact, String toolVersion, Limits limits, TelemetrySource telemetry,
                          Clock clock) {

        public static Options live(String toolVersion) {
            return new Options(HostRoot.liveHost(), false, toolVersion, Limits.DEFAULT, null, Clock.systemUTC());
        }

        public Options withRoot(HostRoot r) {
            return new Options(r, redact, toolVersion, limits, telemetry, clock);
        }

        public Options withRedact(boolean r) {
            return new Options(root, r, toolVersion, limits, telemetry, clock);
        }

        public Options withLimits(Limits l) {
            return new Options(root, redact, toolVersion, l, telemetry, clock);
        }
    }

    /** The written bundle and its manifest. */
    public record Result(Path bundle, Manifest manifest, Optional<Redactor> redactor) {
    }

    /** The pool counters; {@code demote} and friends are write-only controls. */
    private static final String HUGEPAGE_FILES = "{nr_hugepages,free_hugepages,surplus_hugepages,resv_hugepages,nr_overcommit_hugepages}";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Options options;

    public Collector(Options options) {
        this.options = options;
    }

    /** Every source, in bundle order. */
    public static List<Source> defaultSources() {
        return List.of(
                new KernelLogSource(),
                new CommandSource("lspci", List.of("lspci", "-nnvvv", "-k"), "lspci-nnvvv-k.txt", Optional.empty(), true),
                new SysfsPciSource(),
                new FileSource("cmdline", "/proc/cmdline"),
                new FileSource("meminfo", "/proc/meminfo"),
                new FileSource("hugepages", "/sys/kernel/mm/hugepages/hugepages-*/" + HUGEPAGE_FILES),
                new FileSource("numa-hugepages", "/sys/devices/system/node/node*/hugepages/hugepages-*/" + HUGEPAGE_FILES),
                new ListingSource("iommu-groups", "/sys/kernel/iommu_groups", 3, "listings/iommu_groups.txt", false),
                new ListingSource("class-iommu", "/sys/class/iommu", 1, "listings/sys-class-iommu.txt", true),
                new FileSource("modprobe.d", "/etc/modprobe.d/*"),
                new FileSource("grub", "/etc/default/grub"),
                new CommandSource("ip-link", List.of("ip", "-d", "link"), "ip-d-link.txt", Optional.empty(), false),
                new CommandSource("lsmod", List.of("lsmod"), "lsmod.txt", Optional.of("/proc/modules"), false),
                new FileSource("vfio-parameters", "/sys/module/vfio*/parameters/*"),
                new DevVfioSource(),
                new LibvirtLogSource());
    }

    public Result collect(Path target) throws IOException {
        return collect(target, defaultSources());
    }

    public Result collect(Path target, List<Source> sources) throws IOException {
        Instant now = options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        CollectContext ctx = new CollectContext(options.root(), options.limits(), new CommandRunner(options.limits().sourceTimeout()));
        List<BundleFile> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "iommu-doctor-collect");
            t.setDaemon(true);  // a source stuck in a read must not keep the JVM alive
            return t;
        });
        try {
            long total = 0;
            for (Source source : sources) {
                SourceOutput out = new SourceOutput();
                Optional<Skipped> failure = runWithTimeout(pool, () -> source.collect(ctx, out), source.name());
                if (failure.isPresent()) {
                    skipped.add(failure.get());
                    continue;
                }
                for (BundleFile f : out.files()) {
                    if (total + f.content().length > options.limits().totalCap()) {
                        skipped.add(new Skipped(f.source(), SkipReason.TOO_LARGE, f.path() + " would exceed the bundle cap of "
                                + options.limits().totalCap() + " bytes"));
                        continue;
                    }
                    total += f.content().length;
                    files.add(f);
                }
                skipped.addAll(out.skipped());
            }
            Telemetry telemetry = telemetry(pool, skipped);
            if (!options.root().live()) {
                // say "/proc/modules does not exist", not where the fake root happens to sit
                String prefix = options.root().root().toString();
                skipped = new ArrayList<>(skipped.stream().map(s -> new Skipped(s.source(), s.reason(), s.detail().replace(prefix, ""))).toList());
            }
            String host = HostFacts.hostname(options.root(), telemetry).orElse("unknown");
            Optional<Redactor> redactor = Optional.empty();
            if (telemetry != null) {
                files.add(new BundleFile("telemetry.json", JSON.writeValueAsBytes(telemetry), "telemetry", false));
            }
            if (options.redact()) {
                Redactor r = new Redactor(HostFacts.hostnames(options.root(), telemetry), HostFacts.users(options.root()),
                        HostFacts.serials(telemetry));
                files = redact(files, r);
                skipped = skipped.stream().map(s -> new Skipped(r.redactPath(s.source()), s.reason(), r.redact(s.detail()))).toList();
                host = r.redact(host);
                redactor = Optional.of(r);
            }
            String rootShown = options.root().live() ? "/" : redactor.map(r -> r.redactPath(options.root().root().toString()))
                    .orElse(options.root().root().toString());
            List<Manifest.Entry> entries = new ArrayList<>();
            for (BundleFile f : files) {
                entries.add(new Manifest.Entry(f.path(), f.source(), f.content().length, sha256(f.content()), f.truncated()));
            }
            Manifest manifest = new Manifest(Manifest.SCHEMA, options.toolVersion(), now.toString(), host, rootShown,
                    options.root().live(), options.redact(), telemetry == null ? null : telemetry.source(), entries, skipped);
            List<BundleFile> all = new ArrayList<>();
            all.add(new BundleFile("manifest.json", JSON.writeValueAsBytes(manifest), "manifest", false));
            all.addAll(files);
            BundleWriter.write(target, all, now);
            return new Result(target, manifest, redactor);
        } finally {
            pool.shutdownNow();
        }
    }

    private Telemetry telemetry(ExecutorService pool, List<Skipped> skipped) {
        TelemetrySource source = options.telemetry() != null ? options.telemetry()
                : options.root().live() ? new OshiTelemetrySource(options.root().path("/proc/cpuinfo"))
                : new SnapshotTelemetrySource(options.root().root().resolve("telemetry.json"));
        Telemetry[] result = new Telemetry[1];
        Optional<Skipped> failure = runWithTimeout(pool, () -> result[0] = source.read().orElse(null), "telemetry");
        if (failure.isPresent()) {
            skipped.add(failure.get());
            return null;
        }
        if (result[0] == null) {
            skipped.add(new Skipped("telemetry", SkipReason.ABSENT, source.unavailableBecause()));
        }
        return result[0];
    }

    private Optional<Skipped> runWithTimeout(ExecutorService pool, Runnable task, String name) {
        Future<?> f = pool.submit(task);
        long seconds = options.limits().sourceTimeout().toMillis();
        try {
            // commands have the same timeout inside; a little slack lets them report it themselves
            f.get(seconds + 2000, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            f.cancel(true);
            return Optional.of(new Skipped(name, SkipReason.TIMED_OUT, name + " did not finish within "
                    + seconds(options.limits().sourceTimeout()) + " s"));
        } catch (ExecutionException e) {
            return Optional.of(new Skipped(name, SkipReason.FAILED, String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Skipped(name, SkipReason.TIMED_OUT, "interrupted"));
        }
    }

    private static List<BundleFile> redact(List<BundleFile> files, Redactor r) {
        List<BundleFile> out = new ArrayList<>();
        for (BundleFile f : files) {
            String text = new String(f.content(), StandardCharsets.UTF_8);
            out.add(new BundleFile(r.redactPath(f.path()), r.redact(text).getBytes(StandardCharsets.UTF_8), f.source(), f.truncated()));
        }
        return out;
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
