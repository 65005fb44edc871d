package dev.iommudoctor.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.Role;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import dev.iommudoctor.server.web.WebUi;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access with tokens configured (as any non-loopback bind requires): every registered route and page,
 * found from the router itself so a new route cannot slip past, answers 401 without data to no token
 * and to a wrong one, 403 to a read token on upload routes; tokens never reach the log; uploads and
 * notes name their author; every answer carries the security headers.
 */
class AccessTest {

    private static final String READ_TOKEN = "reader-token-7Qm2xV9pL4sK8wZ1";
    private static final String UPLOAD_TOKEN = "uploader-token-3Hn6tB0rY5cJ2dF8";
    private static final String TOKENS = "carol:read:" + READ_TOKEN + ";dave:upload:" + UPLOAD_TOKEN;
    /** Routes that must answer without a token: health, the sign-in form, sign-out. */
    private static final Set<String> OPEN = Set.of("GET /api/health", "GET /login", "POST /login", "POST /logout");
    /** Routes that change incidents need the upload role. */
    private static final Set<String> UPLOAD_ONLY = Set.of("POST /api/incidents", "PATCH /api/incidents/{id}",
            "POST /api/incidents/{id}/status", "GET /upload");

    @TempDir
    Path data;
    @TempDir
    Path logs;
    private IncidentStore store;

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private Javalin app() throws Exception {
        store = SampleCases.openStore(data);
        return WebUi.server(Services.of(store, AccessTokens.fromEnv(TOKENS),
                new ServerConfig("0.0.0.0", 0, 10_000_000)));
    }

    private static List<String> routes(Javalin app) {
        List<String> out = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            HandlerType m = e.endpoint.method;
            if (m.isHttpMethod() && m != HandlerType.HEAD && m != HandlerType.OPTIONS) {
                out.add(m.name() + " " + e.endpoint.path);
            }
        }
        return out;
    }

    private static Response call(HttpClient client, String route, String id, String token) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{id}", id).replace("{index}", "0")
                .replace("<name>", "dmesg.txt");
        return client.request(path, b -> {
            var json = HttpRequest.BodyPublishers.ofString("{\"status\":\"resolved\",\"note\":\"x\",\"name\":\"n\",\"query\":\"*\"}");
            switch (method) {
                case "GET" -> b.get();
                case "POST" -> b.post(json);
                case "PATCH" -> b.patch(json);
                case "PUT" -> b.put(json);
                case "DELETE" -> b.delete(HttpRequest.BodyPublishers.noBody());
                default -> throw new AssertionError("no test call for " + route);
            }
            b.header("Content-Type", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
        });
    }

    @Test
    void everyRouteAndPageNeedsAValidTokenAndUploadRoutesTheUploadRole() throws Exception {
        Javalin app = app();
        JavalinTest.test(app, (server, client) -> {
            Response up = ApiTest.upload(client, SampleCases.zip(SampleCases.caseDir("RMRR-BAD-FIRMWARE",
                    "fires-when-bios-reports-bad-rmrr")), "secret-host.zip", UPLOAD_TOKEN);
            assertEquals(201, up.code());
            String id = ApiTest.json(up).get("id").asText();
            List<String> routes = routes(app);
            assertTrue(routes.size() >= 18, "router listing looks wrong: " + routes);
            Set<String> checked = new TreeSet<>();
            for (String route : routes) {
                assertHeaders(call(client, route, id, null), route);
                if (OPEN.contains(route)) {
                    continue;
                }
                for (String bad : new String[] {null, "wrong-token-0000000000000000", READ_TOKEN + "x", ""}) {
                    Response r = call(client, route, id, bad);
                    String body = r.body().string();
                    assertEquals(401, r.code(), route + " with token " + bad + ": " + body);
                    assertTrue(r.headers().get("WWW-Authenticate").get(0).startsWith("Bearer"), route);
                    assertFalse(body.contains(id) || body.contains("RMRR") || body.contains("secret-host"),
                            route + " leaked data in its 401: " + body);
                    assertHeaders(r, route);
                }
                Response asReader = call(client, route, id, READ_TOKEN);
                if (UPLOAD_ONLY.contains(route)) {
                    assertEquals(403, asReader.code(), route + " as reader");
                    assertFalse(asReader.body().string().contains("RMRR"), route);
                } else {
                    assertNotEquals(401, asReader.code(), route + " as reader");
                    assertNotEquals(403, asReader.code(), route + " as reader");
                }
                assertHeaders(asReader, route);
                checked.add(route);
            }
            assertTrue(checked.containsAll(Set.of("POST /api/incidents", "GET /api/search", "GET /incidents/{id}",
                    "GET /incidents/{id}/files/<name>", "GET /api/incidents/{id}/files/{index}", "GET /rules",
                    "DELETE /api/saved-searches/{id}")), "routes checked: " + checked);
            for (String route : UPLOAD_ONLY) {
                assertTrue(checked.contains(route), "upload route not registered any more? " + route);
            }
            // open answers carry the headers too: an asset, an unknown route, the sign-in form
            for (String open : new String[] {"/assets/app.css", "/no-such-route", "/api/no-such", "/login"}) {
                assertHeaders(client.get(open), open);
            }
            // a browser without a token is sent to sign in, never shown the page
            Response page = client.request("/incidents/" + id, b -> b.header("Accept", "text/html"));
            assertFalse(page.body().string().contains("RMRR"));
        });
    }

    @Test
    void uploadsAndNotesRecordTheirAuthor() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Response up = ApiTest.upload(client, SampleCases.zip(SampleCases.caseDir("RMRR-BAD-FIRMWARE",
                    "fires-when-bios-reports-bad-rmrr")), "x.zip", UPLOAD_TOKEN);
            JsonNode incident = ApiTest.json(up);
            assertEquals("dave", incident.get("uploader").asText());
            assertEquals("", incident.get("noteBy").asText());
            String id = incident.get("id").asText();
            Response patched = client.request("/api/incidents/" + id, b -> b.patch(
                    HttpRequest.BodyPublishers.ofString("{\"status\":\"resolved\",\"note\":\"BIOS 1801\"}"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + UPLOAD_TOKEN));
            assertEquals(200, patched.code());
            assertEquals("dave", ApiTest.json(patched).get("noteBy").asText());
            JsonNode again = ApiTest.json(client.get("/api/incidents/" + id,
                    b -> b.header("Authorization", "Bearer " + READ_TOKEN)));
            assertEquals("dave", again.get("noteBy").asText());
            assertEquals("BIOS 1801", again.get("note").asText());
            JsonNode byUploader = ApiTest.json(client.get("/api/search?q=uploader:dave",
                    b -> b.header("Authorization", "Bearer " + READ_TOKEN)));
            assertEquals(1, byUploader.get("total").asInt());
            String html = client.get("/incidents/" + id, b -> b.header("Authorization", "Bearer " + READ_TOKEN))
                    .body().string();
            assertTrue(html.contains("Last changed by dave"), "incident page does not say who wrote the note");
        });
    }

    @Test
    void tokenComparisonIsConstantTimeShapedAndExact() {
        AccessTokens tokens = AccessTokens.fromEnv(TOKENS);
        assertEquals("carol", tokens.authenticate(READ_TOKEN).orElseThrow().name());
        assertEquals(EnumSet.of(Role.READ, Role.UPLOAD), tokens.authenticate(UPLOAD_TOKEN).orElseThrow().roles());
        // prefixes, extensions, case changes and one-character changes are all strangers
        for (String near : new String[] {READ_TOKEN.substring(0, READ_TOKEN.length() - 1), READ_TOKEN + "1",
                READ_TOKEN.toUpperCase(), READ_TOKEN.replace('Q', 'q'), "", " ", null}) {
            assertEquals(Optional.empty(), tokens.authenticate(near), String.valueOf(near));
        }
        // timing: a near miss (same first 30 chars) and a far miss cost the same, because what is compared
        // is a SHA-256 digest (no shared prefix survives hashing) with MessageDigest.isEqual over every entry.
        // Medians of many runs keep this robust on a busy machine. Nanosecond differences of an early-exit
        // compare are below what a unit test can see, so the digest design (reviewed in AccessTokens) is
        // the real guarantee; this catches a gross regression such as a lookup that stops at a prefix.
        String near = READ_TOKEN.substring(0, READ_TOKEN.length() - 1) + "!";
        String far = "!" + "z".repeat(READ_TOKEN.length() - 1);
        for (int i = 0; i < 20_000; i++) {
            tokens.authenticate(near);
            tokens.authenticate(far);
        }
        long nearNs = medianNanos(tokens, near);
        long farNs = medianNanos(tokens, far);
        assertTrue(Math.max(nearNs, farNs) < 4 * Math.max(1, Math.min(nearNs, farNs)),
                "near " + nearNs + " ns vs far " + farNs + " ns");
    }

    private static long medianNanos(AccessTokens tokens, String candidate) {
        long[] t = new long[2001];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            tokens.authenticate(candidate);
            t[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    /**
     * The real server (child JVM, bound to 0.0.0.0 so the token rules apply as in production) handles
     * good, wrong and failing requests carrying tokens; its whole log must not contain any token.
     */
    @Test
    void tokensNeverReachTheServerLog() throws Exception {
        Path log = logs.resolve("server.log");
        String wrong = "wrong-but-long-token-5Gk1Xs8Pq3";
        try (ServerProcess server = ServerProcess.start(data, log, DurabilityTest.CHILD_JVM,
                Map.of("IOMMU_DOCTOR_TOKENS", TOKENS), "--bind", "0.0.0.0")) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Multipart body = new Multipart().file("file", "x.zip", SampleCases.zip(SampleCases.caseDir("RMRR-BAD-FIRMWARE",
                    "fires-when-bios-reports-bad-rmrr")));
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(server.uri("/api/incidents"))
                    .header("Authorization", "Bearer " + UPLOAD_TOKEN).header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, up.statusCode(), up.body());
            assertTrue(up.body().contains("\"uploader\":\"dave\""));
            for (String token : new String[] {READ_TOKEN, UPLOAD_TOKEN, wrong}) {
                for (String path : new String[] {"/api/search?q=rule:RMRR-*", "/api/search?q=%22unclosed",
                        "/api/incidents/nope", "/api/incidents/x/files/99", "/incidents/nope", "/rules",
                        "/login?next=/" + token}) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri(path))
                            .header("Authorization", "Bearer " + token).header("Cookie", "iommu_doctor_token=" + token)
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertFalse(r.body().contains(token) && !path.startsWith("/login"),
                            path + " echoed the token in its answer");
                }
                // a form sign-in with the token in the body (the failing one is answered 401)
                http.send(HttpRequest.newBuilder(server.uri("/login")).header("Content-Type",
                        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "token=" + token + "&next=/")).build(), HttpResponse.BodyHandlers.ofString());
                // a multipart upload refused for the role
                http.send(HttpRequest.newBuilder(server.uri("/api/incidents")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=broken")
                        .POST(HttpRequest.BodyPublishers.ofString("--broken\r\nnot a part")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            server.close();
            String text = server.log();
            assertTrue(text.contains("listening on"), "log not captured: " + text);
            for (String token : new String[] {READ_TOKEN, UPLOAD_TOKEN, wrong}) {
                assertFalse(text.contains(token), "token in the server log:\n" + text);
            }
        }
    }

    @Test
    void aNonLoopbackBindWithoutTokensRefusesToStart() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerProcess.start(data,
                logs.resolve("refused.log"), DurabilityTest.CHILD_JVM, Map.of(), "--bind", "0.0.0.0"));
        assertTrue(e.getMessage().contains("requires access tokens"), e.getMessage());
    }

    private static void assertHeaders(Response r, String route) {
        io.javalin.testtools.HttpHeaders h = r.headers();
        String csp = first(h, "Content-Security-Policy");
        assertNotNull(csp, route + " lacks a CSP");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval")
                && csp.contains("frame-ancestors 'none'"), route + ": " + csp);
        assertEquals("nosniff", first(h, "X-Content-Type-Options"), route);
        assertEquals("DENY", first(h, "X-Frame-Options"), route);
    }

    private static String first(io.javalin.testtools.HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
