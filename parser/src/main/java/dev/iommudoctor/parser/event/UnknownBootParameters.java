package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * Parameters the kernel did not recognise and passed on to user space (a typo, or an option of a patch the running kernel lacks, such as {@code pcie_acs_override}).
 *
 * <pre>{@code Unknown kernel command line parameters "pcie_acs_override=downstream BOOT_IMAGE=/boot/vmlinuz-6.5.13-1-pve", will be passed to user space.}</pre>
 *
 * @param record the log record it was read from
 * @param parameters the quoted parameters
 */
public record UnknownBootParameters(LogRecord record, List<KernelParameter> parameters) implements LogEvent {
}
