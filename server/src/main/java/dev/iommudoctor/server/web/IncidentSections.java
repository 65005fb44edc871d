package dev.iommudoctor.server.web;

import static dev.iommudoctor.server.web.Html.esc;

import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.engine.NotApplicable;
import dev.iommudoctor.rules.readiness.DeviceReadiness;
import dev.iommudoctor.rules.report.AnalysisDocument;
import dev.iommudoctor.server.store.Incident;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The analysis parts of the incident page, one method per section; all uploaded text escaped. */
final class IncidentSections {

    private IncidentSections() {
    }

    static String summary(AnalysisDocument a) {
        StringBuilder b = new StringBuilder("<div class=\"summary-counts\">");
        Map<String, Integer> counts = a.summary() == null ? Map.of() : a.summary();
        for (Severity s : IncidentPage.ORDER) {
            int n = counts.getOrDefault(s.name(), counts.getOrDefault(s.name().toLowerCase(Locale.ROOT), 0));
            b.append("<span class=\"count ").append(IncidentPage.severityClass(s)).append("\">").append(n).append(' ')
                    .append(s.name().toLowerCase(Locale.ROOT)).append(n == 1 ? "" : "s").append("</span>");
        }
        return b.append("</div>\n").toString();
    }

    static String findings(String incidentId, List<Finding> findings) {
        StringBuilder b = new StringBuilder("<section id=\"findings\"><h2>Findings</h2>\n");
        if (findings == null || findings.isEmpty()) {
            return b.append("<p class=\"ok\">No problem found in what was uploaded.</p></section>\n").toString();
        }
        for (Severity s : IncidentPage.ORDER) {
            if (!IncidentPage.hasFindings(findings, s)) {
                continue;
            }
            b.append("<h3 class=\"sev-heading ").append(IncidentPage.severityClass(s)).append("\">")
                    .append(s.name().charAt(0)).append(s.name().substring(1).toLowerCase(Locale.ROOT)).append("s</h3>\n");
            for (Finding f : findings) {
                if (f.severity() == s) {
                    b.append(finding(incidentId, f));
                }
            }
        }
        return b.append("</section>\n").toString();
    }

    private static String finding(String incidentId, Finding f) {
        StringBuilder b = new StringBuilder();
        b.append("<article class=\"finding ").append(IncidentPage.severityClass(f.severity())).append("\" data-rule=\"")
                .append(esc(f.ruleId())).append("\">\n<header><a class=\"rule-id\" href=\"/rules#")
                .append(esc(f.ruleId())).append("\">").append(esc(f.ruleId())).append("</a> <span class=\"finding-title\">")
                .append(esc(f.title())).append("</span>");
        if (f.matrixRow() != null) {
            b.append(" <span class=\"muted small\">").append(esc(f.matrixRow().title())).append("</span>");
        }
        b.append("</header>\n<p class=\"message\">").append(esc(f.message())).append("</p>\n");
        if (!f.devices().isEmpty()) {
            b.append("<p class=\"small\">Devices: ");
            f.devices().forEach(d -> b.append("<code>").append(esc(d)).append("</code> "));
            b.append("</p>\n");
        }
        if (!f.evidence().isEmpty()) {
            b.append("<ol class=\"evidence\">");
            for (EvidenceLine e : f.evidence()) {
                b.append("<li><a class=\"where\" href=\"").append(esc(IncidentPage.evidenceHref(incidentId, e)))
                        .append("\">").append(esc(shortName(e.file()))).append(':').append(e.line())
                        .append("</a><mark class=\"line\">").append(esc(e.text())).append("</mark></li>");
            }
            b.append("</ol>\n");
        }
        if (f.remedy() != null && !f.remedy().isBlank()) {
            b.append("<details class=\"remedy\" open><summary>Remedy</summary><pre>").append(esc(f.remedy()))
                    .append("</pre></details>\n");
        }
        return b.append("</article>\n").toString();
    }

    /** {@code case.zip!/case/dmesg.txt} is shown as {@code case/dmesg.txt}: the archive name adds nothing. */
    static String shortName(String file) {
        int bang = file.lastIndexOf("!/");
        return bang < 0 ? file : file.substring(bang + 2);
    }

    static String devices(List<DeviceReadiness> devices) {
        StringBuilder b = new StringBuilder("<section id=\"devices\"><h2>Device readiness</h2>\n");
        if (devices == null || devices.isEmpty()) {
            return b.append("<p class=\"muted\">No PCI devices in the upload.</p></section>\n").toString();
        }
        b.append("<div class=\"table-wrap\"><table class=\"devices\"><thead><tr><th>Address</th><th>Device</th>")
                .append("<th>Driver</th><th>Group</th><th>Verdict</th><th>Why / what to do</th></tr></thead><tbody>\n");
        for (DeviceReadiness d : devices) {
            b.append("<tr><td><code>").append(esc(d.address())).append("</code></td><td>").append(esc(d.label()))
                    .append("</td><td>").append(esc(d.driver() == null ? "" : d.driver().orElse("")))
                    .append("</td><td>").append(d.group() != null && d.group().isPresent() ? d.group().getAsInt() : "")
                    .append("</td><td><span class=\"verdict ").append(IncidentPage.readinessClass(d)).append("\">")
                    .append(esc(d.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</span></td><td>");
            list(b, d.reasons(), "reasons");
            list(b, d.steps(), "steps");
            b.append("</td></tr>\n");
        }
        return b.append("</tbody></table></div></section>\n").toString();
    }

    private static void list(StringBuilder b, List<String> items, String cls) {
        if (items == null || items.isEmpty()) {
            return;
        }
        b.append("<ul class=\"").append(cls).append("\">");
        items.forEach(i -> b.append("<li>").append(esc(i)).append("</li>"));
        b.append("</ul>");
    }

    static String notEvaluated(AnalysisDocument a) {
        int n = size(a.notEvaluated()) + size(a.notApplicable());
        if (n == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("<details class=\"card\"><summary>Rules not evaluated or not applicable (")
                .append(n).append(")</summary><ul class=\"small\">");
        if (a.notEvaluated() != null) {
            for (AnalysisDocument.NotEvaluatedRule r : a.notEvaluated()) {
                b.append("<li><a href=\"/rules#").append(esc(r.ruleId())).append("\">").append(esc(r.ruleId()))
                        .append("</a> not evaluated: ").append(esc(r.explanation())).append("</li>");
            }
        }
        if (a.notApplicable() != null) {
            for (NotApplicable r : a.notApplicable()) {
                b.append("<li><a href=\"/rules#").append(esc(r.ruleId())).append("\">").append(esc(r.ruleId()))
                        .append("</a> not applicable: ").append(esc(r.reason())).append("</li>");
            }
        }
        return b.append("</ul></details>\n").toString();
    }

    static String inputs(Incident incident, AnalysisDocument a) {
        StringBuilder b = new StringBuilder("<section id=\"inputs\"><h2>Files</h2><div class=\"table-wrap\">")
                .append("<table class=\"inputs\"><thead><tr><th>File</th><th>Kind</th><th>Lines</th>")
                .append("<th>Unrecognised</th><th>Problem</th></tr></thead><tbody>\n");
        if (a.inputs() != null) {
            for (AnalysisDocument.Input in : a.inputs()) {
                b.append("<tr><td><a href=\"").append(esc(Html.fileHref(incident.id(), in.source()))).append("\">")
                        .append(esc(shortName(in.source()))).append("</a></td><td>").append(esc(in.kind()))
                        .append("</td><td>").append(in.lines()).append("</td><td>").append(in.unrecognized())
                        .append("</td><td>").append(esc(in.problem())).append("</td></tr>\n");
            }
        }
        if (a.skipped() != null) {
            for (AnalysisDocument.Skipped s : a.skipped()) {
                b.append("<tr class=\"muted\"><td>").append(esc(shortName(s.name()))).append("</td><td>skipped</td>")
                        .append("<td></td><td></td><td>").append(esc(s.reason())).append("</td></tr>\n");
            }
        }
        b.append("</tbody></table></div><p class=\"small muted\">As uploaded: ");
        for (int i = 0; i < incident.files().size(); i++) {
            Incident.StoredFile f = incident.files().get(i);
            b.append("<a href=\"/api/incidents/").append(esc(Html.pathSegment(incident.id()))).append("/files/").append(i)
                    .append("\">").append(esc(f.name())).append("</a> (").append(f.size()).append(" bytes) ");
        }
        return b.append("</p></section>\n").toString();
    }

    static String host(AnalysisDocument.Host h) {
        StringBuilder b = new StringBuilder("<section class=\"card\"><h2>Host</h2><dl class=\"facts\">");
        if (h != null) {
            fact(b, "Hostname", h.hostname());
            fact(b, "CPU", join(h.cpuVendor(), h.cpuModel()));
            fact(b, "System", h.system());
            fact(b, "BIOS", join(h.biosVersion(), h.biosDate()));
            fact(b, "Hypervisor", h.hypervisor());
            fact(b, "Kernel", h.kernel());
            fact(b, "Distro", h.distro());
            fact(b, "Cmdline", h.cmdline());
            fact(b, "IOMMU", join(h.iommu(), h.iommuMode()));
            fact(b, "DMAR/IVRS", h.firmwareTable());
            fact(b, "IRQ remapping", h.interruptRemapping());
            fact(b, "PCI functions", String.valueOf(h.pciFunctions()));
            fact(b, "IOMMU groups", String.valueOf(h.iommuGroups()));
        }
        return b.append("</dl></section>\n").toString();
    }

    private static void fact(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<dt>").append(name).append("</dt><dd>").append(esc(value)).append("</dd>");
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " · " + b;
    }

    private static int size(List<?> l) {
        return l == null ? 0 : l.size();
    }
}
