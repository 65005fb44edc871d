package dev.iommudoctor.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.DiagnosticsServer;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTest {

    private static final String READ_TOKEN = "read-token-0123456789abcdef";
    private static final String UPLOAD_TOKEN = "upload-token-0123456789abcdef";

    @TempDir
    Path data;
    private IncidentStore store;

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private Javalin app(AccessTokens tokens, long maxUpload) throws Exception {
        store = SampleCases.openStore(data);
        return DiagnosticsServer.create(Services.of(store, tokens, new ServerConfig("127.0.0.1", 0, maxUpload)));
    }

    private Javalin app() throws Exception {
        return app(AccessTokens.none(), 10_000_000);
    }

    static Response upload(HttpClient client, byte[] zip, String name, String token) {
        Multipart body = new Multipart().file("file", name, zip).field("tags", "customer-a, lab");
        return client.request("/api/incidents", b -> {
            b.post(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).header("Content-Type", body.contentType());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
        });
    }

    static JsonNode json(Response r) throws Exception {
        return Json.mapper().readTree(r.body().string());
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static byte[] rmrrCase() {
        return SampleCases.zip(SampleCases.caseDir("RMRR-BAD-FIRMWARE", "fires-when-bios-reports-bad-rmrr"));
    }

    @Test
    void uploadAZippedCaseAnswers201WithIdAndFindingsThenGetReturnsIt() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Response r = upload(client, rmrrCase(), "case.zip", null);
            assertEquals(201, r.code(), r.body().string());
            JsonNode incident = json(r);
            String id = incident.get("id").asText();
            assertTrue(id.matches("\\d{8}-[0-9a-f]{12}"), id);
            assertEquals("local", incident.get("uploader").asText());
            assertEquals("open", incident.get("status").asText());
            assertEquals("customer-a", incident.get("tags").get(0).asText());
            assertEquals("RMRR-BAD-FIRMWARE", incident.at("/analysis/findings/0/ruleId").asText());
            assertEquals("/api/incidents/" + id, r.headers().get("Location").get(0));

            Response got = client.get("/api/incidents/" + id);
            assertEquals(200, got.code());
            assertEquals(id, json(got).get("id").asText());
            assertEquals("RMRR-BAD-FIRMWARE", json(got).at("/analysis/findings/0/ruleId").asText());

            Response file = client.get("/api/incidents/" + id + "/files/0");
            assertEquals(200, file.code());
            assertTrue(file.headers().get("Content-Type").get(0).startsWith("text/plain"));
            assertEquals(404, client.get("/api/incidents/" + id + "/files/9").code());
        });
    }

    @Test
    void searchWithFieldQueryGivesHitsFacetsAndHighlights() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            String rmrr = json(upload(client, rmrrCase(), "rmrr.zip", null)).get("id").asText();
            upload(client, SampleCases.zip(SampleCases.caseDir("VFIO-HOST-DRIVER-BOUND",
                    "fires-when-nvidia-wins-the-race-on-proxmox")), "nvidia.zip", null);

            JsonNode all = json(client.get("/api/search"));
            assertEquals(2, all.get("total").asInt());

            JsonNode r = json(client.get("/api/search?q=" + q("rule:RMRR-* AND \"bad RMRR\"")));
            assertEquals(1, r.get("total").asInt());
            JsonNode hit = r.get("hits").get(0);
            assertEquals(rmrr, hit.get("id").asText());
            assertTrue(hit.get("highlights").get(0).asText().contains("<mark>bad RMRR</mark>"), hit.toString());
            assertEquals("RMRR-BAD-FIRMWARE", r.at("/facets/rule/0/value").asText());
            assertEquals(1, r.at("/facets/rule/0/count").asInt());
            assertEquals(1, r.get("histogram").size());
            assertEquals(1, r.at("/histogram/0/count").asInt());

            JsonNode lower = json(client.get("/api/search?q=" + q("rule:rmrr-bad-firmware")));
            assertEquals(1, lower.get("total").asInt(), "keyword fields ignore case");

            JsonNode none = json(client.get("/api/search?q=RMRR&from=2001-01-01&to=2001-12-31"));
            assertEquals(0, none.get("total").asInt(), "date range excludes today's uploads");
        });
    }

    @Test
    void malformedQueryIs400WithTheParserMessage() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Response r = client.get("/api/search?q=" + q("rule:(RMRR AND"));
            assertEquals(400, r.code());
            JsonNode body = json(r);
            assertEquals("bad_request", body.get("error").asText());
            assertTrue(body.get("message").asText().startsWith("malformed query: "), body.toString());
            assertEquals(400, client.get("/api/search?q=x&sort=sideways").code());
            assertEquals(400, client.get("/api/search?q=x&page=-1").code());
            assertEquals(400, client.get("/api/search?q=" + q("a* b* c* d* e* f* g* h* i*")).code());
        });
    }

    @Test
    void unknownIncidentIs404AndEveryAnswerCarriesSecurityHeaders() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Response r = client.get("/api/incidents/nope");
            assertEquals(404, r.code());
            assertEquals("not_found", json(r).get("error").asText());
            assertEquals("nosniff", r.headers().get("X-Content-Type-Options").get(0));
            assertEquals("DENY", r.headers().get("X-Frame-Options").get(0));
            String csp = r.headers().get("Content-Security-Policy").get(0);
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        });
    }

    @Test
    void withTokensMissingOrWrongTokenIs401AndReadTokenCannotUpload() throws Exception {
        AccessTokens tokens = AccessTokens.fromEnv("alice:read:" + READ_TOKEN + ";bob:upload:" + UPLOAD_TOKEN);
        JavalinTest.test(app(tokens, 10_000_000), (server, client) -> {
            Response anonymous = client.get("/api/search?q=RMRR");
            assertEquals(401, anonymous.code());
            assertFalse(anonymous.body().string().contains("hits"));
            assertEquals(401, client.get("/api/search", b -> b.header("Authorization", "Bearer wrong-token-0123456789"))
                    .code());
            assertEquals(401, upload(client, rmrrCase(), "x.zip", null).code());
            assertEquals(403, upload(client, rmrrCase(), "x.zip", READ_TOKEN).code());

            Response ok = upload(client, rmrrCase(), "x.zip", UPLOAD_TOKEN);
            assertEquals(201, ok.code());
            assertEquals("bob", json(ok).get("uploader").asText());
            String id = json(ok).get("id").asText();
            assertEquals(401, client.get("/api/incidents/" + id).code());
            assertEquals(200, client.get("/api/incidents/" + id, b -> b.header("Authorization", "Bearer " + READ_TOKEN))
                    .code());
            assertEquals(200, client.get("/api/health").code());
        });
    }

    @Test
    void uploadOverTheLimitIs413() throws Exception {
        JavalinTest.test(app(AccessTokens.none(), 4_000), (server, client) -> {
            byte[] big = new byte[200_000];
            new java.util.Random(1).nextBytes(big);
            Response r = upload(client, big, "big.bin", null);
            assertEquals(413, r.code(), r.body().string());
            assertEquals("too_large", json(r).get("error").asText());
            assertEquals(0, store.count());
        });
    }

    @Test
    void chunkedUploadWithoutLengthOverTheLimitIs413Too() throws Exception {
        JavalinTest.test(app(AccessTokens.none(), 4_000), (server, client) -> {
            byte[] big = new byte[300_000];
            new java.util.Random(2).nextBytes(big);
            Multipart body = new Multipart().file("file", "big.bin", big);
            // an InputStream publisher has no length: the request goes out chunked
            Response r = client.request("/api/incidents", b -> b.post(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body.bytes()))).header("Content-Type", body.contentType()));
            assertEquals(413, r.code(), r.body().string());
            assertEquals(0, store.count());
        });
    }

    @Test
    void statusAndNoteUpdateAndSimilarIncidents() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            String a = json(upload(client, rmrrCase(), "a.zip", null)).get("id").asText();
            String b = json(upload(client, SampleCases.zip(SampleCases.caseDir("VFIO-HOST-DRIVER-BOUND",
                    "fires-when-nvidia-wins-the-race-on-proxmox")), "b.zip", null)).get("id").asText();
            // the same case again, from another engineer: the most similar by rules
            String c = json(upload(client, rmrrCase(), "c.zip", null)).get("id").asText();

            Response patched = client.request("/api/incidents/" + a, r -> r.patch(HttpRequest.BodyPublishers.ofString(
                    "{\"status\":\"resolved\",\"note\":\"fixed by BIOS 1801\"}")).header("Content-Type", "application/json"));
            assertEquals(200, patched.code(), patched.body().string());
            assertEquals("resolved", json(patched).get("status").asText());
            assertEquals(400, client.request("/api/incidents/" + a, r -> r.patch(HttpRequest.BodyPublishers.ofString(
                    "{\"status\":\"closed\"}")).header("Content-Type", "application/json")).code());

            JsonNode resolved = json(client.get("/api/search?q=" + q("status:resolved AND note:BIOS")));
            assertEquals(1, resolved.get("total").asInt());
            assertEquals(a, resolved.at("/hits/0/id").asText());

            JsonNode similar = json(client.get("/api/incidents/" + c + "/similar"));
            assertEquals(a, similar.at("/similar/0/id").asText());
            assertEquals("RMRR-BAD-FIRMWARE", similar.at("/similar/0/sharedRules/0").asText());
            assertEquals("fixed by BIOS 1801", similar.at("/similar/0/note").asText());
            assertEquals(404, client.get("/api/incidents/nope/similar").code());
            assertTrue(similar.get("similar").size() <= 2);
            assertNotEquals(c, similar.at("/similar/1/id").asText());
            assertNotNull(b);
        });
    }

    @Test
    void savedSearchesAndRules() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            Response saved = client.request("/api/saved-searches", r -> r.post(HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"bad RMRR\",\"query\":\"rule:RMRR-*\"}")).header("Content-Type", "application/json"));
            assertEquals(201, saved.code(), saved.body().string());
            JsonNode list = json(client.get("/api/saved-searches"));
            assertEquals("rule:RMRR-*", list.at("/0/query").asText());
            assertEquals(400, client.request("/api/saved-searches", r -> r.post(HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"broken\",\"query\":\"rule:(\"}")).header("Content-Type", "application/json")).code());

            JsonNode rules = json(client.get("/api/rules"));
            assertTrue(rules.size() >= 9);
            boolean rmrr = false;
            for (JsonNode r : rules) {
                rmrr |= r.get("id").asText().equals("RMRR-BAD-FIRMWARE") && r.get("matrixRow").asText().equals("RMRR");
            }
            assertTrue(rmrr, rules.toString());
        });
    }
}
