package dev.iommudoctor.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.server.SampleCases;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Upload;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link WebPagesTest} does not cover yet: markup and terminal escapes in the places an attacker
 * controls besides log lines: the uploaded file name, archive member names (shown as file links), PCI
 * device names from lspci, the syslog host name, and tags. Every page that shows them must show text.
 */
class HostileWebTest {

    private static final String CASE = "VFIO-GROUP-NOT-VIABLE";
    private static final String CASE_DIR = "fires-when-gpu-audio-function-stays-on-snd-hda-intel";
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
            "<svg onload=alert(3)>", "\u001b[2J", "\"><iframe src=javascript:alert(4)>");

    @TempDir
    Path data;
    private IncidentStore store;

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void markupInFileNamesMemberNamesDeviceNamesHostNamesAndTagsIsShownAsText() throws Exception {
        store = SampleCases.openStore(data);
        byte[] tar = hostileTar();
        Incident incident = store.ingest(List.of(Upload.of("<img src=x onerror=alert(2)>.tar", () -> new ByteArrayInputStream(tar))),
                "test", List.of("<script>alert(1)</script>"), 10_000_000);
        var app = WebUi.server(Services.of(store, AccessTokens.none(), new ServerConfig("127.0.0.1", 0, 10_000_000)));
        JavalinTest.test(app, (server, client) -> {
            Response page = client.get("/incidents/" + incident.id());
            assertEquals(200, page.code());
            String html = page.body().string();
            assertInert(html, "incident page");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "payloads are shown as text");
            // every file link the page offers, followed: the raw views of hostile member names
            List<String> links = new ArrayList<>();
            Matcher m = Pattern.compile("href=\"(/incidents/[^\"#]+/files/[^\"#]+)").matcher(html);
            while (m.find()) {
                links.add(m.group(1).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\""));
            }
            assertFalse(links.isEmpty(), "file links: " + html);
            for (String link : links.stream().distinct().toList()) {
                Response raw = client.get(link);
                assertTrue(raw.code() == 200 || raw.code() == 404, link + " -> " + raw.code());
                assertInert(raw.body().string(), link);
            }
            Response api = client.get("/api/search?q=" + URLEncoder.encode("script", StandardCharsets.UTF_8));
            assertEquals(200, api.code());
            assertTrue(api.headers().get("Content-Type").get(0).startsWith("application/json"), "API answers JSON, never HTML");
        });
    }

    private static void assertInert(String html, String where) {
        for (String p : PAYLOADS) {
            assertFalse(html.contains(p), where + " shows raw " + p.replace("\u001b", "<ESC>"));
        }
        assertFalse(html.contains("\u001b"), where + " contains a raw ESC");
    }

    /** The sample case with payloads in member names, device names, the host name and log lines. */
    private static byte[] hostileTar() throws IOException {
        Path dir = SampleCases.caseDir(CASE, CASE_DIR);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path f : SampleCases.files(dir)) {
                String name = f.getFileName().toString();
                if (name.startsWith("expected") || name.endsWith(".md")) {
                    continue;
                }
                String text = Files.readString(f);
                if (name.startsWith("lspci")) {
                    text = text.replaceAll("(?m)^([0-9a-f]{2}:[0-9a-f]{2}\\.[0-7] [^:]+: )", "$1" + PAYLOADS.get(0) + " ");
                } else if (name.startsWith("dmesg")) {
                    text = text.replaceAll("(?m)^(\\[.*(vfio|iommu|DMAR).*)$", "$1 " + PAYLOADS.get(1) + PAYLOADS.get(3));
                    text = "Nov 25 10:00:00 " + "evil<svg onload=alert(3)>" + " kernel: [    0.000000] hostname line\n" + text;
                }
                add(tar, "<svg onload=alert(3)>/../\"><iframe src=javascript:alert(4)>/" + name, text);
            }
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
