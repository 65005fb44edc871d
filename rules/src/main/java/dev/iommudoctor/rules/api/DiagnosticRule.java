package dev.iommudoctor.rules.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * All of a rule's metadata in one place. The id is stable and never reused: reports, incident search
 * and saved searches refer to it. The long-form page lives at {@code docs/rules/<id>.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiagnosticRule {
    /** Upper-kebab id, e.g. {@code RMRR-BAD-FIRMWARE}. */
    String id();

    /** Names the problem; no trailing period. */
    String title();

    Severity severity();

    MatrixRow matrixRow();

    /** What the rule needs to be evaluated at all. */
    Fact[] requires() default {};

    /** At least one of these is needed (e.g. any source of PCI inventory). Empty means no such condition. */
    Fact[] requiresAnyOf() default {};
}
