package dev.iommudoctor.rules.engine;

import dev.iommudoctor.rules.api.Finding;
import java.util.List;

/**
 * Everything the rules concluded about one host.
 *
 * @param findings       sorted by severity (worst first), then rule id
 * @param notEvaluated   rules that lacked input
 * @param notApplicable  rules that do not apply to this host
 * @param ruleErrors     rules that failed internally (a bug in iommu-doctor, reported, never hidden)
 */
public record RuleOutcomes(List<Finding> findings, List<NotEvaluated> notEvaluated,
                           List<NotApplicable> notApplicable, List<String> ruleErrors) {
}
