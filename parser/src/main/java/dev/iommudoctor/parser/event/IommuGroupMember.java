package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * One PCI function in one IOMMU group, from any common listing of {@code /sys/kernel/iommu_groups}.
 * Passthrough needs every member of a group bound to vfio-pci (bridges excepted), so the listing is
 * what explains "group N is not viable".
 *
 * <p>Example inputs (all give group 1, device 0000:01:00.0):
 * <pre>
 * /sys/kernel/iommu_groups/1/devices/0000:01:00.0
 * IOMMU Group 1 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [GeForce GTX 1080] [10de:1b80] (rev a1)
 * Group 1:	[10de:1b80] [R] 01:00.0  VGA compatible controller   GP104 [GeForce GTX 1080]
 * </pre>
 *
 * @param span           the line
 * @param group          the IOMMU group number
 * @param device         the PCI function
 * @param description    the device text when the listing has one: the lspci text after the address
 *                       verbatim, or {@code class: name} for ls-iommu columns
 * @param vendorDeviceId {@code vvvv:dddd} when the listing shows it
 * @param resetCapable   {@code [R]} flag of ls-iommu listings; empty when the form does not say
 * @param driver         {@code Kernel driver in use:} when the listing used {@code lspci -k}
 * @param details        other {@code lspci -k}/{@code -v} lines under the device ({@code Subsystem: ...},
 *                       {@code Kernel modules: nouveau}), trimmed and verbatim
 */
public record IommuGroupMember(SourceSpan span, int group, PciAddress device, Optional<String> description,
                               Optional<String> vendorDeviceId, Optional<Boolean> resetCapable,
                               Optional<String> driver, List<String> details) implements Event {

    public IommuGroupMember {
        details = List.copyOf(details);
    }
}
