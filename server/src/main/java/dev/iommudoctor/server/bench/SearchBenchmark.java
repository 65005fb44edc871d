package dev.iommudoctor.server.bench;

import dev.iommudoctor.rules.report.AnalysisDocument;
import dev.iommudoctor.server.DemoData;
import dev.iommudoctor.server.ServerRuntime;
import dev.iommudoctor.server.search.IncidentSearcher;
import dev.iommudoctor.server.search.SearchRequest;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Upload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Not a test: measures the incident store on generated data and prints the figures.
 * <ol>
 * <li>full-pipeline ingest: the bundled sample cases uploaded one by one (store bundle, analyse,
 *     index, commit per upload as the API does), in bundles per minute;</li>
 * <li>bulk index: N generated incidents (the analysed samples with varied host, kernel, BIOS, devices
 *     and dates over a year) indexed in batches with one commit each, in incidents per second;</li>
 * <li>search latency p50/p95/max over a mix of field, wildcard, phrase and free-text queries with
 *     facets, histogram and highlighting, as {@code /api/search} runs them.</li>
 * </ol>
 * Usage: {@code SearchBenchmark [N=100000] [DIR]}.
 */
public final class SearchBenchmark {

    static final List<String> QUERIES = List.of(
            "rule:RMRR-*",
            "rule:RMRR-* AND kernel:5.15*",
            "\"bad RMRR\"",
            "cpu:amd AND driver:vfio-pci",
            "pciid:10de\\:*",
            "board:asus AND bios:16*",
            "kernelSeries:6.8 AND severity:error",
            "iommu group not viable",
            "*",
            "status:resolved AND note:bios",
            "host:lab-1* OR host:lab-2*",
            "DMAR AND fault");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("iommu-doctor-bench");
        run(n, dir, 300, System.out);
    }

    public static void run(int n, Path dir, int pipelineUploads, PrintStream out) throws IOException {
        try (IncidentStore store = ServerRuntime.openStore(dir, "bench")) {
            out.printf(Locale.ROOT, "data directory: %s%n", dir);
            List<Incident> templates = pipeline(store, pipelineUploads, out);
            bulk(store, templates, n, out);
            latency(store, out);
        }
    }

    /** Uploads the demo cases through the full path, commit per upload. */
    private static List<Incident> pipeline(IncidentStore store, int uploads, PrintStream out) throws IOException {
        Path samples = Files.createTempDirectory("iommu-doctor-bench-cases");
        try (IncidentStore scratch = ServerRuntime.openStore(samples, "bench")) {
            DemoData.loadInto(scratch, Long.MAX_VALUE);
        }
        // re-read the raw case files from the scratch bundle store to upload them again, one at a time
        List<Incident> cases = new ArrayList<>();
        try (IncidentStore scratch = ServerRuntime.openStore(samples, "bench")) {
            IncidentSearcher s = new IncidentSearcher(scratch);
            int total = (int) s.search(SearchRequest.of("*")).total();
            for (int page = 0; page * 100 < total; page++) {
                for (var hit : s.search(new SearchRequest("*", null, null, SearchRequest.Order.OLDEST, page, 100)).hits()) {
                    cases.add(scratch.get(hit.id()).orElseThrow());
                }
            }
            // a support engineer uploads one archive per host: each case is zipped once, up front
            List<byte[]> zips = new ArrayList<>();
            for (Incident c : cases) {
                zips.add(zip(scratch, c));
            }
            int threads = Runtime.getRuntime().availableProcessors();
            // warm-up (JIT of parser, rules and indexing), not measured
            uploadAll(store, zips, Math.min(100, uploads), threads, 1_000_000);
            long start = System.nanoTime();
            uploadAll(store, zips, uploads, threads, 0);
            double secs = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "full-pipeline ingest of zipped bundles (store + analyse + index + commit before "
                    + "acknowledging, %d concurrent uploaders, after 100 warm-up uploads): %d uploads in %.1f s = %.0f bundles/minute%n", threads, uploads, secs,
                    uploads / secs * 60);
        }
        return cases;
    }

    private static void uploadAll(IncidentStore store, List<byte[]> zips, int uploads, int threads, int offset)
            throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < uploads; i = next.getAndIncrement()) {
                        // a unique zip comment makes every upload new bytes, so deduplication saves nothing
                        byte[] zip = withComment(zips.get(i % zips.size()), offset + i);
                        store.ingest(List.of(Upload.of("bundle-" + (offset + i) + ".zip",
                                () -> new java.io.ByteArrayInputStream(zip))), "bench", List.of("pipeline"), Long.MAX_VALUE);
                    }
                    return null;
                }));
            }
            for (var job : jobs) {
                job.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IOException("pipeline upload failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] zip(IncidentStore scratch, Incident c) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Incident.StoredFile f : c.files()) {
                zip.putNextEntry(new java.util.zip.ZipEntry("bundle/" + f.name()));
                try (var in = scratch.bundles().open(f)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The zip with an appended end-of-central-directory comment: same members, different bytes. */
    private static byte[] withComment(byte[] zip, int i) {
        byte[] comment = ("upload " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(zip, zip.length + comment.length);
        // the comment length is the last two bytes of the end-of-central-directory record
        out[zip.length - 2] = (byte) comment.length;
        out[zip.length - 1] = 0;
        System.arraycopy(comment, 0, out, zip.length, comment.length);
        return out;
    }

    private static void bulk(IncidentStore store, List<Incident> templates, int n, PrintStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        Instant end = Instant.now();
        long start = System.nanoTime();
        List<Incident> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(variant(templates.get(random.nextInt(templates.size())), i, random, end));
            if (batch.size() == 2_000) {
                store.addAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.addAll(batch);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "bulk index of %d generated incidents (commit per 2,000): %.1f s = %.0f incidents/s;"
                + " index now holds %d%n", n, secs, n / secs, store.count());
    }

    static Incident variant(Incident t, int i, SplittableRandom r, Instant end) {
        AnalysisDocument a = t.analysis();
        AnalysisDocument.Host h = a.host();
        String[] kernels = {"5.15.0-" + (60 + r.nextInt(60)) + "-generic", "6.1.0-" + (10 + r.nextInt(20)) + "-amd64",
                "6.8.12-" + r.nextInt(10) + "-pve", "6.11." + r.nextInt(12) + "-300.fc41.x86_64", "5.4.0-" + r.nextInt(200)};
        String[] systems = {"ASUSTeK COMPUTER INC. PRIME X570-PRO", "Supermicro X11SPi-TF", "Dell Inc. PowerEdge R740",
                "Gigabyte Technology Co., Ltd. B450 AORUS M", "HPE ProLiant DL380 Gen10", "LENOVO ThinkSystem SR650"};
        AnalysisDocument.Host host = new AnalysisDocument.Host("lab-" + (i % 5000), h.cpuVendor(), h.cpuModel(),
                systems[r.nextInt(systems.length)], (r.nextBoolean() ? "1" : "F") + (10 + r.nextInt(90)),
                h.biosDate(), h.hypervisor(), kernels[r.nextInt(kernels.length)], h.distro(), h.cmdline(), h.iommu(),
                h.iommuMode(), h.firmwareTable(), h.interruptRemapping(), h.pciFunctions(), h.iommuGroups(), h.facts());
        AnalysisDocument doc = new AnalysisDocument(a.schema(), a.schemaVersion(), a.toolVersion(), a.partial(), host,
                a.summary(), a.findings(), a.notEvaluated(), a.notApplicable(), a.devices(), a.inputs(), a.skipped(),
                a.ruleErrors());
        List<Incident.DeviceFacts> devices = new ArrayList<>();
        for (Incident.DeviceFacts d : t.devices()) {
            String vd = d.vendorDevice() == null || r.nextInt(4) > 0 ? d.vendorDevice()
                    : String.format(Locale.ROOT, "%04x:%04x", r.nextInt(0x10000), r.nextInt(0x10000));
            devices.add(new Incident.DeviceFacts(d.address(), vd, d.classCode(), d.className(), d.driver(), d.group()));
        }
        Instant time = end.minus(Duration.ofMinutes(r.nextLong(365L * 24 * 60)));
        boolean resolved = r.nextInt(3) == 0;
        return new Incident(String.format(Locale.ROOT, "bench-%08d", i), time, "bench", List.of("generated"),
                resolved ? Incident.RESOLVED : Incident.OPEN, resolved ? "fixed by BIOS update " + r.nextInt(100) : "",
                resolved ? "bench" : "", time, t.files(), devices, doc);
    }

    private static void latency(IncidentStore store, PrintStream out) throws IOException {
        IncidentSearcher searcher = new IncidentSearcher(store);
        // first while the bulk load's merges may still run, then on the settled index
        measure(store, searcher, "just after the bulk load", out);
        long t = System.nanoTime();
        store.awaitMerges();
        out.printf(Locale.ROOT, "waited %.1f s for background merges%n", (System.nanoTime() - t) / 1e9);
        measure(store, searcher, "settled", out);
    }

    private static void measure(IncidentStore store, IncidentSearcher searcher, String label, PrintStream out)
            throws IOException {
        for (int i = 0; i < 3; i++) {
            for (String q : QUERIES) {
                searcher.search(SearchRequest.of(q));
            }
        }
        int rounds = 20;
        long[] all = new long[rounds * QUERIES.size()];
        int k = 0;
        StringBuilder perQuery = new StringBuilder();
        for (String q : QUERIES) {
            long[] mine = new long[rounds];
            long total = 0;
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                total = searcher.search(new SearchRequest(q, null, null,
                        i % 2 == 0 ? SearchRequest.Order.RELEVANCE : SearchRequest.Order.NEWEST, i % 3, 20)).total();
                mine[i] = System.nanoTime() - t;
                all[k++] = mine[i];
            }
            Arrays.sort(mine);
            perQuery.append(String.format(Locale.ROOT, "  %-40s hits %7d  p50 %6.1f ms  p95 %6.1f ms%n", q, total,
                    mine[rounds / 2] / 1e6, mine[(int) (rounds * 0.95)] / 1e6));
        }
        Arrays.sort(all);
        out.printf(Locale.ROOT, "search latency (%s) over %d incidents, %d searches (facets + histogram + highlights): "
                        + "p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", label, store.count(), all.length, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.95)] / 1e6, all[all.length - 1] / 1e6);
        out.print(perQuery);
    }
}
