package dev.iommudoctor.rules.kernel;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.KernelInfo;
import dev.iommudoctor.rules.model.Tri;
import java.util.List;

/**
 * The running kernel predates 5.15 LTS: the passthrough host misses VFIO and PCI power/reset work that
 * current guides assume. Lists exactly what the running release lacks. Below 4.1 it is an error: even
 * the basic idle-power handling of vfio-pci is missing. Without any sign of passthrough set-up (no vfio ids,
 * hostdevs, vfio-pci devices or VFIO errors) the finding is only informational. A VM guest's kernel is not the passthrough
 * host's kernel, so guests without a virtual IOMMU are not judged.
 */
@DiagnosticRule(id = "KERNEL-TOO-OLD", title = "Kernel older than 5.15 LTS for a passthrough host",
        severity = Severity.WARNING, matrixRow = MatrixRow.KERNEL, requires = Fact.KERNEL_VERSION)
public final class KernelTooOldRule implements Rule {

    /** A VFIO-relevant change and the upstream release that brought it. */
    record Feature(int major, int minor, String text) {
    }

    static final List<Feature> FEATURES = List.of(
            new Feature(4, 1, "vfio-pci parks idle devices in D3hot, with vfio-pci.disable_idle_d3=1 to turn that off"),
            new Feature(4, 5, "VFIO no-IOMMU mode (vfio.enable_unsafe_noiommu_mode) for DPDK on hosts without an IOMMU"),
            new Feature(4, 10, "mediated devices (vfio-mdev: Intel GVT-g, vGPU)"),
            new Feature(5, 1, "vfio_iommu_type1.dma_entry_limit, the cap on DMA mappings per container (CVE-2019-3882 fix)"),
            new Feature(5, 15, "the vfio-pci-core split that variant drivers (live migration) build on, and sysfb "
                    + "in drivers/firmware, the reason initcall_blacklist=sysfb_init replaces video=efifb:off"),
            new Feature(5, 19, "runtime PM for idle vfio-pci devices, letting unused GPUs reach D3cold"),
            new Feature(6, 2, "iommufd (/dev/iommu), the newer VFIO IOMMU backend"),
            new Feature(6, 6, "VFIO device cdev (/dev/vfio/devices/vfioN) that QEMU 9.0+ uses with -object iommufd"));

    private static final java.util.regex.Pattern EL = java.util.regex.Pattern.compile("\\.el(\\d+)");

    /**
     * RHEL 9 (and rebuilds: Rocky, Alma) ships 5.14-based kernels whose VFIO/IOMMU code is backported from much
     * newer upstream releases (e.g. the mlx5 VFIO live-migration variant driver, upstream 5.18): the number lies.
     */
    static boolean rhelAtLeast9(String release) {
        java.util.regex.Matcher m = EL.matcher(release);
        return m.find() && Integer.parseInt(m.group(1)) >= 9;
    }

    @Override
    public RuleResult evaluate(HostModel host) {
        KernelInfo k = host.kernel().get();
        if (k.atLeast(5, 15) || rhelAtLeast9(k.release())) {
            return RuleResult.passed();
        }
        if (host.identity().isVirtualMachine() && host.iommu().enabled() != Tri.YES) {
            return RuleResult.notApplicable("VM guest (" + host.identity().hypervisor().get() + ") without a virtual IOMMU: "
                    + "devices are passed through by the hypervisor host, whose kernel is what matters");
        }
        List<String> missing = FEATURES.stream().filter(f -> !k.atLeast(f.major(), f.minor()))
                .map(f -> f.major() + "." + f.minor() + ": " + f.text()).toList();
        boolean ancient = !k.atLeast(4, 1);
        boolean vendor = k.release().matches(".*\\.el\\d+.*") || k.release().contains("-sles") || k.release().contains("uek");
        var f = finding()
                .message("Kernel %s is older than 5.15 LTS, the oldest kernel current passthrough guides and QEMU/libvirt "
                                + "defaults are tested against. It lacks (upstream release: change):\n  %s\nplus years of "
                                + "device reset, ACS and IOMMU quirks (e.g. the avoid-FLR quirks for AMD Matisse/Starship "
                                + "audio and USB).%s", k.release(), String.join("\n  ", missing),
                        vendor ? " This is a vendor kernel that backports selected VFIO fixes, so some of these may be "
                                + "present; check its changelog before acting." : "")
                .evidence(k.evidence())
                .remedy("upgrade to a maintained kernel of 5.15 or later (6.1+ recommended): the distribution's HWE/backports "
                        + "kernel, e.g. Ubuntu linux-generic-hwe, Debian bookworm-backports, Proxmox opt-in kernels, RHEL 9")
                .remedy("after the upgrade re-run iommu-doctor: intel_iommu/vfio-pci settings carry over, but check "
                        + "video=efifb:off versus initcall_blacklist=sysfb_init for the boot GPU");
        dev.iommudoctor.rules.model.PassthroughDevices.of(host).evidence().stream().limit(3).forEach(f::evidence);
        if (host.passthroughIntent().isEmpty()) {
            // nothing here is set up for passthrough yet: a remark for whoever plans it, not a fault
            f.severity(Severity.INFO);
        } else if (ancient) {
            f.severity(Severity.ERROR);
        }
        return RuleResult.of(List.of(f.build()));
    }
}
