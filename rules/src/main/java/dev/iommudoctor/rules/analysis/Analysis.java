package dev.iommudoctor.rules.analysis;

import dev.iommudoctor.rules.engine.RuleOutcomes;
import dev.iommudoctor.rules.model.HostModel;

/**
 * The result of analysing one bundle: the host model, what the rules concluded, and whether some
 * input could not be read to its end (then every conclusion is marked as based on partial data).
 */
public record Analysis(HostModel host, RuleOutcomes outcomes, boolean partial) {
}
