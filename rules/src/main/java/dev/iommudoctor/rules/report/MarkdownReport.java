package dev.iommudoctor.rules.report;

import static dev.iommudoctor.rules.report.Escapes.markdown;

import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.readiness.DeviceReadiness;
import java.io.PrintWriter;

/** A Markdown report for tickets and chat: findings with evidence in code blocks, the device table. */
public final class MarkdownReport {

    public void write(AnalysisDocument doc, PrintWriter out) {
        AnalysisDocument.Host h = doc.host();
        out.println("# iommu-doctor report" + (doc.partial() ? " (partial input)" : ""));
        out.println();
        out.println("| | |");
        out.println("|---|---|");
        h.summaryRows().forEach((key, value) -> row(out, key, value));
        out.println();
        out.printf("**%d error(s), %d warning(s), %d info**%n%n", doc.summary().get("error"), doc.summary().get("warning"),
                doc.summary().get("info"));
        for (Finding f : doc.findings()) {
            out.println("## " + f.severity() + " " + f.ruleId() + ": " + markdown(f.title()));
            out.println();
            out.println(markdown(f.message()));
            out.println();
            if (!f.evidence().isEmpty()) {
                out.println("Evidence:");
                out.println();
                out.println("```");
                for (EvidenceLine e : f.evidence()) {
                    out.println(fence(e.file() + ":" + e.line() + ": " + e.text()));
                }
                out.println("```");
                out.println();
            }
            if (!f.remedy().isBlank()) {
                out.println("Fix:");
                out.println();
                out.println("```");
                out.println(fence(f.remedy()));
                out.println("```");
                out.println();
            }
            out.println("Docs: `" + f.docs() + "`");
            out.println();
        }
        if (!doc.devices().isEmpty()) {
            out.println("## Passthrough readiness");
            out.println();
            out.println("| Device | Driver | Group | Verdict | Why |");
            out.println("|---|---|---|---|---|");
            for (DeviceReadiness d : doc.devices()) {
                out.println("| " + markdown(d.label()) + " | " + markdown(d.driver().orElse("-")) + " | "
                        + (d.group().isPresent() ? d.group().getAsInt() : "-") + " | " + d.verdict() + " | "
                        + markdown(String.join("; ", d.reasons())) + " |");
            }
            out.println();
        }
        if (!doc.notEvaluated().isEmpty()) {
            out.println("## Not evaluated");
            out.println();
            doc.notEvaluated().forEach(n -> out.println("- " + n.ruleId() + ": " + markdown(n.explanation())));
            out.println();
        }
        out.flush();
    }

    private static void row(PrintWriter out, String key, String value) {
        if (value != null) {
            out.println("| " + key + " | " + markdown(value) + " |");
        }
    }

    /** Code blocks show text verbatim; only a fence inside the text could break out, and control characters. */
    private static String fence(String text) {
        return Escapes.terminal(text).replace("```", "`\u200b``");
    }
}
