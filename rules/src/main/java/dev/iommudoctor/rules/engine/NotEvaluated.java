package dev.iommudoctor.rules.engine;

import dev.iommudoctor.rules.api.Fact;
import java.util.List;

/** A rule that could not run because the bundle lacks what it needs: never counted as passed. */
public record NotEvaluated(String ruleId, String title, List<Fact> missing) {

    /** "needs a kernel log (dmesg, ...) and /proc/meminfo". */
    public String explanation() {
        StringBuilder b = new StringBuilder("needs ");
        for (int i = 0; i < missing.size(); i++) {
            if (i > 0) {
                b.append(i == missing.size() - 1 ? " and " : ", ");
            }
            b.append(missing.get(i).description());
        }
        return b.toString();
    }
}
