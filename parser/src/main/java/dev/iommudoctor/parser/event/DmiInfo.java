package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * The machine identification printed early at boot (vendor, product, board, BIOS).
 *
 * <pre>{@code DMI: Supermicro AS -4125GS-TNRT/H13DSG-O-CPU, BIOS 3.2 10/20/2023}</pre>
 *
 * @param record the log record it was read from
 * @param system vendor, product and board as printed
 * @param biosVersion the BIOS version, e.g. {@code 3.2} or {@code Hyper-V UEFI Release v4.0}
 * @param biosDate the BIOS date as printed, usually MM/DD/YYYY
 */
public record DmiInfo(LogRecord record, String system, Optional<String> biosVersion, Optional<String> biosDate) implements LogEvent {
}
