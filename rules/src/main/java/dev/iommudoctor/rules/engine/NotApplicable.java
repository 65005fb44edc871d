package dev.iommudoctor.rules.engine;

/** A rule that does not apply to this host, with the reason (e.g. "VM guest without a virtual IOMMU"). */
public record NotApplicable(String ruleId, String title, String reason) {
}
