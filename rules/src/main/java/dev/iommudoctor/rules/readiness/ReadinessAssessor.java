package dev.iommudoctor.rules.readiness;

import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.model.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gives every non-bridge PCI function a passthrough verdict from the host model and the findings:
 * IOMMU state, its group mates and their drivers, the driver holding it, reset support, and every
 * finding that names it.
 */
public final class ReadinessAssessor {

    /** Findings that make a device unusable for passthrough until hardware, firmware or kernel change. */
    private static final Set<String> BLOCKING_RULES = Set.of("RMRR-INELIGIBLE-DEVICE", "IOMMU-ABSENT", "IOMMU-FIRMWARE-BUG");

    private ReadinessAssessor() {
    }

    public static List<DeviceReadiness> assess(HostModel host, List<Finding> findings) {
        List<DeviceReadiness> out = new ArrayList<>();
        for (PciFunction f : host.pci().functions()) {
            if (!f.isBridge()) {
                out.add(assess(host, f, findings));
            }
        }
        return out;
    }

    static DeviceReadiness assess(HostModel host, PciFunction f, List<Finding> findings) {
        List<String> reasons = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        Readiness verdict = Readiness.READY;

        IommuAssessment iommu = host.iommu();
        boolean firmwareExplains = findings.stream().anyMatch(x -> x.ruleId().equals("IOMMU-FIRMWARE-BUG"));
        if (iommu.enabled() == Tri.NO && !firmwareExplains) {
            boolean noFirmware = iommu.firmwareTable() == Tri.NO;
            verdict = worse(verdict, noFirmware ? Readiness.BLOCKED : Readiness.NEEDS_ACTION);
            reasons.add(noFirmware ? "the firmware has no DMAR/IVRS table (VT-d/AMD-Vi off in BIOS)"
                    : "the IOMMU is not enabled" + iommu.disabledBy().map(p -> " (" + p + ")").orElse(""));
            steps.add(noFirmware ? "enable VT-d / AMD-Vi (IOMMU) in the firmware setup"
                    : "enable the IOMMU on the kernel command line (see the IOMMU finding)");
        } else if (iommu.enabled() == Tri.UNKNOWN) {
            // Ready means shown to be ready: without evidence of a working IOMMU, say what to check.
            verdict = worse(verdict, Readiness.NEEDS_ACTION);
            reasons.add("IOMMU state not known from this bundle");
            steps.add("confirm the IOMMU is on: dmesg | grep -e 'DMAR' -e 'AMD-Vi' -e 'Adding to iommu group'");
        }

        boolean assignedByLibvirt = host.vfio().hostdev(f.address()).map(h -> h.managed()).orElse(false);
        if (!f.boundTo("vfio-pci") && f.driverSource().isPresent() && !assignedByLibvirt) {
            verdict = worse(verdict, Readiness.NEEDS_ACTION);
            reasons.add(f.driver().map(d -> "held by host driver " + d).orElse("no driver bound"));
            steps.add("bind to vfio-pci: " + f.vendorDevice().map(id -> "add " + id + " to 'options vfio-pci ids=' in /etc/modprobe.d/vfio.conf")
                    .orElse("driverctl set-override " + f.address() + " vfio-pci"));
        }

        f.iommuGroup().ifPresentOrElse(group -> {
            for (PciFunction mate : host.pci().groupMembers(group)) {
                if (mate.address().equals(f.address()) || mate.isBridge() || mate.boundTo("vfio-pci")) {
                    continue;
                }
                reasons.add("group " + group + " also holds " + mate.address() + mate.driver().map(d -> " (" + d + ")").orElse(""));
                if (mate.isStorage() || mate.isNetwork()) {
                    steps.add("move the card to a slot with its own IOMMU group: " + mate.address()
                            + " is a " + (mate.isStorage() ? "storage" : "network") + " controller the host may need");
                } else {
                    steps.add("bind " + mate.address() + " to vfio-pci as well (the whole group goes to the VM)");
                }
            }
        }, () -> reasons.add("IOMMU group not known from this bundle"));
        if (reasons.stream().anyMatch(r -> r.startsWith("group "))) {
            verdict = worse(verdict, Readiness.NEEDS_ACTION);
        }

        f.lspci().flatMap(d -> d.capability(PciExpressCapability.class))
                .filter(pcie -> !pcie.flReset())
                .ifPresent(pcie -> reasons.add("no function-level reset (FLReset-): the device may not reset between VM runs"));

        for (Finding finding : findings) {
            // Host-wide IOMMU errors (no device named) concern every device.
            boolean hostWide = finding.devices().isEmpty() && finding.severity() == Severity.ERROR
                    && finding.matrixRow() == dev.iommudoctor.rules.api.MatrixRow.IOMMU_PRESENCE;
            if (hostWide || finding.devices().contains(f.address().toString())) {
                ruleIds.add(finding.ruleId());
                if (BLOCKING_RULES.contains(finding.ruleId())) {
                    verdict = worse(verdict, Readiness.BLOCKED);
                } else if (finding.severity().atLeast(Severity.WARNING)) {
                    verdict = worse(verdict, Readiness.NEEDS_ACTION);
                }
                reasons.add(finding.ruleId() + ": " + finding.title());
            }
        }
        return new DeviceReadiness(f.address().toString(), f.label(), f.driver(), f.iommuGroup(), verdict,
                List.copyOf(reasons), List.copyOf(steps), List.copyOf(ruleIds), PassthroughIntent.intended(host, f));
    }

    private static Readiness worse(Readiness a, Readiness b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
