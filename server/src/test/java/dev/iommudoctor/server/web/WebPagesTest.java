package dev.iommudoctor.server.web;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iommudoctor.server.SampleCases;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Upload;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page routes through Javalin's test client: status, content type, security headers, escaping. */
class WebPagesTest {

    @TempDir
    Path data;
    private IncidentStore store;

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    private Javalin app(AccessTokens tokens) throws Exception {
        store = SampleCases.openStore(data);
        return WebUi.server(Services.of(store, tokens, new ServerConfig("127.0.0.1", 0, 10_000_000)));
    }

    private Incident hostileIncident() throws Exception {
        byte[] zip = HostileSample.zip();
        return store.ingest(List.of(Upload.of("bundle.zip", () -> new ByteArrayInputStream(zip))), "test",
                List.of("<b>tag</b>"), 10_000_000);
    }

    private static String header(Response r, String name) {
        List<String> values = r.headers().get(name);
        assertFalse(values == null || values.isEmpty(), "no header " + name);
        return values.get(0);
    }

    private static void assertHtmlPage(Response r) {
        assertEquals("text/html;charset=utf-8", header(r, "Content-Type").replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        assertTrue(header(r, "Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
    }

    @Test
    void searchAndUploadPagesAreHtmlShellsLoadingTheirScripts() throws Exception {
        JavalinTest.test(app(AccessTokens.none()), (server, client) -> {
            Response search = client.get("/");
            assertEquals(200, search.code());
            assertHtmlPage(search);
            String html = search.body().string();
            assertTrue(html.contains("<script type=\"module\" src=\"/assets/search.js\"></script>"));
            assertTrue(html.contains("id=\"q\""));
            assertFalse(html.contains("style=\""), "the CSP forbids inline styles");

            Response upload = client.get("/upload");
            assertEquals(200, upload.code());
            String up = upload.body().string();
            assertTrue(up.contains("type=\"file\" multiple"));
            assertTrue(up.contains("/assets/upload.js"));
        });
    }

    @Test
    void assetsAreServedFromTheJarWithTheirTypesAndHeaders() throws Exception {
        JavalinTest.test(app(AccessTokens.none()), (server, client) -> {
            for (String js : List.of("common.js", "search.js", "upload.js", "incident.js")) {
                Response r = client.get("/assets/" + js);
                assertEquals(200, r.code(), js);
                assertTrue(header(r, "Content-Type").contains("javascript"), header(r, "Content-Type"));
                String body = r.body().string();
                assertFalse(body.contains("innerHTML"), js + " must build nodes with textContent, never innerHTML");
            }
            Response css = client.get("/assets/app.css");
            assertEquals(200, css.code());
            assertTrue(header(css, "Content-Type").startsWith("text/css"));
            assertEquals("nosniff", header(css, "X-Content-Type-Options"));
            assertEquals(404, client.get("/assets/nothing.js").code());
        });
    }

    @Test
    void incidentPageShowsUploadedMarkupAsText() throws Exception {
        Javalin app = app(AccessTokens.none());
        Incident incident = hostileIncident();
        JavalinTest.test(app, (server, client) -> {
            Response r = client.get("/incidents/" + incident.id());
            assertEquals(200, r.code());
            assertHtmlPage(r);
            String html = r.body().string();
            assertFalse(html.contains(HostileSample.SCRIPT), "raw script tag from the upload");
            assertFalse(html.contains("<img"), "raw img tag from the upload");
            assertFalse(html.contains("<b>tag</b>"));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;"),
                    "the evidence line is shown as text");
            assertTrue(html.contains("The firmware (&lt;script&gt;alert(1)&lt;/script&gt;"), "message escaped");
            assertTrue(html.contains("data-rule=\"RMRR-BAD-FIRMWARE\""));
            assertTrue(html.contains("<h3 class=\"sev-heading sev-warning\">Warnings</h3>"));
            assertTrue(html.contains("<table class=\"devices\">"), "device readiness table");
            assertTrue(html.contains("<code>0000:00:02.0</code>"));
            assertTrue(html.contains("id=\"resolution\""));
            assertTrue(html.contains("<dt>Kernel</dt><dd>6.8.12-4-pve</dd>"));
            assertTrue(html.contains("/incidents/" + incident.id() + "/files/bundle.zip!/" + HostileSample.CASE
                    + "/dmesg.txt#L" + HostileSample.EVIDENCE_LINE), "evidence links to the raw view at its line");
        });
    }

    @Test
    void rawFileViewHasLineAnchorsAndEscapesEveryLine() throws Exception {
        Javalin app = app(AccessTokens.none());
        Incident incident = hostileIncident();
        JavalinTest.test(app, (server, client) -> {
            Response page = client.get("/incidents/" + incident.id());
            Matcher link = Pattern.compile("href=\"(/incidents/[^\"#]+/dmesg\\.txt)#L73\"").matcher(page.body().string());
            assertTrue(link.find(), "evidence link");
            Response r = client.get(link.group(1));
            assertEquals(200, r.code());
            assertHtmlPage(r);
            String html = r.body().string();
            assertTrue(html.contains("<span class=\"l\" id=\"L73\"><a class=\"n\" href=\"#L73\">73</a>"));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertFalse(html.contains(HostileSample.SCRIPT));
            assertFalse(html.contains("<img"));
            long lines = Files.readString(HostileSample.caseDir().resolve("dmesg.txt")).lines().count();
            assertTrue(html.contains("id=\"L" + lines + "\""), "every line numbered");
            assertFalse(html.contains("id=\"L" + (lines + 1) + "\""));

            assertEquals(404, client.get("/incidents/" + incident.id() + "/files/bundle.zip!/nothing.txt").code());
            assertEquals(404, client.get("/incidents/" + incident.id() + "/files/..%2F..%2Fetc%2Fpasswd").code());
        });
    }

    @Test
    void looseFileUploadsLinkToTheFileItself() throws Exception {
        Javalin app = app(AccessTokens.none());
        Incident incident = store.ingest(SampleCases.uploads(HostileSample.caseDir()), "test", List.of(), 10_000_000);
        JavalinTest.test(app, (server, client) -> {
            Response r = client.get("/incidents/" + incident.id() + "/files/dmesg.txt");
            assertEquals(200, r.code());
            assertTrue(r.body().string().contains("id=\"L74\""));
        });
    }

    @Test
    void unknownIncidentIsA404Page() throws Exception {
        JavalinTest.test(app(AccessTokens.none()), (server, client) -> {
            Response r = client.get("/incidents/20260101-000000000000");
            assertEquals(404, r.code());
            assertHtmlPage(r);
            assertTrue(r.body().string().contains("There is no incident 20260101-000000000000."));
            Response hostile = client.get("/incidents/%3Cscript%3E");
            assertEquals(404, hostile.code());
            assertFalse(hostile.body().string().contains("<script>"));
        });
    }

    @Test
    void rulesPageListsEveryRuleWithItsDocs() throws Exception {
        JavalinTest.test(app(AccessTokens.none()), (server, client) -> {
            JsonNode rules = dev.iommudoctor.server.store.Json.mapper().readTree(client.get("/api/rules").body().string());
            Response r = client.get("/rules");
            assertEquals(200, r.code());
            assertHtmlPage(r);
            String html = r.body().string();
            assertEquals(dev.iommudoctor.rules.engine.BuiltInRules.all().size(), rules.size());
            assertTrue(rules.size() > 0);
            for (JsonNode rule : rules) {
                String id = rule.get("id").asText();
                assertTrue(html.contains("<section class=\"rule-doc card\" id=\"" + id + "\">"), id);
                assertTrue(html.contains("<a href=\"#" + id + "\"><code>" + id + "</code></a>"), id);
            }
            if (RuleDocs.class.getResource(RuleDocs.ROOT + "RMRR-BAD-FIRMWARE.md") == null) {
                System.out.println("docs/rules is not in this checkout: rule pages show 'no documentation'");
                assertTrue(html.contains("No documentation page is bundled for this rule."));
            } else {
                assertTrue(html.contains("<h2>The problem</h2>"), "Markdown rendered");
                assertTrue(html.contains("<code>DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x...-0x...]</code>"));
            }
        });
    }

    @Test
    void markdownRendererEscapesRawHtmlAndDropsScriptLinks() {
        String html = new RuleDocs().render("# T\n\n<script>alert(1)</script>\n\nx <img src=x onerror=y> "
                + "[link](javascript:alert(1)) `a<b`\n\n- item\n");
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("javascript:"));
        assertTrue(html.contains("&lt;script&gt;"));
        assertTrue(html.contains("<h1>T</h1>"));
        assertTrue(html.contains("<li>item</li>"));
        assertTrue(html.contains("<code>a&lt;b</code>"));
    }

    @Test
    void withTokensPagesNeedOneButAssetsDoNot() throws Exception {
        String read = "read-token-0123456789abcdef";
        AccessTokens tokens = AccessTokens.fromEnv("reader:read:" + read);
        Javalin app = app(tokens);
        Incident incident = hostileIncident();
        JavalinTest.test(app, (server, client) -> {
            for (String path : List.of("/", "/rules", "/incidents/" + incident.id(),
                    "/incidents/" + incident.id() + "/files/bundle.zip")) {
                Response r = client.get(path);
                assertEquals(401, r.code(), path);
                assertFalse(r.body().string().contains("alert"), path);
            }
            assertEquals(200, client.get("/assets/app.css").code());
            Response withCookie = client.get("/incidents/" + incident.id(),
                    b -> b.header("Cookie", "iommu_doctor_token=" + read));
            assertEquals(200, withCookie.code());
            assertEquals(403, client.get("/upload", b -> b.header("Authorization", "Bearer " + read)).code());
        });
    }

    @Test
    void withTokensABrowserSignsInThroughTheLoginPage() throws Exception {
        String read = "read-token-0123456789abcdef";
        JavalinTest.test(app(AccessTokens.fromEnv("reader:read:" + read)), (server, client) -> {
            Response page = client.get("/rules?x=1", b -> b.header("Accept", "text/html,application/xhtml+xml"));
            assertEquals(303, page.code());
            assertEquals("/login?next=%2Frules%3Fx%3D1", header(page, "Location"));
            Response form = client.get("/login?next=%2Frules");
            assertEquals(200, form.code());
            assertTrue(form.body().string().contains("name=\"next\" value=\"/rules\""));

            Response wrong = client.request("/login", b -> b.post(java.net.http.HttpRequest.BodyPublishers.ofString(
                    "token=wrong-token-0123456789&next=%2Frules")).header("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(401, wrong.code());
            assertTrue(wrong.body().string().contains("This token is not valid."));
            assertTrue(wrong.headers().get("Set-Cookie") == null || wrong.headers().get("Set-Cookie").isEmpty());

            Response right = client.request("/login", b -> b.post(java.net.http.HttpRequest.BodyPublishers.ofString(
                    "token=" + read + "&next=%2Frules")).header("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(303, right.code());
            assertEquals("/rules", header(right, "Location"));
            String cookie = header(right, "Set-Cookie");
            assertTrue(cookie.startsWith("iommu_doctor_token=" + read + ";"), cookie);
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            Response signedIn = client.get("/rules", b -> b.header("Accept", "text/html").header("Cookie",
                    "iommu_doctor_token=" + read));
            assertEquals(200, signedIn.code());
        });
    }

    @Test
    void loginNeverRedirectsToAnotherSite() {
        assertEquals("/", LoginPage.safeNext("//evil.example/x"));
        assertEquals("/", LoginPage.safeNext("https://evil.example/"));
        assertEquals("/", LoginPage.safeNext("/\\evil.example"));
        assertEquals("/", LoginPage.safeNext(null));
        assertEquals("/incidents/x?y=1", LoginPage.safeNext("/incidents/x?y=1"));
    }

    @Test
    void aSectionOfAReportIsShownWithTheLineNumbersOfTheWholeFile() throws Exception {
        String dmesg = HostileSample.hostile(Files.readString(HostileSample.caseDir().resolve("dmesg.txt")));
        String report = "____________________________________________\n\n"
                + "Start of NVIDIA bug report log file.  Please include this file, along\n"
                + "with a detailed description of your problem, when reporting a graphics\n"
                + "____________________________________________\n\n"
                + "*** /proc/cmdline\n"
                + Files.readString(HostileSample.caseDir().resolve("cmdline")).strip() + "\n"
                + "____________________________________________\n\n"
                + "dmesg:\n\n" + dmesg.strip() + "\n"
                + "____________________________________________\n";
        int expectedLine = java.util.Arrays.asList(report.split("\n", -1)).indexOf(
                dmesg.split("\n")[HostileSample.EVIDENCE_LINE - 1]) + 1;
        Javalin app = app(AccessTokens.none());
        Incident incident = store.ingest(List.of(Upload.of("nvidia-bug-report.log",
                () -> new ByteArrayInputStream(report.getBytes(java.nio.charset.StandardCharsets.UTF_8)))), "test",
                List.of(), 10_000_000);
        JavalinTest.test(app, (server, client) -> {
            String page = client.get("/incidents/" + incident.id()).body().string();
            Matcher link = Pattern.compile("href=\"(/incidents/[^\"#]+)#L" + expectedLine + "\"").matcher(page);
            assertTrue(link.find(), "evidence link at line " + expectedLine + " of the whole report");
            assertTrue(link.group(1).contains("nvidia-bug-report.log%23"), link.group(1));
            Response raw = client.get(link.group(1));
            assertEquals(200, raw.code());
            String html = raw.body().string();
            assertTrue(html.contains("A section of a larger report"));
            Matcher line = Pattern.compile("<span class=\"l\" id=\"L" + expectedLine + "\">(.*?)</span>").matcher(html);
            assertTrue(line.find());
            assertTrue(line.group(1).contains("No firmware reserved region can cover this RMRR"), line.group(1));
            assertTrue(line.group(1).contains("&lt;script&gt;"));
        });
    }
}
