package dev.iommudoctor.rules.vfio;

import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.GroupView;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code vfio 0000:01:00.0: group 1 is not viable}: QEMU/libvirt could not take the device because
 * another member of its IOMMU group is still held by a host driver. Names the group, every member with
 * its driver, what to bind, and warns when a member is a storage or network controller the host needs.
 */
@DiagnosticRule(id = "VFIO-GROUP-NOT-VIABLE", title = "VFIO group not viable: a group member is held by a host driver",
        severity = Severity.ERROR, matrixRow = MatrixRow.GROUP_VIABILITY,
        requiresAnyOf = {Fact.VM_LOG, Fact.KERNEL_LOG})
public final class GroupNotViableRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<String, List<PassthroughError>> byGroup = new LinkedHashMap<>();
        for (PassthroughError e : host.events(PassthroughError.class)) {
            if (e.kind() == PassthroughErrorKind.GROUP_NOT_VIABLE) {
                OptionalInt g = e.group().isPresent() ? e.group() : e.device().flatMap(host.pci()::get)
                        .map(PciFunction::iommuGroup).orElse(OptionalInt.empty());
                byGroup.computeIfAbsent(g.isPresent() ? String.valueOf(g.getAsInt()) : "?", k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byGroup.forEach((group, errors) -> findings.add(finding(host, group, errors)));
        return RuleResult.of(findings);
    }

    private Finding finding(HostModel host, String group, List<PassthroughError> errors) {
        FindingBuilder f = finding().evidence(errors);
        errors.forEach(e -> e.device().ifPresent(f::device));
        PciAddress requested = errors.stream().flatMap(e -> e.device().stream()).findFirst().orElse(null);
        if (group.equals("?") || host.pci().groupMembers(Integer.parseInt(group)).isEmpty()) {
            return f.message("QEMU reported IOMMU group %s as not viable %d time(s) for %s, but the bundle does not show "
                                    + "the group's members, so iommu-doctor cannot name the device still held by a host driver.",
                            group, errors.size(), requested == null ? "a device" : requested)
                    .remedy("list the group: ls -l /sys/kernel/iommu_groups/" + group + "/devices/ and lspci -nnk -s <each member>")
                    .remedy("bind every non-bridge member to vfio-pci (driverctl set-override <address> vfio-pci), or add the "
                            + "missing functions (e.g. the GPU's HDMI audio) as hostdevs of the same VM")
                    .remedy("collect a full bundle (iommu-doctor collect) for a precise answer")
                    .build();
        }
        int number = Integer.parseInt(group);
        List<PciFunction> members = host.pci().groupMembers(number);
        List<PciFunction> blockers = GroupView.blockers(host, number);
        List<PciFunction> unknown = GroupView.unknown(host, number).stream()
                .filter(u -> errors.stream().noneMatch(e -> e.device().map(u.address()::equals).orElse(false))).toList();
        StringBuilder list = new StringBuilder();
        members.forEach(m -> list.append('\n').append(GroupView.describe(m)));
        f.message("QEMU could not use %s: IOMMU group %d is not viable (%d time(s)). A group is assigned whole, and every "
                        + "non-bridge member must be bound to vfio-pci. Members:%s", requested == null ? "the device" : requested,
                number, errors.size(), list);
        members.forEach(m -> m.groupEvidence().ifPresent(f::evidence));
        blockers.forEach(b -> {
            f.device(b.address());
            b.driverEvidence().ifPresent(f::evidence);
        });
        unknown.forEach(u -> f.device(u.address()));
        List<PciFunction> hostNeeds = java.util.stream.Stream.concat(blockers.stream(), unknown.stream())
                .filter(b -> b.isStorage() || b.isNetwork()).toList();
        if (!hostNeeds.isEmpty()) {
            f.remedy("WARNING: the group also holds " + String.join(", ", hostNeeds.stream().map(PciFunction::label).toList())
                    + ". Passing it through takes it away from the host (if it is the boot disk or the management NIC, "
                    + "the host loses it). Move the GPU/NIC to a slot wired to the CPU (its own group) instead.");
        }
        for (PciFunction b : blockers) {
            // The ids line that claims the passed device but not this member explains why it stayed on its driver.
            if (!host.vfio().requestedIds().isEmpty() && b.vendorDevice().map(id -> !host.vfio().requests(id)).orElse(false)) {
                f.evidence(host.vfio().requestedIds().values().iterator().next());
            }
            if (!hostNeeds.contains(b)) {
                f.remedy("bind " + b.address() + " (now " + b.driver().orElse("?") + ") to vfio-pci: "
                        + b.vendorDevice().map(id -> "add " + id + " to 'options vfio-pci ids=...' in /etc/modprobe.d/vfio.conf and rebuild the initramfs ("
                                + host.identity().distro().initramfsCommand().split("\n")[0] + "), or now: ")
                        .orElse("") + "driverctl set-override " + b.address() + " vfio-pci");
            }
        }
        for (PciFunction u : unknown) {
            if (!hostNeeds.contains(u)) {
                f.remedy("check " + u.address() + " (" + u.label() + "): lspci -nnk -s " + u.address()
                        + "; unless it is unbound or on vfio-pci, bind it: driverctl set-override " + u.address() + " vfio-pci");
            }
        }
        if (blockers.isEmpty() && unknown.isEmpty()) {
            f.remedy("every member is on vfio-pci or unbound in this bundle: the binding probably happened after the failure; "
                    + "make it permanent (vfio-pci ids= in modprobe.d plus initramfs rebuild) and pass all functions to the same VM");
        }
        f.remedy("pass all endpoint functions of the group to the same VM (e.g. GPU and its audio function)");
        return f.build();
    }
}
