package dev.iommudoctor.rules.sriov;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.ModprobeDirective;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.SriovCapability;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SR-IOV physical function with no VFs enabled ({@code Total VFs: 8, Number of VFs: 0}) on a host
 * that is set up to pass its VFs through: vfio-pci ids name the VF device id, libvirt hostdevs point at
 * the PF's VF addresses (computed from VF offset and stride), or {@code max_vfs=} is configured for the
 * PF driver. The VMs will not start until the VFs exist.
 */
@DiagnosticRule(id = "SRIOV-NO-VFS", title = "SR-IOV physical function has no VFs enabled although VFs are to be passed through",
        severity = Severity.WARNING, matrixRow = MatrixRow.SRIOV, requires = Fact.PCI_CAPABILITIES)
public final class SriovNoVfsRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        List<Finding> out = new ArrayList<>();
        for (PciFunction pf : host.pci().functions()) {
            Optional<SriovCapability> cap = pf.lspci().flatMap(d -> d.capability(SriovCapability.class));
            if (cap.isEmpty() || cap.get().totalVfs().orElse(0) == 0
                    || (cap.get().enabled() && cap.get().numVfs().orElse(0) > 0)) {
                continue;
            }
            List<EvidenceLine> wanted = wantedVfs(host, pf, cap.get());
            if (wanted.isEmpty()) {
                continue;
            }
            int total = cap.get().totalVfs().getAsInt();
            var f = finding().device(pf.address())
                    .evidence(new EvidenceLine(pf.lspci().get().span().source(), pf.lspci().get().span().line(),
                            pf.address() + ": SR-IOV Total VFs: " + total + ", Number of VFs: " + cap.get().numVfs().orElse(0)))
                    .message("%s can provide %d virtual functions but none is enabled, while the host is configured to pass its "
                            + "VFs%s to VMs. Those VMs cannot start until the VFs exist.", pf.label(), total,
                            cap.get().vfDeviceId().map(id -> " [" + pf.vendorId().orElse("????") + ":" + id + "]").orElse(""));
            wanted.forEach(f::evidence);
            out.add(f
                    .remedy("create them now (the PF driver " + pf.driver().orElse("") + " must be bound): echo <N> > "
                            + "/sys/bus/pci/devices/" + pf.address() + "/sriov_numvfs   (N <= " + total + ")")
                    .remedy("make it persistent with a udev rule, e.g. /etc/udev/rules.d/70-sriov.rules:\n   "
                            + "ACTION==\"add\", SUBSYSTEM==\"pci\", KERNEL==\"" + pf.address() + "\", ATTR{sriov_numvfs}=\"<N>\"")
                    .remedy("or let libvirt manage a VF pool: <network><forward mode='hostdev' managed='yes'><pf dev='<PF netdev>'/>"
                            + "</forward></network> (the VFs must still be created first)")
                    .build());
        }
        return RuleResult.of(out);
    }

    private static List<EvidenceLine> wantedVfs(HostModel host, PciFunction pf, SriovCapability cap) {
        List<EvidenceLine> out = new ArrayList<>();
        String vendor = pf.vendorId().orElse("");
        cap.vfDeviceId().ifPresent(vf -> {
            for (Map.Entry<String, EvidenceLine> id : host.vfio().requestedIds().entrySet()) {
                if (id.getKey().equalsIgnoreCase(vendor + ":" + vf)) {
                    out.add(id.getValue());
                }
            }
        });
        if (cap.vfOffset().isPresent() && cap.vfStride().isPresent()) {
            int rid = pf.address().bus() << 8 | pf.address().device() << 3 | pf.address().function();
            for (DomainHostdev h : host.vfio().hostdevs()) {
                for (int k = 0; k < cap.totalVfs().getAsInt(); k++) {
                    int vf = rid + cap.vfOffset().getAsInt() + cap.vfStride().getAsInt() * k;
                    PciAddress a = new PciAddress(pf.address().domain(), (vf >> 8) & 0xff, (vf >> 3) & 0x1f, vf & 7);
                    if (h.device().equals(a)) {
                        out.add(EvidenceLine.of(h.span(), "<" + h.element() + "> " + a + " (VF " + k + " of " + pf.address()
                                + ") in domain " + h.domainName()));
                    }
                }
            }
        }
        String module = pf.driver().or(() -> pf.modules().stream().findFirst()).orElse("").replace('-', '_');
        for (ModprobeDirective d : host.events(ModprobeDirective.class)) {
            if (d.command().equals("options") && d.moduleKey().equals(module)
                    && (d.options().containsKey("max_vfs") || d.options().containsKey("num_vfs"))) {
                out.add(EvidenceLine.of(d.span(), "options " + d.module() + " " + d.arguments()));
            }
        }
        return out;
    }
}
