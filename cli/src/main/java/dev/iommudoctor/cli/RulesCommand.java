package dev.iommudoctor.cli;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.engine.BuiltInRules;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code iommu-doctor rules}: the rule base, one line per rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists every rule: id, severity, troubleshooting-matrix row and title. Long form: docs/rules/<ID>.md.")
final class RulesCommand implements Runnable {

    @Override
    public void run() {
        for (Rule rule : BuiltInRules.all()) {
            DiagnosticRule m = rule.metadata();
            System.out.printf(Locale.ROOT, "%-34s %-8s %-22s %s%n", m.id(), m.severity(), m.matrixRow(), m.title());
        }
    }
}
