package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A kernel command line as read from {@code /proc/cmdline} (or {@code /etc/kernel/cmdline}), one event
 * per non-blank line, parameters in the order given with repeats kept.
 *
 * <p>Example input: {@code BOOT_IMAGE=/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet intel_iommu=on iommu=pt}
 *
 * @param span       the line it came from
 * @param parameters every parameter, tokenised like the kernel's {@code next_arg()}
 */
public record ProcCmdline(SourceSpan span, List<KernelParameter> parameters) implements Event {

    public ProcCmdline {
        parameters = List.copyOf(parameters);
    }

    /** The value of the last occurrence of {@code name} (the one the kernel usually honours). */
    public Optional<String> lastValue(String name) {
        Optional<String> found = Optional.empty();
        for (KernelParameter p : parameters) {
            if (p.name().equals(name)) {
                found = p.value();
            }
        }
        return found;
    }

    /** Whether {@code name} occurs at all, with or without a value. */
    public boolean has(String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name));
    }
}
