package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PCI device as libvirt sees it, from {@code virsh nodedev-dumpxml pci_0000_01_00_0}.
 *
 * <p>Example input (abridged):
 * <pre>
 * &lt;device&gt;
 *   &lt;name&gt;pci_0000_01_00_0&lt;/name&gt;
 *   &lt;driver&gt;&lt;name&gt;vfio-pci&lt;/name&gt;&lt;/driver&gt;
 *   &lt;capability type='pci'&gt;
 *     &lt;domain&gt;0&lt;/domain&gt;&lt;bus&gt;1&lt;/bus&gt;&lt;slot&gt;0&lt;/slot&gt;&lt;function&gt;0&lt;/function&gt;
 *     &lt;product id='0x1b80'&gt;GP104 [GeForce GTX 1080]&lt;/product&gt;
 *     &lt;vendor id='0x10de'&gt;NVIDIA Corporation&lt;/vendor&gt;
 *     &lt;iommuGroup number='1'&gt;&lt;address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/&gt;&lt;/iommuGroup&gt;
 *     &lt;numa node='0'/&gt;
 *   &lt;/capability&gt;
 * &lt;/device&gt;
 * </pre>
 *
 * @param span              the {@code <device>} element's lines
 * @param name              libvirt node device name
 * @param address           the PCI function
 * @param parent            parent node device name
 * @param driver            bound driver, empty when none is bound
 * @param pciClass          class code as printed ({@code 0x030000})
 * @param vendorId          {@code 0x10de}
 * @param vendorName        vendor text
 * @param productId         {@code 0x1b80}
 * @param productName       product text
 * @param iommuGroup        IOMMU group number
 * @param groupMembers      every function of that group, this one included
 * @param numaNode          NUMA node ({@code -1} is printed by some hosts for "none" and kept)
 * @param physicalFunction  the PF, when this is an SR-IOV VF
 * @param virtualFunctions  the VFs, when this is an SR-IOV PF with VFs enabled
 */
public record NodeDevice(SourceSpan span, String name, PciAddress address, Optional<String> parent,
                         Optional<String> driver, Optional<String> pciClass, Optional<String> vendorId,
                         Optional<String> vendorName, Optional<String> productId, Optional<String> productName,
                         OptionalInt iommuGroup, List<PciAddress> groupMembers, OptionalInt numaNode,
                         Optional<PciAddress> physicalFunction, List<PciAddress> virtualFunctions) implements Event {

    public NodeDevice {
        groupMembers = List.copyOf(groupMembers);
        virtualFunctions = List.copyOf(virtualFunctions);
    }
}
