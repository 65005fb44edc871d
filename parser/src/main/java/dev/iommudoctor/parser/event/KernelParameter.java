package dev.iommudoctor.parser.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One kernel command-line parameter in the order given: {@code intel_iommu=on} is name
 * {@code intel_iommu}, value {@code on}; {@code quiet} has no value. Repeats are kept (the kernel
 * usually honours the last one, some parameters accumulate).
 */
public record KernelParameter(String name, Optional<String> value) {

    /**
     * Splits a command line the way the kernel's {@code next_arg()} does: whitespace separates,
     * double quotes group (and are removed), the first {@code =} splits name from value.
     */
    public static List<KernelParameter> parseAll(String commandLine) {
        List<KernelParameter> params = new ArrayList<>();
        int i = 0;
        int n = commandLine.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(commandLine.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder token = new StringBuilder();
            boolean quoted = false;
            while (i < n && (quoted || !Character.isWhitespace(commandLine.charAt(i)))) {
                char c = commandLine.charAt(i++);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    token.append(c);
                }
            }
            String t = token.toString();
            int eq = t.indexOf('=');
            params.add(eq < 0 ? new KernelParameter(t, Optional.empty())
                    : new KernelParameter(t.substring(0, eq), Optional.of(t.substring(eq + 1))));
        }
        return params;
    }

    @Override
    public String toString() {
        return value.map(v -> name + "=" + (v.contains(" ") ? "\"" + v + "\"" : v)).orElse(name);
    }
}
