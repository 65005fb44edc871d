package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;

/**
 * One variable assignment of {@code /etc/default/grub} (or a {@code grub.d/*.cfg} drop-in). Commented
 * out assignments are not settings and give no event.
 *
 * <p>Example input: {@code GRUB_CMDLINE_LINUX_DEFAULT="quiet amd_iommu=on iommu=pt"}
 *
 * @param span       first to last line (a quoted value may span lines)
 * @param variable   the variable name
 * @param value      the value with shell quoting removed; {@code $var}, {@code $(...)} and backquotes are
 *                   kept verbatim because they are only expanded when grub-mkconfig runs
 * @param exported   whether the line used {@code export}
 * @param parameters for {@code GRUB_CMDLINE_LINUX*}: the kernel parameters of the value; empty otherwise
 */
public record GrubSetting(SourceSpan span, String variable, String value, boolean exported,
                          List<KernelParameter> parameters) implements Event {

    public GrubSetting {
        parameters = List.copyOf(parameters);
    }

    /** True for the variables whose value becomes part of the kernel command line. */
    public boolean isKernelCommandLine() {
        return variable.startsWith("GRUB_CMDLINE_LINUX");
    }
}
