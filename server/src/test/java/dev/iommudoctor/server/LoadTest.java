package dev.iommudoctor.server;

import static org.junit.jupiter.api.Assertions.*;

import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.DiagnosticsServer;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.IncidentStore;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent uploads and searches on loopback, bounded in count and time: no error answer, and every
 * acknowledged (201) incident is found afterwards, in the index and after a restart.
 *
 * <p>{@link #realServerHoldsLoadWithoutErrorsLossOrMemoryGrowth} drives the real server in a child JVM:
 * {@value #ROUNDS} rounds of 8 uploaders + 16 searchers for 2 s in the normal suite, 16 + 64 for 30 s
 * under {@code -Preliability}; it prints throughput and p50/p95/p99 latencies and checks the live heap
 * after a full GC does not grow from round to round. {@link Bench#main} prints the same figures.
 */
class LoadTest {

    static final int ROUNDS = 3;
    /** The child's heap cap: RSS must stay within it plus the JVM's own overhead. */
    static final List<String> LOAD_JVM = List.of("-Xmx512m");
    private static final long RSS_LIMIT_KIB = 1024 * 1024;

    private static final int UPLOADERS = 4;
    private static final int UPLOADS_EACH = 10;
    private static final int SEARCHERS = 4;
    private static final int SEARCHES_EACH = 40;

    @TempDir
    Path data;
    @TempDir
    Path logs;

    @org.junit.jupiter.api.Test
    void realServerHoldsLoadWithoutErrorsLossOrMemoryGrowth() throws Exception {
        boolean reliability = Boolean.getBoolean("reliability");
        int uploaders = reliability ? 16 : 8;
        int searchers = reliability ? 64 : 16;
        java.time.Duration each = java.time.Duration.ofSeconds(Long.getLong("load.seconds", reliability ? 30 : 2));
        List<long[]> memory = Bench.rounds(data, logs.resolve("server.log"), uploaders, searchers, each, ROUNDS,
                System.out);
        long firstLive = memory.get(0)[0];
        long lastLive = memory.get(memory.size() - 1)[0];
        if (firstLive > 0) {
            // the index grows a little every round (more segments, terms); a leak grows with the requests
            assertTrue(lastLive <= firstLive * 3 / 2 + 32 * 1024,
                    "live heap grew from " + firstLive + " KiB to " + lastLive + " KiB across rounds");
        }
        for (long[] m : memory) {
            assertTrue(m[1] < RSS_LIMIT_KIB, "server RSS " + m[1] + " KiB over " + RSS_LIMIT_KIB);
        }
    }

    /**
     * The load figures without JUnit: {@code java -cp <server test classpath> dev.iommudoctor.server.LoadTest\$Bench
     * [UPLOADERS SEARCHERS SECONDS ROUNDS]} (defaults 16 64 30 3) against a fresh child server.
     */
    public static final class Bench {
        public static void main(String[] args) throws Exception {
            int uploaders = args.length > 0 ? Integer.parseInt(args[0]) : 16;
            int searchers = args.length > 1 ? Integer.parseInt(args[1]) : 64;
            long seconds = args.length > 2 ? Long.parseLong(args[2]) : 30;
            int rounds = args.length > 3 ? Integer.parseInt(args[3]) : ROUNDS;
            Path dir = java.nio.file.Files.createTempDirectory("iommu-doctor-load");
            rounds(dir.resolve("data"), dir.resolve("server.log"), uploaders, searchers,
                    java.time.Duration.ofSeconds(seconds), rounds, System.out);
            System.out.println("data and server log in " + dir);
        }

        /**
         * Runs the rounds on one child server; after each: every acknowledged incident listed once, then
         * {live heap KiB after full GC, RSS KiB}. Fails on any error.
         */
        static List<long[]> rounds(Path data, Path log, int uploaders, int searchers, java.time.Duration each,
                                   int rounds, java.io.PrintStream out) throws Exception {
            List<byte[]> bundles = SampleCases.all().stream().map(SampleCases::zip).toList();
            java.util.Set<String> acknowledged = new java.util.HashSet<>();
            List<long[]> memory = new java.util.ArrayList<>();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            try (ServerProcess server = ServerProcess.start(data, log, LOAD_JVM, java.util.Map.of())) {
                for (int round = 1; round <= rounds; round++) {
                    LoadGenerator.Result r = LoadGenerator.run(server, bundles, uploaders, searchers, each);
                    if (!r.errors().isEmpty()) {
                        throw new AssertionError("round " + round + ": " + r.errors().size() + " errors, first: "
                                + r.errors().subList(0, Math.min(5, r.errors().size())));
                    }
                    int before = acknowledged.size();
                    acknowledged.addAll(r.acknowledged());
                    assertEquals(before + r.acknowledged().size(), acknowledged.size(), "an id was given twice");
                    DurabilityTest.verifyAll(http, server, acknowledged, "after load round " + round);
                    long live = server.liveHeapKib();
                    long rss = server.rssKib();
                    memory.add(new long[] {live, rss});
                    out.printf(java.util.Locale.ROOT, "load round %d: %s; %d incidents in the index, all present; "
                            + "live heap after full GC %d MiB, RSS %d MiB%n", round, r.summary(), acknowledged.size(),
                            live / 1024, rss / 1024);
                }
            }
            return memory;
        }
    }

    @Test
    void concurrentUploadsAndSearchesLoseNothing() throws Exception {
        List<Path> cases = SampleCases.all();
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger searches = new AtomicInteger();
        IncidentStore store = SampleCases.openStore(data);
        try {
            var app = DiagnosticsServer.create(Services.of(store, AccessTokens.none(),
                    new ServerConfig("127.0.0.1", 0, 10_000_000)));
            JavalinTest.test(app, (server, client) -> {
                ExecutorService pool = Executors.newFixedThreadPool(UPLOADERS + SEARCHERS);
                try {
                    List<Future<?>> jobs = new java.util.ArrayList<>();
                    for (int u = 0; u < UPLOADERS; u++) {
                        int offset = u;
                        jobs.add(pool.submit(() -> {
                            for (int i = 0; i < UPLOADS_EACH; i++) {
                                byte[] zip = SampleCases.zip(cases.get((offset * UPLOADS_EACH + i) % cases.size()));
                                Response r = ApiTest.upload(client, zip, "load.zip", null);
                                if (r.code() == 201) {
                                    acknowledged.add(ApiTest.json(r).get("id").asText());
                                } else {
                                    errors.add("upload " + r.code() + " " + r.body().string());
                                }
                            }
                            return null;
                        }));
                    }
                    String[] queries = {"rule:RMRR-*", "driver:vfio-pci", "\"bad RMRR\"", "*", "cpu:amd AND kernel:6.*"};
                    for (int s = 0; s < SEARCHERS; s++) {
                        jobs.add(pool.submit(() -> {
                            for (int i = 0; i < SEARCHES_EACH; i++) {
                                String q = URLEncoder.encode(queries[i % queries.length], StandardCharsets.UTF_8);
                                Response r = client.get("/api/search?q=" + q + "&sort=newest");
                                if (r.code() != 200) {
                                    errors.add("search " + r.code() + " " + r.body().string());
                                }
                                searches.incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : jobs) {
                        f.get(120, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertEquals(List.of(), List.copyOf(errors));
                assertEquals(UPLOADERS * UPLOADS_EACH, acknowledged.size());
                assertEquals(SEARCHERS * SEARCHES_EACH, searches.get());
                String all = client.get("/api/search?size=1").body().string();
                assertTrue(all.contains("\"total\":" + acknowledged.size()), all.substring(0, 80));
            });
        } finally {
            store.close();
        }
        try (IncidentStore reopened = SampleCases.openStore(data)) {
            assertEquals(acknowledged.size(), reopened.count());
            for (String id : acknowledged) {
                assertTrue(reopened.get(id).isPresent(), id);
            }
        }
    }
}
