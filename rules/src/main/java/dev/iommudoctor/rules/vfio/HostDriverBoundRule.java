package dev.iommudoctor.rules.vfio;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.Distro;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.model.VfioConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A device whose id is claimed for vfio-pci ({@code options vfio-pci ids=} or {@code vfio-pci.ids=})
 * is still bound to a host driver: the host driver loaded first (from the initramfs, or because
 * vfio-pci is a module loaded later), so vfio-pci never saw the device.
 */
@DiagnosticRule(id = "VFIO-HOST-DRIVER-BOUND", title = "Device meant for vfio-pci is held by a host driver",
        severity = Severity.ERROR, matrixRow = MatrixRow.HOST_DRIVER, requires = Fact.PCI_DEVICES,
        requiresAnyOf = {Fact.MODPROBE, Fact.CMDLINE})
public final class HostDriverBoundRule implements Rule {

    /** Drivers that are the intended owner, or no owner at all from the host's point of view. */
    private static final Set<String> FINE = Set.of("vfio-pci", "pci-stub", "vfio_pci");

    @Override
    public RuleResult evaluate(HostModel host) {
        VfioConfig vfio = host.vfio();
        if (vfio.requestedIds().isEmpty()) {
            return RuleResult.passed();
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, EvidenceLine> req : vfio.requestedIds().entrySet()) {
            for (PciFunction f : host.pci().withId(req.getKey())) {
                if (f.driver().isEmpty() || FINE.contains(f.driver().get())) {
                    continue;
                }
                findings.add(finding(host, vfio, f, req.getValue()));
            }
        }
        return RuleResult.of(findings);
    }

    private Finding finding(HostModel host, VfioConfig vfio, PciFunction f, EvidenceLine request) {
        String driver = f.driver().get();
        String module = driver.replace('-', '_');
        Distro distro = host.identity().distro();
        var b = finding()
                .device(f.address())
                .evidence(request)
                .message("%s is listed for vfio-pci (%s) but the host driver '%s' holds it. Whichever driver loads first "
                                + "claims the device: %s loaded before vfio-pci%s.", f.label(), request.text(), driver, driver,
                        vfio.softdeps().containsKey(module) ? " despite the softdep (the initramfs may be stale)"
                                : ", and no 'softdep " + module + " pre: vfio-pci' orders them");
        f.driverEvidence().ifPresent(b::evidence);
        if (vfio.softdeps().containsKey(module)) {
            b.evidence(vfio.softdeps().get(module));
        }
        String ids = String.join(",", vfio.requestedIds().keySet());
        b.remedy("in /etc/modprobe.d/vfio.conf:\n   options vfio-pci ids=" + ids + "\n   softdep " + module + " pre: vfio-pci"
                + (module.equals("nvidia") ? "\n   softdep nouveau pre: vfio-pci" : "")
                + (module.equals("amdgpu") ? "\n   softdep radeon pre: vfio-pci" : ""));
        b.remedy("rebuild the initramfs so the early boot uses it: " + distro.initramfsCommand().replace("\n", " ; "));
        b.remedy("reboot, then check: lspci -nnk -s " + f.address() + "   (expect: Kernel driver in use: vfio-pci)");
        b.remedy("without a reboot: echo " + f.address() + " > /sys/bus/pci/drivers/" + driver
                + "/unbind && driverctl set-override " + f.address() + " vfio-pci");
        return b.build();
    }
}
