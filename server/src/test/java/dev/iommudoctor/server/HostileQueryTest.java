package dev.iommudoctor.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.DiagnosticsServer;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile search queries against a server holding every sample incident: each gets a clear 400 or
 * an answer, none hangs a worker (after each one the server still answers a simple search). The 60 s
 * guard is a hang detector, not a speed target.
 */
class HostileQueryTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path data;
    private IncidentStore store;

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    /** The query and whether it must be refused (true) or may be answered (false). */
    private static Map<String, Boolean> queries() {
        Map<String, Boolean> q = new LinkedHashMap<>();
        q.put("rule:(RMRR AND", true);
        q.put("\"unterminated phrase", true);
        q.put("a:b:c:d ]]] {{{", true);
        q.put("AND OR NOT", true);
        q.put("/[a-/", true);
        q.put("field:[2026 TO", true);
        q.put("\\", true);
        q.put("*rmrr", false);
        q.put("*", false);
        q.put("?m?r*", false);
        q.put("rule:*-*", false);
        q.put("*a* *b* *c* *d* *e* *f* *g* *h* *i* *j*", true);
        q.put("/(a+)+b/", false);
        q.put("/((a*)*)*b/", false);
        q.put("/.{1,1000}{1,1000}{1,1000}/", true);
        q.put("/" + "(a|aa)*".repeat(40) + "c/", false); // minimises to a*c: answered
        q.put(IntStream.range(0, 20).mapToObj(i -> "gpu" + i + "~2").collect(Collectors.joining(" OR ")), true);
        q.put("vfio~2 iommu~2 dmar~2", false);
        q.put(IntStream.range(0, 999).mapToObj(i -> Character.toString('a' + i % 26)).collect(Collectors.joining(" ")), false);
        q.put(IntStream.range(0, 3000).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR ")), true);
        q.put("(".repeat(900) + "x" + ")".repeat(900), false);
        q.put("x".repeat(100_000), true);
        q.put("\u0000\u001b[2J<script>alert(1)</script>", false);
        return q;
    }

    @Test
    void hostileQueriesGetA400OrAnAnswerAndNeverHangTheServer() throws Exception {
        store = SampleCases.openStore(data);
        SampleCases.ingestAll(store);
        var app = DiagnosticsServer.create(Services.of(store, AccessTokens.none(), new ServerConfig("127.0.0.1", 0, 10_000_000)));
        List<String> report = new ArrayList<>();
        JavalinTest.test(app, (server, client) -> {
            for (Map.Entry<String, Boolean> e : queries().entrySet()) {
                String query = e.getKey();
                String shown = query.length() > 60 ? query.substring(0, 60) + "... (" + query.length() + " chars)" : query;
                long start = System.nanoTime();
                Response r = assertTimeoutPreemptively(HANG_GUARD, () -> client.get("/api/search?q=" + enc(query)), shown);
                long ms = (System.nanoTime() - start) / 1_000_000;
                String body = r.body().string();
                report.add(r.code() + " " + ms + " ms  " + shown);
                System.out.println("hostile query: " + report.get(report.size() - 1));
                assertFalse(body.contains("\tat ") || body.contains("Exception"), "no stack trace: " + body);
                if (r.code() == 414) {
                    // Jetty refuses a request line over its 8 KiB buffer before any search code runs
                    assertTrue(e.getValue() && query.length() > 8_000, shown);
                } else if (e.getValue()) {
                    assertEquals(400, r.code(), shown + " -> " + body);
                    JsonNode err = Json.mapper().readTree(body);
                    assertFalse(err.toString().isBlank());
                    assertTrue(body.length() < 2_000, "the error does not echo a huge query back: " + body.length());
                } else {
                    assertTrue(r.code() == 200 || r.code() == 400, shown + " -> " + r.code() + " " + body);
                }
                Response simple = assertTimeoutPreemptively(HANG_GUARD, () -> client.get("/api/search?q=rmrr"));
                assertEquals(200, simple.code(), "server still answers after " + shown);
                assertTrue(Json.mapper().readTree(simple.body().string()).path("total").asLong() > 0, "and finds");
            }
            // a saved search is parsed with the same guards
            String bomb = "{\"name\":\"bomb\",\"query\":\"" + IntStream.range(0, 20).mapToObj(i -> "g" + i + "~2")
                    .collect(Collectors.joining(" OR ")) + "\"}";
            Response saved = client.request("/api/saved-searches", b -> b.post(HttpRequest.BodyPublishers.ofString(bomb))
                    .header("Content-Type", "application/json"));
            assertEquals(400, saved.code(), saved.body().string());
            // the HTML search page takes the same parameter
            Response page = assertTimeoutPreemptively(HANG_GUARD, () -> client.get("/?q=" + enc("/(a+)+b/")));
            assertTrue(page.code() < 500, "page answers: " + page.code());
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
