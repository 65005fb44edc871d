package dev.iommudoctor.rules.net;

import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
        // the functions of one slot share one link: report the link once
        Map<PciAddress, List<PciFunction>> bySlot = new TreeMap<>();
        for (PciFunction f : host.pci().functions()) {
            if (!passthrough.contains(f.address()) || f.isBridge()) {
                continue;
            }
            Optional<PciExpressCapability> cap = express(f);
            if (cap.isPresent() && cap.get().linkDowngraded()) {
                bySlot.computeIfAbsent(f.address().slot(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<PciAddress, List<PciFunction>> e : bySlot.entrySet()) {
            PciFunction first = e.getValue().get(0);
            PciExpressCapability c = express(first).orElseThrow();
            boolean gpuSlot = host.pci().functions().stream()
                    .anyMatch(x -> x.address().slot().equals(e.getKey()) && x.isDisplay());
            if (!c.lnkStaWidthDowngraded() && gpuSlot) {
                continue; // GPUs lower the link speed when idle; only a narrower link is a finding there
            }
            findings.add(finding(first, c, e.getValue()));
        }
        return RuleResult.of(findings);
    }

    private static Optional<PciExpressCapability> express(PciFunction f) {
        return f.lspci().flatMap(d -> d.capability(PciExpressCapability.class));
    }

    private Finding finding(PciFunction f, PciExpressCapability c, List<PciFunction> functions) {
        String sta = "Speed " + c.lnkStaSpeed().orElse("?") + (c.lnkStaSpeedDowngraded() ? " (downgraded)" : "")
                + ", Width x" + (c.lnkStaWidth().isPresent() ? c.lnkStaWidth().getAsInt() : "?")
                + (c.lnkStaWidthDowngraded() ? " (downgraded)" : "");
        String capText = "Speed " + c.lnkCapSpeed().orElse("?") + ", Width x"
                + (c.lnkCapWidth().isPresent() ? c.lnkCapWidth().getAsInt() : "?");
        FindingBuilder b = finding();
        for (PciFunction x : functions) {
            b.device(x.address());
            x.lspci().ifPresent(l -> b.evidence(EvidenceLine.of(l.span(), x.address() + ": LnkCap: " + capText + "; LnkSta: " + sta)));
        }
        return b.message("%s is meant for a VM but its PCIe link runs at %s while the device supports %s. The guest gets "
                        + "the reduced bandwidth; passthrough itself is not affected.", f.label(), sta, capText)
                .remedy("check the slot: a x16 card in a slot wired x4/x8 (or sharing lanes with an M.2 socket), a riser, or "
                        + "a BIOS bifurcation setting narrows the link; the board manual lists lane sharing")
                .remedy("re-seat the card and check the BIOS PCIe generation setting (Auto/GenN) for that slot")
                .remedy("re-check under load: lspci -vv -s " + f.address() + " | grep -E 'LnkCap|LnkSta'")
                .build();
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
