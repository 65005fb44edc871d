package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * The firmware's RMRR description is broken (not reserved in the e820 map, misaligned ...).
 *
 * <pre>{@code DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x000000003e2e0000-0x000000003e2fffff]
 *               BIOS vendor: American Megatrends Inc.; Ver: 3.11.2150; Product Version: 1}</pre>
 *
 * @param record the log record it was read from
 * @param range the RMRR range as printed between the brackets
 * @param biosVendor from the {@code BIOS vendor:} continuation line
 * @param biosVersion from the continuation line ({@code Ver:})
 * @param productVersion from the continuation line
 * @param kind which RMRR check failed
 */
public record RmrrFirmwareBug(LogRecord record, Optional<String> range, Optional<String> biosVendor, Optional<String> biosVersion, Optional<String> productVersion, RmrrBugKind kind) implements LogEvent {
}
