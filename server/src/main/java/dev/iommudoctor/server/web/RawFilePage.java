package dev.iommudoctor.server.web;

import static dev.iommudoctor.server.web.Html.esc;

import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.Incident;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /incidents/{id}/files/<name>}: one input of an incident as numbered lines, each with an
 * anchor ({@code #L74}) that the evidence links of the incident page point at; the target line is
 * highlighted by CSS. Read-only, every line escaped; at most {@value #MAX_BYTES} bytes are shown.
 */
final class RawFilePage {

    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Services services;
    private final StoredMembers members;

    RawFilePage(Services services) {
        this.services = services;
        this.members = new StoredMembers(services.store().bundles());
    }

    void render(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("name");
        Optional<Incident> incident = services.store().get(id);
        if (incident.isEmpty()) {
            ctx.status(404).contentType(Layout.HTML).result(Layout.error("Incident not found", "There is no incident " + id + "."));
            return;
        }
        Optional<StoredMembers.Member> member = members.find(incident.get(), name, MAX_BYTES);
        if (member.isEmpty()) {
            ctx.status(404).contentType(Layout.HTML).result(Layout.error("File not found", "Incident " + id + " has no file " + name + "."));
            return;
        }
        ctx.contentType(Layout.HTML).result(Layout.page(IncidentSections.shortName(name), Layout.Nav.NONE, body(incident.get(), member.get()), null));
    }

    static String body(Incident incident, StoredMembers.Member m) {
        String text = decode(m.content());
        StringBuilder b = new StringBuilder(text.length() * 2 + 1024);
        b.append("<p class=\"crumbs\"><a href=\"/incidents/").append(esc(Html.pathSegment(incident.id()))).append("\">")
                .append(esc(IncidentPage.title(incident))).append("</a> / </p>\n<h1 class=\"file-name\">")
                .append(esc(m.name())).append("</h1>\n");
        if (m.linesBefore() > 0) {
            b.append("<p class=\"muted small\">A section of a larger report: lines are numbered as in the whole file.</p>\n");
        }
        b.append("<pre class=\"raw\">");
        int number = m.linesBefore();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            number++;
            b.append("<span class=\"l\" id=\"L").append(number).append("\"><a class=\"n\" href=\"#L").append(number)
                    .append("\">").append(number).append("</a>").append(esc(text.substring(start, end))).append("</span>");
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        b.append("</pre>\n");
        if (m.truncated()) {
            b.append("<p class=\"error\">Only the first ").append(MAX_BYTES / (1024 * 1024))
                    .append(" MiB are shown.</p>\n");
        }
        return b.toString();
    }

    /** UTF-8 when the bytes are valid UTF-8, else Latin-1 (old syslogs), so no byte is lost or mangled. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
