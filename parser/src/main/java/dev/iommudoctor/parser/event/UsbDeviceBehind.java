package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.Optional;

/**
 * A USB device that an ls-iommu style listing shows under a USB controller: passing the controller
 * through takes these devices (keyboard, receiver, hub) away from the host.
 *
 * <p>Example input: {@code USB:            [046d:c52b]              Bus 009 Device 002                       Logitech, Inc. Unifying Receiver}
 *
 * @param span           the line
 * @param group          the IOMMU group of the controller listed above it
 * @param controller     that controller, when one was listed before the line
 * @param vendorDeviceId {@code vvvv:pppp}
 * @param bus            USB bus number
 * @param device         USB device number on that bus
 * @param description    vendor and product text
 */
public record UsbDeviceBehind(SourceSpan span, int group, Optional<PciAddress> controller, String vendorDeviceId,
                              int bus, int device, String description) implements Event {
}
