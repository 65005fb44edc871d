package dev.iommudoctor.rules.rmrr;

import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.RmrrIneligible;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Device is ineligible for IOMMU domain attach due to platform RMRR requirement}: the firmware
 * reserves memory the device must keep reaching (HPE ProLiant shared-memory NICs and RAID, some
 * GPUs), so the kernel refuses to move it into a VM's domain.
 */
@DiagnosticRule(id = "RMRR-INELIGIBLE-DEVICE", title = "Device refused for passthrough by a platform RMRR",
        severity = Severity.ERROR, matrixRow = MatrixRow.RMRR, requires = Fact.KERNEL_LOG)
public final class RmrrIneligibleDeviceRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<PciAddress, List<RmrrIneligible>> byDevice = new LinkedHashMap<>();
        for (RmrrIneligible e : host.events(RmrrIneligible.class)) {
            byDevice.computeIfAbsent(e.device(), k -> new ArrayList<>()).add(e);
        }
        List<Finding> findings = new ArrayList<>();
        byDevice.forEach((device, events) -> {
            String label = host.pci().get(device).map(PciFunction::label).orElse(device.toString());
            String bios = host.identity().biosVersion().map(v -> ", BIOS " + v).orElse("");
            String system = host.identity().system().map(s -> " on " + s + bios).orElse(bios.isEmpty() ? "" : " (" + bios.substring(2) + ")");
            findings.add(finding()
                    .message("The kernel refused to attach %s to a VM domain %d time(s): the platform firmware%s declares an "
                            + "RMRR (reserved memory region) for it, so its DMA must stay identity-mapped.", label, events.size(), system)
                    .device(device)
                    .evidence(events)
                    .remedy("update the system firmware; several vendors relaxed RMRRs on add-in slots in later BIOS releases")
                    .remedy("move the card to a slot the firmware does not tie to an RMRR, or use the vendor's RMRR exclusion "
                            + "(HPE: set the slot's 'PCIe Device Disable/Shared Memory' off, or `conrep` with the RMRR exclusion XML)")
                    .remedy("last resort, with its risks: a kernel with the RMRR relaxation patch (e.g. Proxmox 'relax_rmrr'), "
                            + "which lets the device DMA into the reserved range while in the VM")
                    .build());
        });
        return RuleResult.of(findings);
    }
}
