package dev.iommudoctor.parser.event;

/**
 * Rate limiting dropped messages; for {@code dmar_fault} that means more faults than shown.
 *
 * <pre>{@code dmar_fault: 44 callbacks suppressed}</pre>
 *
 * @param record the log record it was read from
 * @param function the rate-limited function
 * @param count how many messages were dropped
 */
public record FaultsSuppressed(LogRecord record, String function, int count) implements LogEvent {
}
