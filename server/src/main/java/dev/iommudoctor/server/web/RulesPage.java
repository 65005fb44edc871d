package dev.iommudoctor.server.web;

import static dev.iommudoctor.server.web.Html.esc;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.engine.BuiltInRules;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code /rules}: every built-in rule (id, severity, matrix row, title) in a table, then each rule's
 * documentation under an anchor with its id ({@code /rules#RMRR-BAD-FIRMWARE}), which the findings of
 * the incident page link to.
 */
final class RulesPage {

    private final RuleDocs docs;
    private volatile String page;

    RulesPage(RuleDocs docs) {
        this.docs = docs;
    }

    void render(Context ctx) {
        String p = page;
        if (p == null) {
            // the rules and their docs are fixed for the life of the process: render once
            p = Layout.page("Rules", Layout.Nav.RULES, body(rules()), null);
            page = p;
        }
        ctx.contentType(Layout.HTML).result(p);
    }

    static List<DiagnosticRule> rules() {
        return BuiltInRules.all().stream().map(Rule::metadata)
                .sorted(Comparator.comparing((DiagnosticRule m) -> m.matrixRow().ordinal())
                        .thenComparing(m -> -m.severity().ordinal()).thenComparing(DiagnosticRule::id))
                .toList();
    }

    String body(List<DiagnosticRule> rules) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<h1 id=\"top\">Rules</h1>\n<p>").append(rules.size())
                .append(" rules, sorted by row of the passthrough troubleshooting matrix, then severity.</p>\n")
                .append("<div class=\"table-wrap\"><table class=\"rules\"><thead><tr><th>Id</th><th>Severity</th>")
                .append("<th>Matrix row</th><th>Title</th></tr></thead><tbody>\n");
        for (DiagnosticRule m : rules) {
            b.append("<tr><td><a href=\"#").append(esc(m.id())).append("\"><code>").append(esc(m.id()))
                    .append("</code></a></td><td><span class=\"sev ").append(sevClass(m)).append("\">")
                    .append(m.severity().name().toLowerCase(Locale.ROOT)).append("</span></td><td>")
                    .append(esc(m.matrixRow().title())).append("</td><td>").append(esc(m.title())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
        for (DiagnosticRule m : rules) {
            b.append("<section class=\"rule-doc card\" id=\"").append(esc(m.id())).append("\">\n");
            b.append(docs.html(m.id()).orElseGet(() -> "<h2>" + esc(m.id()) + " — " + esc(m.title())
                    + "</h2>\n<p class=\"muted\">No documentation page is bundled for this rule.</p>\n"));
            b.append("<p class=\"small\"><a href=\"/?q=").append(esc(Html.pathSegment("rule:" + m.id())))
                    .append("\">Incidents with this rule</a> · <a href=\"#top\">Back to the list</a></p></section>\n");
        }
        return b.toString();
    }

    private static String sevClass(DiagnosticRule m) {
        return "sev-" + m.severity().name().toLowerCase(Locale.ROOT);
    }
}
