package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * State of interrupt remapping, which VFIO needs for safe MSI delivery.
 *
 * <pre>{@code DMAR-IR: Enabled IRQ remapping in x2apic mode}</pre>
 *
 * @param record the log record it was read from
 * @param vendor INTEL, AMD or GENERIC when the line names none
 * @param state enabled, disabled, failed ...
 * @param mode {@code x2apic} or {@code xapic} when printed
 */
public record InterruptRemapping(LogRecord record, IommuVendor vendor, IrqRemapState state, Optional<String> mode) implements LogEvent {
}
