package dev.iommudoctor.rules.report;

import static dev.iommudoctor.rules.report.Escapes.html;

import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.readiness.DeviceReadiness;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One self-contained HTML file (inline CSS, no scripts, no external assets) with the findings, their
 * evidence lines and the device table. Every value from the bundle is escaped.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
            h1{font-size:1.5em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            .ERROR{border-left:6px solid #c62828}.WARNING{border-left:6px solid #f9a825}.INFO{border-left:6px solid #0277bd}
            .finding{padding:.5em 1em;margin:1em 0;background:#fafafa}pre{background:#f0f0f0;padding:.6em;overflow-x:auto;white-space:pre-wrap}
            .sev{font-weight:bold}.READY{color:#2e7d32}.NEEDS_ACTION{color:#ef6c00}.BLOCKED{color:#c62828}
            """;

    public void write(AnalysisDocument doc, PrintWriter out) {
        AnalysisDocument.Host h = doc.host();
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        out.println("<title>iommu-doctor report</title><style>" + CSS + "</style></head><body>");
        out.println("<h1>iommu-doctor report" + (doc.partial() ? " (partial input)" : "") + "</h1>");
        out.println("<table>");
        h.summaryRows().forEach((key, value) -> row(out, key, value));
        out.println("</table>");
        out.printf(Locale.ROOT, "<p><b>%d error(s), %d warning(s), %d info</b></p>%n", doc.summary().get("error"),
                doc.summary().get("warning"), doc.summary().get("info"));
        for (Finding f : doc.findings()) {
            out.println("<div class=\"finding " + f.severity() + "\" id=\"" + html(f.ruleId()) + "\">");
            out.println("<p><span class=\"sev\">" + f.severity() + "</span> <b>" + html(f.ruleId()) + "</b> " + html(f.title()) + "</p>");
            out.println("<p>" + html(f.message()) + "</p>");
            if (!f.evidence().isEmpty()) {
                out.println("<p>Evidence:</p><pre>");
                for (EvidenceLine e : f.evidence()) {
                    out.println(html(e.file() + ":" + e.line() + ": " + e.text()));
                }
                out.println("</pre>");
            }
            if (!f.remedy().isBlank()) {
                out.println("<p>Fix:</p><pre>" + html(f.remedy()) + "</pre>");
            }
            out.println("<p>Docs: <code>" + html(f.docs()) + "</code></p></div>");
        }
        if (!doc.devices().isEmpty()) {
            out.println("<h2>Passthrough readiness</h2><table><tr><th>Device</th><th>Driver</th><th>Group</th><th>Verdict</th><th>Why / steps</th></tr>");
            for (DeviceReadiness d : doc.devices()) {
                out.println("<tr><td>" + html(d.label()) + "</td><td>" + html(d.driver().orElse("-")) + "</td><td>"
                        + (d.group().isPresent() ? d.group().getAsInt() : "-") + "</td><td class=\"" + d.verdict() + "\">"
                        + d.verdict() + "</td><td>" + html(String.join("; ", d.reasons()))
                        + (d.steps().isEmpty() ? "" : "<br><i>" + html(String.join("; ", d.steps())) + "</i>") + "</td></tr>");
            }
            out.println("</table>");
        }
        if (!doc.notEvaluated().isEmpty()) {
            out.println("<h2>Not evaluated</h2><ul>");
            doc.notEvaluated().forEach(n -> out.println("<li>" + html(n.ruleId()) + ": " + html(n.explanation()) + "</li>"));
            out.println("</ul>");
        }
        out.println("<h2>Inputs</h2><ul>");
        doc.inputs().forEach(i -> out.println("<li>" + html(i.source()) + ": " + i.kind() + ", " + i.lines() + " lines"
                + (i.problem() == null ? "" : " (" + html(i.problem()) + ")") + "</li>"));
        doc.skipped().forEach(s -> out.println("<li>skipped " + html(s.name()) + ": " + html(s.reason()) + "</li>"));
        out.println("</ul></body></html>");
        out.flush();
    }

    private static void row(PrintWriter out, String key, String value) {
        if (value != null) {
            out.println("<tr><th>" + key + "</th><td>" + html(value) + "</td></tr>");
        }
    }
}
