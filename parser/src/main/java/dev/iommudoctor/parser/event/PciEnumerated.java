package dev.iommudoctor.parser.event;

/**
 * The PCI core found a device (also printed for each new SR-IOV VF).
 *
 * <pre>{@code pci 0000:01:00.0: [10de:1b80] type 00 class 0x030000}</pre>
 *
 * @param record the log record it was read from
 * @param device the address
 * @param vendorId four hex digits, lower case
 * @param deviceId four hex digits, lower case
 * @param classCode six hex digits (class, subclass, prog-if), lower case without 0x
 */
public record PciEnumerated(LogRecord record, PciAddress device, String vendorId, String deviceId, String classCode) implements LogEvent {
}
