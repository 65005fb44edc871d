package dev.iommudoctor.rules.readiness;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The passthrough verdict for one non-bridge PCI function, with the concrete steps.
 *
 * @param address  {@code 0000:01:00.0}
 * @param label    class, vendor and device names
 * @param driver   the driver bound now, when known
 * @param group    its IOMMU group, when known
 * @param verdict  ready / needs action / blocked
 * @param reasons  why (one short sentence each), in order of importance
 * @param steps    what to do, ready to paste
 * @param ruleIds  the findings that concern this device
 * @param candidate true when the host is set up to pass this device through (bound to vfio-pci,
 *                 requested by id, or a libvirt hostdev); other devices get a verdict for what passing
 *                 them through would take
 */
public record DeviceReadiness(String address, String label, Optional<String> driver, OptionalInt group,
                              Readiness verdict, List<String> reasons, List<String> steps, List<String> ruleIds,
                              boolean candidate) {
}
