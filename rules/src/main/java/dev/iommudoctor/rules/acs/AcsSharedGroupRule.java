package dev.iommudoctor.rules.acs;

import dev.iommudoctor.parser.event.AcsEvent;
import dev.iommudoctor.parser.event.AcsEventKind;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.acs.PciTopology.AcsState;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A device meant for a VM shares its IOMMU group with endpoints of other devices, because a port above it
 * does not isolate peer-to-peer traffic (no ACS, or ACS disabled). The group is assigned as a whole, so the
 * VM would get (or the host would lose) the group mates. A GPU alone with its own audio function is normal.
 * Also covers the predictive case "the group mates are held by host drivers": the VM start would then fail
 * with {@code group N is not viable} (reported after the fact by VFIO-GROUP-NOT-VIABLE).
 */
@DiagnosticRule(id = "ACS-SHARED-GROUP", title = "Passthrough device shares its IOMMU group with other devices",
        severity = Severity.WARNING, matrixRow = MatrixRow.ACS, requires = {Fact.IOMMU_GROUPS, Fact.PCI_DEVICES})
public final class AcsSharedGroupRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        PciTopology topology = new PciTopology(host);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Integer, List<PciAddress>> g : host.pci().groups().entrySet()) {
            List<PciFunction> members = host.pci().groupMembers(g.getKey());
            List<PciFunction> wanted = members.stream().filter(PciFunction::isEndpointKnown)
                    .filter(f -> PassthroughIntent.intended(host, f)).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            Set<PciAddress> wantedSlots = new LinkedHashSet<>();
            wanted.forEach(f -> wantedSlots.add(f.address().slot()));
            List<PciFunction> foreign = members.stream().filter(PciFunction::isEndpointKnown)
                    .filter(f -> wantedSlots.size() > 1 || !wantedSlots.contains(f.address().slot())).toList();
            if (wantedSlots.size() == 1 && foreign.isEmpty()) {
                continue;
            }
            findings.add(finding(host, topology, g.getKey(), members, wanted, foreign, wantedSlots));
        }
        return RuleResult.of(findings);
    }

    private Finding finding(HostModel host, PciTopology topology, int group, List<PciFunction> members,
                            List<PciFunction> wanted, List<PciFunction> foreign, Set<PciAddress> wantedSlots) {
        FindingBuilder f = finding();
        PciFunction primary = wanted.get(0);
        for (PciAddress slot : wantedSlots) {
            wanted.stream().filter(w -> w.address().slot().equals(slot)).findFirst().ifPresent(w -> f.device(w.address()));
        }
        for (PciFunction m : members) {
            if (m.isEndpointKnown() && (wanted.contains(m) || foreign.contains(m))) {
                m.groupSource().ifPresent(s -> f.evidence(s, m.label() + ": IOMMU group " + group));
            }
        }
        List<PciFunction> others = foreign.stream().filter(m -> !wanted.contains(m)).toList();
        StringBuilder list = new StringBuilder();
        members.stream().filter(m -> wanted.contains(m) || others.contains(m))
                .forEach(m -> list.append("\n  ").append(m.label()).append(" -> ")
                        .append(m.driver().map(d -> "driver " + d).orElse(m.driverSource().isPresent() ? "no driver"
                                : "driver not shown in this bundle"))
                        .append(wanted.contains(m) ? "   <- meant for passthrough" : ""));
        String ports = describePorts(host, topology, group, primary, f);
        List<PciFunction> hostHeld = others.stream().filter(m -> m.driver().isPresent() && !PassthroughIntent.intended(host, m))
                .toList();
        String what = others.isEmpty()
                ? "the functions of " + wantedSlots.size() + " different devices meant for passthrough"
                : others.size() + " endpoint(s) of other devices";
        f.message("IOMMU group %d holds %s together with %s. A group is assigned to a VM as a whole, so the VM "
                        + "gets all of them or cannot start.%s Members:%s", group, primary.label(), what, ports, list);
        if (!hostHeld.isEmpty()) {
            f.remedy("as configured, starting the VM fails with 'vfio " + primary.address() + ": group " + group
                    + " is not viable' while " + String.join(", ", hostHeld.stream()
                            .map(m -> m.address() + " (" + m.driver().get() + ")").toList())
                    + " stay on host drivers" + (hostHeld.stream().anyMatch(m -> m.isStorage() || m.isNetwork())
                            ? "; these include storage/network controllers the host may need (boot disk, management NIC)" : ""));
        }
        f.remedy("move " + primary.address().slot() + " to a slot wired to the CPU (a root port on bus 00 whose IOMMU group "
                + "holds only that slot; check with: for d in /sys/kernel/iommu_groups/*/devices/*; do echo \"$d\"; done)");
        f.remedy("update the firmware and look for an ACS / 'PCIe ACS' / 'ACS Enable' BIOS option, or use a board whose "
                + "chipset/switch ports implement ACS");
        if (!others.isEmpty()) {
            f.remedy("or pass the whole group to the same VM: bind " + String.join(", ", others.stream()
                    .map(m -> m.address().toString()).toList()) + " to vfio-pci too (only if the host does not need them)");
        }
        f.remedy("last resort: the ACS override (pcie_acs_override=downstream,multifunction, Proxmox/zen kernels only) splits "
                + "the group without real isolation: the passed-through device can then DMA to the other devices "
                + "behind the same port, unseen by the IOMMU");
        return f.build();
    }

    /** Names the ports above the device that do not isolate it, and the first one that does. */
    private static String describePorts(HostModel host, PciTopology topology, int group, PciFunction device, FindingBuilder f) {
        List<PciFunction> chain = topology.upstream(device.address());
        if (chain.isEmpty()) {
            // no Bus: lines: fall back to the PCI-to-PCI bridges (ports) of the group; host and ISA bridges never matter
            chain = host.pci().groupMembers(group).stream()
                    .filter(b -> b.classCode().map(c -> c.startsWith("0604")).orElse(false)).toList();
        }
        Set<PciAddress> quirked = new java.util.HashSet<>();
        host.events(AcsEvent.class).stream().filter(e -> e.kind() == AcsEventKind.QUIRK_APPLIED)
                .forEach(e -> e.device().ifPresent(quirked::add));
        List<String> lacking = new ArrayList<>();
        Optional<PciFunction> isolating = Optional.empty();
        for (PciFunction port : chain) {
            Optional<AcsState> state = quirked.contains(port.address()) ? Optional.of(AcsState.ENABLED)
                    : PciTopology.acsState(port, multifunction(host, port));
            if (state.isEmpty() || state.get() == AcsState.NOT_REQUIRED) {
                continue;
            }
            String type = PciTopology.portType(port).map(t -> t + " ").orElse("");
            switch (state.get()) {
                case MISSING -> lacking.add(port.address() + " (" + type + "has no ACS capability)");
                case DISABLED -> lacking.add(port.address() + " (" + type + "has ACS but the required controls are off)");
                case ENABLED -> isolating = Optional.of(port);
                default -> { }
            }
            if (state.get() == AcsState.ENABLED) {
                port.lspci().ifPresent(d -> f.evidence(d.span(), port.label() + ": ACS enabled"));
                break;
            }
            port.lspci().ifPresent(d -> f.evidence(d.span(), port.label() + ": no ACS isolation"));
        }
        if (lacking.isEmpty()) {
            return " The ports above it could not be checked for ACS (collect lspci -vvv as root).";
        }
        return " Peer-to-peer traffic is not isolated by " + String.join(", ", lacking)
                + isolating.map(p -> "; isolation starts at " + p.address() + ", which has ACS enabled").orElse("") + ".";
    }

    private static boolean multifunction(HostModel host, PciFunction f) {
        return host.pci().functions().stream().anyMatch(o -> !o.address().equals(f.address())
                && o.address().slot().equals(f.address().slot()));
    }
}
