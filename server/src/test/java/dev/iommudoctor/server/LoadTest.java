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
 */
class LoadTest {

    private static final int UPLOADERS = 4;
    private static final int UPLOADS_EACH = 10;
    private static final int SEARCHERS = 4;
    private static final int SEARCHES_EACH = 40;

    @TempDir
    Path data;

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
