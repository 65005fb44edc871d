package dev.iommudoctor.rules.engine;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every rule over one host model. A rule whose required facts are missing is listed as not
 * evaluated; a rule that throws is reported as an internal error finding rather than losing the rest.
 */
public final class RuleEngine {

    private final List<Rule> rules;

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleEngine builtIn() {
        return new RuleEngine(BuiltInRules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    public RuleOutcomes run(HostModel host) {
        List<Finding> findings = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        List<NotApplicable> notApplicable = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Rule rule : rules) {
            DiagnosticRule meta = rule.metadata();
            List<Fact> missing = missingFacts(meta, host);
            if (!missing.isEmpty()) {
                notEvaluated.add(new NotEvaluated(meta.id(), meta.title(), missing));
                continue;
            }
            try {
                RuleResult result = rule.evaluate(host);
                findings.addAll(result.findings());
                result.notApplicableBecause().ifPresent(
                        reason -> notApplicable.add(new NotApplicable(meta.id(), meta.title(), reason)));
            } catch (RuntimeException e) {
                errors.add(meta.id() + ": " + e);
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Finding::ruleId)
                .thenComparing(f -> String.join(",", f.devices()))
                .thenComparing(Finding::message));
        return new RuleOutcomes(findings, notEvaluated, notApplicable, errors);
    }

    private static List<Fact> missingFacts(DiagnosticRule meta, HostModel host) {
        List<Fact> missing = new ArrayList<>();
        for (Fact f : meta.requires()) {
            if (!host.has(f)) {
                missing.add(f);
            }
        }
        if (meta.requiresAnyOf().length > 0 && Arrays.stream(meta.requiresAnyOf()).noneMatch(host::has)) {
            missing.addAll(Arrays.asList(meta.requiresAnyOf()));
        }
        return missing;
    }
}
