package dev.iommudoctor.rules.vfio;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Finding;
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
import java.util.stream.Collectors;

/**
 * {@code vfio 0000:01:00.1: group 1 used in multiple address spaces}: the functions of one IOMMU group
 * were split between VMs (or between a VM and a container runtime's second sandbox). A group is one
 * DMA address space; it goes to one VM, whole. Kept apart from VFIO-PROBE-FAILED because the fix is a
 * VM configuration change, not a host driver or kernel one.
 */
@DiagnosticRule(id = "VFIO-MULTIPLE-ADDRESS-SPACES", title = "One IOMMU group split across several VMs",
        severity = Severity.ERROR, matrixRow = MatrixRow.GROUP_VIABILITY)
public final class MultipleAddressSpacesRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<String, List<PassthroughError>> byGroup = new LinkedHashMap<>();
        for (PassthroughError e : host.events(PassthroughError.class)) {
            if (e.kind() == PassthroughErrorKind.MULTIPLE_ADDRESS_SPACES) {
                byGroup.computeIfAbsent(e.group().isPresent() ? String.valueOf(e.group().getAsInt()) : "?",
                        k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        byGroup.forEach((group, errors) -> {
            var f = finding().evidence(errors);
            errors.forEach(e -> e.device().ifPresent(f::device));
            String members = group.equals("?") ? "" : host.pci().groupMembers(Integer.parseInt(group)).stream()
                    .filter(m -> !m.isBridge()).map(PciFunction::label).collect(Collectors.joining(", "));
            Map<String, List<String>> domains = new LinkedHashMap<>();
            if (!group.equals("?")) {
                for (DomainHostdev h : host.vfio().hostdevs()) {
                    if (host.pci().get(h.device()).flatMap(p -> p.iommuGroup().isPresent() ? java.util.Optional.of(p.iommuGroup().getAsInt())
                            : java.util.Optional.empty()).map(g -> g == Integer.parseInt(group)).orElse(false)) {
                        domains.computeIfAbsent(h.domainName(), k -> new ArrayList<>()).add(h.device().toString());
                        f.evidence(h.span(), "<" + h.element() + "> " + h.device() + " in domain " + h.domainName());
                    }
                }
            }
            f.message("IOMMU group %s is one DMA address space and can be attached to only one VM, but its functions were "
                            + "given to more than one (%d time(s)).%s%s", group, errors.size(),
                    members.isEmpty() ? "" : " Group members: " + members + ".",
                    domains.size() > 1 ? " libvirt assigns them to: " + domains + "." : "")
                    .remedy("assign every endpoint function of group " + group + " (e.g. GPU 01:00.0 and its audio 01:00.1) "
                            + "to the same VM, in one <hostdev> list / one QEMU command line")
                    .remedy("Kata/KubeVirt: request the whole group as one resource (all functions in one pod/VMI), not one "
                            + "function per container")
                    .remedy("if the functions must go to different VMs, they need separate groups: another slot (ACS-capable "
                            + "root port), never the same multifunction device");
            out.add(f.build());
        });
        return RuleResult.of(out);
    }
}
