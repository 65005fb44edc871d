package dev.iommudoctor.rules.api;

import java.util.List;
import java.util.Optional;

/**
 * What one rule concluded: findings (none means it passed), or that it does not apply to this host
 * (a VM guest without a virtual IOMMU is not "IOMMU disabled").
 */
public record RuleResult(List<Finding> findings, Optional<String> notApplicableBecause) {

    public static RuleResult passed() {
        return new RuleResult(List.of(), Optional.empty());
    }

    public static RuleResult of(List<Finding> findings) {
        return new RuleResult(List.copyOf(findings), Optional.empty());
    }

    public static RuleResult notApplicable(String reason) {
        return new RuleResult(List.of(), Optional.of(reason));
    }
}
