package dev.iommudoctor.parser.event;

import java.util.Optional;

/**
 * A kernel message about VFIO or a device it drives: probe, BAR reservation, reset, power state, interrupt safety ...
 *
 * <pre>{@code vfio-pci 0000:c3:00.0: BAR 0: can't reserve [mem 0x2800000000-0x2fffffffff 64bit pref]}</pre>
 *
 * @param record the log record it was read from
 * @param kind what happened
 * @param device the device concerned, when the line names one
 * @param detail the message text after the device prefix
 */
public record VfioEvent(LogRecord record, VfioEventKind kind, Optional<PciAddress> device, String detail) implements LogEvent {
}
