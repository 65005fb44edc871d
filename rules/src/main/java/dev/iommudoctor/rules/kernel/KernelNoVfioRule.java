package dev.iommudoctor.rules.kernel;

import dev.iommudoctor.parser.event.LoadedModule;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.parser.event.SysfsAttribute;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PassthroughDevices;
import java.util.List;
import java.util.Set;

/**
 * Passthrough is requested but the kernel shows no vfio-pci: lsmod lists neither vfio nor vfio_pci and
 * nothing else (a vfio-pci bound device, a {@code vfio_pci: add [...]} line, /sys/module/vfio_pci)
 * shows it built in, or QEMU could not even open the container {@code /dev/vfio/vfio}. Only fires on
 * such evidence; a bundle without lsmod says nothing about modules.
 */
@DiagnosticRule(id = "KERNEL-NO-VFIO", title = "Passthrough requested but vfio-pci is not loaded",
        severity = Severity.ERROR, matrixRow = MatrixRow.KERNEL)
public final class KernelNoVfioRule implements Rule {

    private static final Set<String> VFIO_MODULES = Set.of("vfio", "vfio_pci", "vfio_pci_core", "vfio_iommu_type1");

    @Override
    public RuleResult evaluate(HostModel host) {
        PassthroughDevices intent = PassthroughDevices.of(host);
        if (!intent.any()) {
            return RuleResult.passed();
        }
        List<PassthroughError> noContainer = host.events(PassthroughError.class).stream()
                .filter(e -> e.kind() == PassthroughErrorKind.GROUP_OPEN_FAILED && e.detail().contains("/dev/vfio/vfio")
                        && e.detail().contains("No such file or directory")).toList();
        List<LoadedModule> modules = host.events(LoadedModule.class);
        boolean lsmodWithoutVfio = lsmodWithoutVfio(host);
        if (noContainer.isEmpty() && !lsmodWithoutVfio) {
            return RuleResult.passed();
        }
        var f = finding().evidence(noContainer);
        intent.evidence().forEach(f::evidence);
        if (lsmodWithoutVfio) {
            f.evidence(modules.get(0).span(), "lsmod (" + modules.size() + " modules): no vfio, vfio_pci or vfio_iommu_type1");
        }
        return RuleResult.of(List.of(f
                .message("The host is set up to pass devices through (%d device(s) named), but %s. Without the vfio and "
                                + "vfio-pci modules there is no /dev/vfio and no device can be assigned. Note that "
                                + "vfio-pci.ids= on the kernel command line does not load a modular vfio-pci by itself.",
                        intent.devices().size(), noContainer.isEmpty()
                                ? "lsmod lists " + modules.size() + " modules and none of them is vfio or vfio_pci, and no "
                                        + "device is bound to vfio-pci"
                                : "QEMU could not open the VFIO container /dev/vfio/vfio (No such file or directory)")
                .remedy("load it now: modprobe vfio-pci   (pulls in vfio and vfio_iommu_type1), then check: ls /dev/vfio/")
                .remedy("load it at boot: echo vfio-pci > /etc/modules-load.d/vfio.conf, and for early binding put it in the "
                        + "initramfs: " + initramfsModules(host.identity().distro()))
                .remedy("if modprobe says 'Module vfio-pci not found': the kernel lacks it; check "
                        + "grep -E 'CONFIG_VFIO(_PCI)?=' /boot/config-$(uname -r) and install a kernel built with CONFIG_VFIO_PCI")
                .build()));
    }

    private static String initramfsModules(dev.iommudoctor.rules.model.Distro d) {
        return switch (d) {
            case DEBIAN, UBUNTU, PROXMOX -> "add the lines vfio, vfio_iommu_type1, vfio_pci to /etc/initramfs-tools/modules, then "
                    + d.initramfsCommand();
            case RHEL, FEDORA, SUSE -> "force_drivers+=\" vfio vfio_iommu_type1 vfio_pci \" in /etc/dracut.conf.d/vfio.conf, then "
                    + d.initramfsCommand();
            case ARCH -> "MODULES=(vfio_pci vfio vfio_iommu_type1) in /etc/mkinitcpio.conf, then mkinitcpio -P";
            default -> "/etc/initramfs-tools/modules (Debian/Ubuntu/Proxmox), force_drivers+=\" vfio vfio_iommu_type1 vfio_pci \" "
                    + "in /etc/dracut.conf.d/vfio.conf (RHEL/Fedora/SUSE) or MODULES=(...) in /etc/mkinitcpio.conf (Arch), then "
                    + "rebuild the initramfs";
        };
    }

    /** The bundle's lsmod lists no VFIO module and nothing shows vfio-pci built in. */
    public static boolean lsmodWithoutVfio(HostModel host) {
        List<LoadedModule> modules = host.events(LoadedModule.class);
        return !modules.isEmpty() && modules.stream().noneMatch(m -> VFIO_MODULES.contains(m.name())) && !builtInSigns(host);
    }

    /** vfio-pci can be built in (no lsmod line): then it still leaves traces. */
    private static boolean builtInSigns(HostModel host) {
        return host.pci().functions().stream().anyMatch(f -> f.boundTo("vfio-pci"))
                || host.events(VfioEvent.class).stream().anyMatch(e -> e.record().origin().map(o -> o.startsWith("vfio")).orElse(false)
                        || e.kind() == dev.iommudoctor.parser.event.VfioEventKind.MODULE_LOADED)
                || host.events(SysfsAttribute.class).stream().anyMatch(a -> a.path().startsWith("sys/module/vfio"));
    }

}
