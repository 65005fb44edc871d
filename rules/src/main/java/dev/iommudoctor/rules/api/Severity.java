package dev.iommudoctor.rules.api;

/**
 * How much a finding matters. ERROR: passthrough is broken or unsafe now. WARNING: it works but is
 * fragile, slow or risky. INFO: advice; never a reason to fail a CI job by default.
 */
public enum Severity {
    INFO, WARNING, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
