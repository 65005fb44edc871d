package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The envelope of one log record, whatever log format it came from.
 *
 * <p>For {@code Nov  5 10:00:01 pve kernel: [   12.345678] vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)}
 * this is: monotonic 12.345678, wallClock "Nov  5 10:00:01", host "pve", origin "vfio-pci",
 * device 0000:01:00.0, text "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)".
 *
 * @param span       file and line range (continuation lines widen it)
 * @param monotonic  seconds since boot from a {@code [    1.234567]} stamp, when present
 * @param wallClock  the wall-clock stamp exactly as written (syslog, {@code dmesg -T}, ISO ...), when present
 * @param host       the syslog/journal host field, when present
 * @param level      printk level 0..7 from {@code <6>} or {@code dmesg -x}, when present
 * @param origin     the subsystem or driver prefix of the message ({@code DMAR}, {@code AMD-Vi},
 *                   {@code vfio-pci}, {@code pci}, {@code qemu-system-x86_64} ...), when present
 * @param device     the PCI device the message is about, when the prefix names one
 * @param text       the message body after the envelope, continuation lines joined with {@code \n}
 */
public record LogRecord(
        SourceSpan span,
        OptionalDouble monotonic,
        Optional<String> wallClock,
        Optional<String> host,
        OptionalInt level,
        Optional<String> origin,
        Optional<PciAddress> device,
        String text) {
}
