package dev.iommudoctor.server.web;

import static dev.iommudoctor.server.web.Html.esc;

import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.readiness.DeviceReadiness;
import dev.iommudoctor.rules.report.AnalysisDocument;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.search.SimilarIncidents;
import dev.iommudoctor.server.store.Incident;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /incidents/{id}}: host facts, findings by severity with their evidence lines (linked to the
 * raw file view at the line), the device readiness table, similar incidents and the resolution form.
 * Rendered on the server, every uploaded string escaped; {@code incident.js} only saves the form.
 */
final class IncidentPage {

    private static final int SIMILAR = 10;

    private final Services services;

    IncidentPage(Services services) {
        this.services = services;
    }

    void render(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Optional<Incident> found = services.store().get(id);
        if (found.isEmpty()) {
            ctx.status(404).contentType(Layout.HTML).result(Layout.error("Incident not found", "There is no incident " + id + "."));
            return;
        }
        Incident incident = found.get();
        List<SimilarIncidents.Similar> similar = services.similar().similarTo(id, SIMILAR).orElse(List.of());
        ctx.contentType(Layout.HTML).result(Layout.page(title(incident), Layout.Nav.NONE, body(incident, similar), "incident.js"));
    }

    static String title(Incident incident) {
        AnalysisDocument.Host host = incident.analysis() == null ? null : incident.analysis().host();
        String name = host == null || host.hostname() == null ? null : host.hostname();
        return name == null ? "Incident " + incident.id() : name + " (" + incident.id() + ")";
    }

    static String body(Incident incident, List<SimilarIncidents.Similar> similar) {
        StringBuilder b = new StringBuilder(16_384);
        AnalysisDocument a = incident.analysis();
        b.append("<div class=\"incident-head\"><h1>").append(esc(title(incident))).append("</h1>")
                .append("<span class=\"badge status-").append(esc(incident.status())).append("\" id=\"status-badge\">")
                .append(esc(incident.status())).append("</span></div>\n");
        b.append("<p class=\"meta\">Uploaded ").append(when(incident.time())).append(" by ")
                .append(esc(incident.uploader()));
        if (!incident.tags().isEmpty()) {
            b.append(" · tags:");
            incident.tags().forEach(t -> b.append(" <span class=\"tag\">").append(esc(t)).append("</span>"));
        }
        if (a != null && a.partial()) {
            b.append(" · <strong>partial</strong>: some input could not be read to its end");
        }
        b.append("</p>\n<div class=\"incident-layout\"><div class=\"incident-main\">\n");
        if (a != null) {
            b.append(IncidentSections.summary(a));
            b.append(IncidentSections.findings(incident.id(), a.findings()));
            b.append(IncidentSections.devices(a.devices()));
            b.append(IncidentSections.notEvaluated(a));
            b.append(IncidentSections.inputs(incident, a));
        } else {
            b.append("<p class=\"error\">This incident has no analysis.</p>");
        }
        b.append("</div>\n<aside class=\"incident-side\">\n");
        b.append(resolution(incident));
        if (a != null) {
            b.append(IncidentSections.host(a.host()));
        }
        b.append(similar(similar));
        b.append("</aside></div>");
        return b.toString();
    }

    private static String resolution(Incident incident) {
        String id = esc(incident.id());
        boolean resolved = Incident.RESOLVED.equals(incident.status());
        return "<section class=\"card\"><h2>Resolution</h2>\n"
                + "<form id=\"resolution\" data-incident=\"" + id + "\">\n"
                + "<label>Status <select id=\"status\" name=\"status\">"
                + "<option value=\"open\"" + (resolved ? "" : " selected") + ">open</option>"
                + "<option value=\"resolved\"" + (resolved ? " selected" : "") + ">resolved</option></select></label>\n"
                + "<label for=\"note\">Note</label>\n<textarea id=\"note\" name=\"note\" rows=\"6\" maxlength=\"20000\" "
                + "placeholder=\"What fixed it? (BIOS version, kernel parameter, slot change...)\">"
                + esc(incident.note()) + "</textarea>\n"
                + (incident.noteBy().isEmpty() ? "" : "<p class=\"muted note-by\">Last changed by " + esc(incident.noteBy())
                        + " at " + esc(String.valueOf(incident.updated())) + "</p>\n")
                + "<div class=\"form-row\"><button type=\"submit\">Save</button> <span id=\"saved-msg\" class=\"muted\" "
                + "role=\"status\"></span></div>\n</form></section>\n";
    }

    private static String similar(List<SimilarIncidents.Similar> similar) {
        StringBuilder b = new StringBuilder("<section class=\"card\"><h2>Similar incidents</h2>\n");
        if (similar.isEmpty()) {
            return b.append("<p class=\"muted\">None yet.</p></section>\n").toString();
        }
        b.append("<ul class=\"similar\" id=\"similar\">");
        for (SimilarIncidents.Similar s : similar) {
            b.append("<li><a href=\"/incidents/").append(esc(Html.pathSegment(s.id()))).append("\">")
                    .append(esc(s.hostname() == null ? s.id() : s.hostname())).append("</a> <span class=\"badge status-")
                    .append(esc(s.status())).append("\">").append(esc(s.status())).append("</span>");
            b.append("<div class=\"muted small\">").append(when(s.time()));
            if (!s.sharedRules().isEmpty()) {
                b.append(" · ").append(esc(String.join(", ", s.sharedRules())));
            }
            if (!s.sharedDevices().isEmpty()) {
                int n = s.sharedDevices().size();
                b.append(" · ").append(esc(String.join(", ", s.sharedDevices().subList(0, Math.min(n, 3)))))
                        .append(n > 3 ? " and " + (n - 3) + " more devices" : "");
            }
            b.append("</div>");
            if (s.note() != null && !s.note().isBlank()) {
                b.append("<div class=\"note-snippet\">").append(esc(abbreviate(s.note(), 200))).append("</div>");
            }
            b.append("</li>");
        }
        return b.append("</ul></section>\n").toString();
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** 2026-11-25T14:28:10.509786926Z as {@code 2026-11-25 14:28 UTC}. */
    static String when(Instant t) {
        return t == null ? "" : WHEN.format(t);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Severity order on the page: what breaks passthrough first. */
    static final List<Severity> ORDER = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);

    static String severityClass(Severity s) {
        return "sev-" + s.name().toLowerCase(Locale.ROOT);
    }

    static String evidenceHref(String incidentId, EvidenceLine e) {
        return Html.fileHref(incidentId, e.file()) + "#L" + e.line();
    }

    static boolean hasFindings(List<Finding> findings, Severity s) {
        return findings.stream().anyMatch(f -> f.severity() == s);
    }

    static String readinessClass(DeviceReadiness d) {
        return "verdict-" + d.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
