package dev.iommudoctor.rules.engine;

import dev.iommudoctor.rules.api.Rule;
import java.util.List;

/**
 * Every built-in rule, listed explicitly so that it is greppable and ordered. A meta-test fails when a
 * class annotated with {@code @DiagnosticRule} is missing from this list.
 */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
