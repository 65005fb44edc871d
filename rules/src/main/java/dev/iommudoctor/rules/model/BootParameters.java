package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kernel command line in effect, from /proc/cmdline when the bundle has it (the running kernel),
 * else from the boot log's {@code Command line:}. Keeps order and repeats; the kernel honours the last
 * occurrence of most parameters, so {@link #last} is what rules should ask.
 */
public record BootParameters(List<KernelParameter> parameters, EvidenceLine evidence) {

    public static final BootParameters NONE = new BootParameters(List.of(), new EvidenceLine("", 0, ""));

    /** The parameters as one command line, e.g. {@code quiet intel_iommu=on iommu=pt}. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (KernelParameter p : parameters) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(p);
        }
        return b.toString();
    }

    public boolean present() {
        return evidence.line() > 0;
    }

    /** The value of the last occurrence of {@code name} (or "" for a flag without value). */
    public Optional<String> last(String name) {
        Optional<String> found = Optional.empty();
        for (KernelParameter p : parameters) {
            if (p.name().equals(name)) {
                found = Optional.of(p.value().orElse(""));
            }
        }
        return found;
    }

    public boolean has(String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name));
    }

    /** True when the last {@code name} has a comma-separated value containing {@code option} (iommu=pt,nobypass). */
    public boolean hasOption(String name, String option) {
        return last(name).map(v -> List.of(v.toLowerCase(Locale.ROOT).split(",")).contains(option)).orElse(false);
    }

    /** All values given for {@code name}, in order (e.g. several hugepagesz= / hugepages= pairs). */
    public List<String> all(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(p -> p.value().orElse("")).toList();
    }
}
