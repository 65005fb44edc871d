package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * The kernel command line as the kernel printed it (x86 {@code Command line:} or generic {@code Kernel command line:}).
 *
 * <pre>{@code Kernel command line: BOOT_IMAGE=/boot/vmlinuz-6.5.13-1-pve root=/dev/mapper/pve-root ro quiet amd_iommu=on iommu=pt}</pre>
 *
 * @param record the log record it was read from
 * @param parameters every parameter in order, repeats kept
 */
public record BootCommandLine(LogRecord record, List<KernelParameter> parameters) implements LogEvent {
}
