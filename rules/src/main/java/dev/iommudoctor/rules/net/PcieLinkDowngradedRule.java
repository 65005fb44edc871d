package dev.iommudoctor.rules.net;

import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.model.QemuInvocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A passthrough device's link trained below what it supports: lspci {@code LnkSta: Speed 8GT/s, Width x4
 * (downgraded)} against {@code LnkCap: ... Width x16}. A narrower link is a slot, riser or bifurcation
 * matter and caps the guest's bandwidth. A slower speed alone on a GPU is skipped: GPUs drop the link to
 * 2.5GT/s when idle to save power.
 */
@DiagnosticRule(id = "PCIE-LINK-DOWNGRADED", title = "Passthrough device's PCIe link runs below its capability",
        severity = Severity.INFO, matrixRow = MatrixRow.MTU_PAYLOAD, requires = Fact.PCI_CAPABILITIES)
public final class PcieLinkDowngradedRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Set<PciAddress> passthrough = passthroughDevices(host);
        List<Finding> findings = new ArrayList<>();
        for (PciFunction f : host.pci().functions()) {
            if (!passthrough.contains(f.address()) || f.isBridge()) {
                continue;
            }
            Optional<PciExpressCapability> cap = f.lspci().flatMap(d -> d.capability(PciExpressCapability.class));
            if (cap.isEmpty() || !cap.get().linkDowngraded()) {
                continue;
            }
            PciExpressCapability c = cap.get();
            if (!c.lnkStaWidthDowngraded() && f.isDisplay()) {
                continue;
            }
            String sta = "Speed " + c.lnkStaSpeed().orElse("?") + (c.lnkStaSpeedDowngraded() ? " (downgraded)" : "")
                    + ", Width x" + (c.lnkStaWidth().isPresent() ? c.lnkStaWidth().getAsInt() : "?")
                    + (c.lnkStaWidthDowngraded() ? " (downgraded)" : "");
            String capText = "Speed " + c.lnkCapSpeed().orElse("?") + ", Width x"
                    + (c.lnkCapWidth().isPresent() ? c.lnkCapWidth().getAsInt() : "?");
            findings.add(finding().device(f.address())
                    .evidence(EvidenceLine.of(f.lspci().get().span(), f.address() + ": LnkCap: " + capText + "; LnkSta: " + sta))
                    .message("%s is meant for a VM but its PCIe link runs at %s while the device supports %s. The guest gets "
                            + "the reduced bandwidth; passthrough itself is not affected.", f.label(), sta, capText)
                    .remedy("check the slot: a x16 card in a slot wired x4/x8 (or sharing lanes with an M.2 socket), a riser, or "
                            + "a BIOS bifurcation setting narrows the link; the board manual lists lane sharing")
                    .remedy("re-seat the card and check the BIOS PCIe generation setting (Auto/GenN) for that slot")
                    .remedy("re-check under load: lspci -vv -s " + f.address() + " | grep -E 'LnkCap|LnkSta'")
                    .build());
        }
        return RuleResult.of(findings);
    }

    /** Bound to vfio-pci, claimed by vfio-pci ids, a libvirt hostdev, or a QEMU -device vfio-pci host=. */
    static Set<PciAddress> passthroughDevices(HostModel host) {
        Set<PciAddress> out = new HashSet<>();
        for (PciFunction f : host.pci().functions()) {
            if (f.boundTo("vfio-pci") || f.vendorDevice().map(host.vfio()::requests).orElse(false)) {
                out.add(f.address());
            }
        }
        host.vfio().hostdevs().forEach(h -> out.add(h.device()));
        for (QemuInvocation q : host.qemuInvocations()) {
            q.vfioDevices().forEach(d -> out.add(d.address()));
        }
        return out;
    }
}
