package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.Optional;

/**
 * A host PCI device assigned to a libvirt domain: a {@code <hostdev mode='subsystem' type='pci'>} or an
 * SR-IOV {@code <interface type='hostdev'>}.
 *
 * <p>Example input:
 * <pre>
 * &lt;hostdev mode="subsystem" type="pci" managed="yes"&gt;
 *   &lt;source&gt;&lt;address domain="0x0000" bus="0x28" slot="0x00" function="0x0"/&gt;&lt;/source&gt;
 *   &lt;rom file="/var/lib/libvirt/vbios/GPU.rom"/&gt;
 * &lt;/hostdev&gt;
 * </pre>
 *
 * @param span         the element's lines
 * @param domainName   the domain's {@code <name>}, empty text when the XML has none
 * @param element      {@code hostdev} or {@code interface}
 * @param device       the host PCI function
 * @param managed      {@code managed='yes'}: libvirt detaches the device from its host driver itself
 * @param driverName   {@code <driver name='vfio'/>} when given
 * @param romFile      {@code <rom file=.../>} when given
 * @param romBarOff    {@code <rom bar='off'/>}
 * @param guestAddress the PCI address inside the guest, when given
 */
public record DomainHostdev(SourceSpan span, String domainName, String element, PciAddress device, boolean managed,
                            Optional<String> driverName, Optional<String> romFile, boolean romBarOff,
                            Optional<PciAddress> guestAddress) implements Event {
}
