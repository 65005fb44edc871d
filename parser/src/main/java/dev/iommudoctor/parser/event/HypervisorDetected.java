package dev.iommudoctor.parser.event;

/**
 * The kernel runs as a guest of a hypervisor (passthrough then needs nested support or a vIOMMU).
 *
 * <pre>{@code Hypervisor detected: Microsoft Hyper-V}</pre>
 *
 * @param record the log record it was read from
 * @param hypervisor the hypervisor name as printed
 */
public record HypervisorDetected(LogRecord record, String hypervisor) implements LogEvent {
}
