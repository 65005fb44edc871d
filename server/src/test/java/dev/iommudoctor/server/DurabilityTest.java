package dev.iommudoctor.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iommudoctor.server.store.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server in a child JVM gets a bulk ingest over HTTP from several uploaders and is SIGKILLed
 * at a random moment, then restarted on the same data directory, many times. After every restart the
 * index opens, every acknowledged incident (a 201 was received) is there, found by {@code GET} and by
 * a search on its id, and no id appears twice. Unacknowledged uploads may or may not be there.
 *
 * <p>Normal suite: {@value #KILLS} kills, stopping early after a minute on a busy machine (never fewer than
 * {@value #MIN_KILLS}); {@code -Preliability} (system property {@code reliability=true}): {@value #RELIABILITY_KILLS}. The seed is printed, {@code -Ddurability.seed=N}
 * replays a run.
 */
class DurabilityTest {

    private static final int KILLS = 20;
    private static final int RELIABILITY_KILLS = 100;
    private static final int MIN_KILLS = 12;
    private static final int UPLOADERS = 4;
    /** The child gets C1 only and a small heap: quick restarts are what this test is made of. */
    static final List<String> CHILD_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");

    @TempDir
    Path data;
    @TempDir
    Path logs;

    @Test
    void sigkillDuringBulkIngestLosesAndDuplicatesNothingAcknowledged() throws Exception {
        int kills = Boolean.getBoolean("reliability") ? RELIABILITY_KILLS : Integer.getInteger("durability.kills", KILLS);
        long seed = Long.getLong("durability.seed", System.nanoTime());
        Random random = new Random(seed);
        List<byte[]> bundles = SampleCases.all().stream().map(SampleCases::zip).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Set<String> acknowledged = new HashSet<>();
        int survived = 0;
        int killedInFlight = 0;
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(Long.getLong("durability.seconds",
                Boolean.getBoolean("reliability") ? 1800 : 60)).toNanos();
        for (int round = 0; ; round++) {
            ServerProcess server = ServerProcess.start(data, logs.resolve("server.log"), CHILD_JVM, Map.of());
            try {
                // the restart itself is the check of the previous kill: the index opened, now verify its content
                verifyAll(http, server, acknowledged, "after kill " + round + " (seed " + seed + ")");
                // a busy machine gets fewer kills in the normal suite (time bound), never fewer than MIN_KILLS
                if (round == kills || round >= MIN_KILLS && System.nanoTime() > deadline) {
                    break;
                }
                Queue<String> acked = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> uploaders = new ArrayList<>();
                for (int u = 0; u < UPLOADERS; u++) {
                    int first = random.nextInt(bundles.size());
                    Thread t = new Thread(() -> uploadUntilStopped(http, server, bundles, first, stop, acked),
                            "uploader-" + u);
                    t.start();
                    uploaders.add(t);
                }
                // a random point: after 0-4 acknowledged uploads (a fresh JVM is slow to answer the first),
                // plus 0-400 ms, so the kill lands anywhere in store / analyse / index / commit / answer
                int afterAcks = random.nextInt(5);
                long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (acked.size() < afterAcks && System.nanoTime() < waitUntil) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(401));
                server.kill();
                stop.set(true);
                for (Thread t : uploaders) {
                    t.join(10_000);
                }
                int before = acknowledged.size();
                acknowledged.addAll(acked);
                assertEquals(before + acked.size(), acknowledged.size(), "the server gave one id to two uploads");
                killedInFlight++;
                survived++;
            } finally {
                server.kill();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("durability: %d SIGKILLs survived (%d during ingest), %d acknowledged incidents all present "
                + "and unique after every restart, %.1f s, seed %d%n", survived, killedInFlight, acknowledged.size(),
                seconds, seed);
        assertTrue(survived >= Math.min(kills, MIN_KILLS), "only " + survived + " kills");
        assertTrue(acknowledged.size() >= kills, "too few uploads acknowledged to mean anything: " + acknowledged.size());
    }

    private static void uploadUntilStopped(HttpClient http, ServerProcess server, List<byte[]> bundles, int first,
                                           AtomicBoolean stop, Queue<String> acked) {
        for (int i = first; !stop.get(); i++) {
            Multipart body = new Multipart().file("file", "bulk-" + i + ".zip", bundles.get(i % bundles.size()))
                    .field("tags", "durability");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("/api/incidents"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", body.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    acked.add(Json.mapper().readTree(r.body()).get("id").asText());
                } else {
                    throw new AssertionError("upload answered " + r.statusCode() + ": " + r.body());
                }
            } catch (IOException killed) {
                return;   // the server died mid-request: this upload was not acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every acknowledged id is listed exactly once and answers GET; the newest are also searched by id. */
    static void verifyAll(HttpClient http, ServerProcess server, Set<String> acknowledged, String when)
            throws IOException, InterruptedException {
        List<String> listed = new ArrayList<>();
        int total = -1;
        for (int page = 0; total < 0 || listed.size() < total; page++) {
            JsonNode r = get(http, server, "/api/search?q=*&sort=oldest&size=100&page=" + page);
            total = r.get("total").asInt();
            if (r.get("hits").isEmpty()) {
                break;
            }
            r.get("hits").forEach(h -> listed.add(h.get("id").asText()));
        }
        Set<String> unique = new HashSet<>(listed);
        assertEquals(listed.size(), unique.size(), when + ": duplicated incidents in the index");
        assertEquals(total, listed.size(), when + ": search total disagrees with the listing");
        for (String id : acknowledged) {
            assertTrue(unique.contains(id), when + ": acknowledged incident lost: " + id);
        }
        // searchable by id, one hit each (a sample keeps the restart loop fast; the listing above covers all)
        int n = 0;
        for (String id : acknowledged) {
            if (n++ % 7 != 0) {
                continue;
            }
            JsonNode hit = get(http, server, "/api/search?q=" + URLEncoder.encode("id:\"" + id + "\"", StandardCharsets.UTF_8));
            assertEquals(1, hit.get("total").asInt(), when + ": search id:" + id);
            assertEquals(id, get(http, server, "/api/incidents/" + id).get("id").asText());
        }
    }

    private static JsonNode get(HttpClient http, ServerProcess server, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        return Json.mapper().readTree(r.body());
    }
}
