package dev.iommudoctor.parser.event;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user-space passthrough failure reported by QEMU, libvirt or Xen's libxl.
 *
 * <pre>{@code qemu-system-x86_64: -device vfio-pci,host=0000:28:00.0,id=hostdev0,bus=pci.3,addr=0x0: vfio 0000:28:00.0: group 13 is not viable}</pre>
 *
 * @param record the log record it was read from
 * @param kind what failed
 * @param device the device concerned, when named
 * @param group the IOMMU group, when named
 * @param detail the message from the failing part on
 */
public record PassthroughError(LogRecord record, PassthroughErrorKind kind, Optional<PciAddress> device, OptionalInt group, String detail) implements LogEvent {
}
