package dev.iommudoctor.parser.event;

/**
 * The kernel release from the boot banner.
 *
 * <pre>{@code Linux version 6.5.13-1-pve (build@proxmox) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC PMX 6.5.13-1}</pre>
 *
 * @param record the log record it was read from
 * @param version the release token, equal to {@code uname -r}, e.g. {@code 6.5.13-1-pve}
 */
public record KernelVersion(LogRecord record, String version) implements LogEvent {
}
