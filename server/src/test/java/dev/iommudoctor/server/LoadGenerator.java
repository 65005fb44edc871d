package dev.iommudoctor.server;

import dev.iommudoctor.server.store.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop load on one server over loopback HTTP: {@code uploaders} threads post zipped sample
 * cases, {@code searchers} threads run a mix of field, phrase, wildcard and match-all searches, all for
 * a fixed time. Every non-2xx answer or I/O error is an error; every 201 id is kept for the caller to
 * check. Latencies are per request, from send to the complete answer.
 */
final class LoadGenerator {

    static final String[] QUERIES = {"rule:RMRR-*", "driver:vfio-pci", "\"bad RMRR\"", "*", "cpu:amd AND kernel:6.*",
        "NOT status:resolved", "tag:load", "severity:ERROR OR severity:WARNING", "pciid:10de\\:*", "iommu group"};

    private LoadGenerator() {
    }

    /** What one run did. Latencies in microseconds. */
    record Result(int uploaders, int searchers, double seconds, long[] uploadMicros, long[] searchMicros,
                  List<String> acknowledged, List<String> errors) {

        double uploadsPerSecond() {
            return uploadMicros.length / seconds;
        }

        double searchesPerSecond() {
            return searchMicros.length / seconds;
        }

        String summary() {
            return String.format(Locale.ROOT, "%d uploaders + %d searchers, %.1f s: %d uploads (%.1f/s; p50 %s, "
                    + "p95 %s, p99 %s), %d searches (%.0f/s; p50 %s, p95 %s, p99 %s), %d errors", uploaders, searchers,
                    seconds, uploadMicros.length, uploadsPerSecond(), ms(uploadMicros, 50), ms(uploadMicros, 95),
                    ms(uploadMicros, 99), searchMicros.length, searchesPerSecond(), ms(searchMicros, 50),
                    ms(searchMicros, 95), ms(searchMicros, 99), errors.size());
        }
    }

    /** The p-th percentile (nearest rank) of sorted values; 0 when empty. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String ms(long[] sortedMicros, int p) {
        return String.format(Locale.ROOT, "%.1f ms", percentile(sortedMicros, p) / 1000.0);
    }

    static Result run(ServerProcess server, List<byte[]> bundles, int uploaders, int searchers, Duration duration)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Queue<Long> uploadTimes = new ConcurrentLinkedQueue<>();
        Queue<Long> searchTimes = new ConcurrentLinkedQueue<>();
        Queue<String> acked = new ConcurrentLinkedQueue<>();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < uploaders; u++) {
            int first = u;
            threads.add(new Thread(() -> {
                for (int i = first; !stop.get(); i += uploaders) {
                    Multipart body = new Multipart().file("file", "load-" + i + ".zip", bundles.get(i % bundles.size()))
                            .field("tags", "load");
                    HttpRequest req = HttpRequest.newBuilder(server.uri("/api/incidents")).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", body.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
                    String answer = send(http, req, 201, uploadTimes, errors);
                    if (answer != null) {
                        try {
                            acked.add(Json.mapper().readTree(answer).get("id").asText());
                        } catch (IOException e) {
                            errors.add("upload answer is not JSON: " + e.getMessage());
                        }
                    }
                }
            }, "load-uploader-" + u));
        }
        for (int s = 0; s < searchers; s++) {
            int first = s;
            threads.add(new Thread(() -> {
                for (int i = first; !stop.get(); i++) {
                    String q = URLEncoder.encode(QUERIES[i % QUERIES.length], StandardCharsets.UTF_8);
                    String sort = i % 3 == 0 ? "newest" : "relevance";
                    HttpRequest req = HttpRequest.newBuilder(server.uri("/api/search?q=" + q + "&sort=" + sort))
                            .timeout(Duration.ofSeconds(30)).build();
                    send(http, req, 200, searchTimes, errors);
                }
            }, "load-searcher-" + s));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join(90_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(uploaders, searchers, seconds, sorted(uploadTimes), sorted(searchTimes), List.copyOf(acked),
                List.copyOf(errors));
    }

    /** The body when the answer has the expected status, else null (and an error is recorded). */
    private static String send(HttpClient http, HttpRequest req, int expected, Queue<Long> times, Queue<String> errors) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - t0) / 1000);
            if (r.statusCode() != expected) {
                errors.add(req.method() + " " + req.uri().getPath() + " -> " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
                return null;
            }
            return r.body();
        } catch (IOException e) {
            errors.add(req.method() + " " + req.uri().getPath() + " -> " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long[] sorted(Queue<Long> q) {
        long[] a = q.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
