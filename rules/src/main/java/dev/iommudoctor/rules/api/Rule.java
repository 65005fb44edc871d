package dev.iommudoctor.rules.api;

import dev.iommudoctor.rules.model.HostModel;

/**
 * One check of the troubleshooting matrix. A rule reads the correlated {@link HostModel} (never files,
 * never parser internals), and returns findings, a pass, or "not applicable". Metadata sits in the
 * {@link DiagnosticRule} annotation on the class.
 */
public interface Rule {

    RuleResult evaluate(HostModel host);

    /** The rule's annotation; every rule class must carry one (a meta-test checks it). */
    default DiagnosticRule metadata() {
        DiagnosticRule meta = getClass().getAnnotation(DiagnosticRule.class);
        if (meta == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @DiagnosticRule");
        }
        return meta;
    }

    /** Starts a finding of this rule with its id, severity, row, title and docs filled in. */
    default FindingBuilder finding() {
        return new FindingBuilder(metadata());
    }
}
