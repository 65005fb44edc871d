package dev.iommudoctor.parser.event;

/**
 * A log line none of the message families claimed. Kept so that no input line is ever lost: rules can
 * still search its text, the incident index stores it, and {@code parse --stats} reports the share.
 */
public record UnrecognizedLine(LogRecord record) implements LogEvent {
}
