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
 * {@code vfio 0000:01:00.1: group 1 used in multiple address spaces}: QEMU was given functions of one IOMMU
 * group in different guest DMA address spaces (one behind a virtual IOMMU, or a container runtime plugging
 * each function separately). A group is one host IOMMU context: all of it goes to one address space of
 * one VM. Kept apart from VFIO-PROBE-FAILED because the fix is a
 * VM configuration change, not a host driver or kernel one.
 */
@DiagnosticRule(id = "VFIO-MULTIPLE-ADDRESS-SPACES", title = "Functions of one IOMMU group placed in different guest address spaces",
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
            f.message("QEMU was asked to put functions of IOMMU group %s into different guest DMA address spaces (%d time(s)). "
                            + "A group shares one IOMMU context on the host, so all of its functions must sit in one address "
                            + "space of one VM: the same VM, and either all behind the guest's virtual IOMMU or none of them.%s%s",
                    group, errors.size(), members.isEmpty() ? "" : " Group members: " + members + ".",
                    domains.size() > 1 ? " libvirt assigns them to: " + domains + "." : "")
                    .remedy("assign every endpoint function of group " + group + " (e.g. the GPU and its HDMI audio function) "
                            + "to the same VM, placed the same way: both on the same guest root port / bus (a multifunction "
                            + "device in the guest), not one behind intel-iommu/virtio-iommu and the other outside it")
                    .remedy("Kata Containers / KubeVirt: request the whole group as one resource and let it be cold- or hot-plugged "
                            + "onto one port (e.g. Kata hot_plug_vfio or cold_plug_vfio = \"root-port\"), not one function per container")
                    .remedy("functions that must go to different VMs need different groups: an ACS-capable slot, never two "
                            + "functions of one multifunction card");
            out.add(f.build());
        });
        return RuleResult.of(out);
    }
}
