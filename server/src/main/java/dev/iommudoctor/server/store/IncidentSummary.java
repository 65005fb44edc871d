package dev.iommudoctor.server.store;

import dev.iommudoctor.rules.api.Finding;
import java.time.Instant;
import java.util.List;

/**
 * What a search result row shows of an incident, stored beside the full JSON so result pages stay cheap.
 *
 * @param worstSeverity  severity of the first (worst) finding, null without findings
 * @param title          title of the worst finding, "No findings" without any
 */
public record IncidentSummary(String id, Instant time, String hostname, String status, String kernel, String system,
                              List<String> rules, String worstSeverity, String title) {

    public static IncidentSummary of(Incident incident) {
        var a = incident.analysis();
        List<String> rules = a.findings().stream().map(Finding::ruleId).distinct().toList();
        String worst = a.findings().isEmpty() ? null : a.findings().get(0).severity().name();
        String title = a.findings().isEmpty() ? "No findings" : a.findings().get(0).title();
        return new IncidentSummary(incident.id(), incident.time(), a.host().hostname(), incident.status(),
                a.host().kernel(), a.host().system(), rules, worst, title);
    }
}
