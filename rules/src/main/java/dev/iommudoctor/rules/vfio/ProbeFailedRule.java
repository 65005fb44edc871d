package dev.iommudoctor.rules.vfio;

import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.RmrrIneligible;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.kernel.KernelNoVfioRule;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.model.Tri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * VFIO setup failures that other rules do not explain: {@code vfio-pci: probe of ... failed with error
 * -22}, QEMU's {@code failed to setup container for group 11: Failed to set iommu for container: ...},
 * {@code failed to open /dev/vfio/7}, {@code error getting device from group 24}, {@code Device or
 * resource busy}, libxl's {@code cannot be assigned - no IOMMU?}, and an unreadable ROM on a vfio-pci
 * device. One finding per failure kind and device/group, each with the remedy of that failure.
 */
@DiagnosticRule(id = "VFIO-PROBE-FAILED", title = "VFIO could not set up the device, group or container",
        severity = Severity.ERROR, matrixRow = MatrixRow.VFIO_RUNTIME)
public final class ProbeFailedRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Set<PciAddress> rmrr = host.events(RmrrIneligible.class).stream().map(RmrrIneligible::device).collect(Collectors.toSet());
        Map<String, List<LogEvent>> cases = new LinkedHashMap<>();
        for (PassthroughError e : host.events(PassthroughError.class)) {
            boolean mine = switch (e.kind()) {
                // EPERM from VFIO_SET_IOMMU is the missing interrupt remapping the IRQ rules explain
                case CONTAINER_SETUP_FAILED -> e.device().map(d -> !rmrr.contains(d)).orElse(true)
                        && !(e.detail().contains("Operation not permitted") && noInterruptRemapping(host))
                        && !DmaMapFailedRule.pinningFailed(e.detail()); // VFIO-DMA-MAP-FAILED's
                // the container missing, or no vfio module at all: KERNEL-NO-VFIO
                case GROUP_OPEN_FAILED -> !e.detail().contains("/dev/vfio/vfio")
                        && !(e.detail().contains("No such file") && KernelNoVfioRule.lsmodWithoutVfio(host));
                case DEVICE_GET_FAILED, DEVICE_BUSY, NO_IOMMU -> true;
                default -> false;
            };
            if (mine) {
                cases.computeIfAbsent(e.kind() + " " + e.device().map(Object::toString)
                        .orElse(e.group().isPresent() ? "group " + e.group().getAsInt() : "?"), k -> new ArrayList<>()).add(e);
            }
        }
        for (VfioEvent e : host.events(VfioEvent.class)) {
            boolean vfioOrigin = e.record().origin().map(o -> o.startsWith("vfio")).orElse(false);
            // -22 with the IOMMU known to be off is the IOMMU rules' finding, not a separate one
            if ((e.kind() == VfioEventKind.PROBE_FAILED && !(e.detail().endsWith("-22") && iommuNotWorking(host)))
                    || (e.kind() == VfioEventKind.INVALID_ROM && vfioOrigin && e.device().map(d -> host.vfio().hostdev(d)
                            .map(h -> h.romFile().isEmpty() && !h.romBarOff()).orElse(true)).orElse(false))) {
                cases.computeIfAbsent(e.kind() + " " + e.device().map(Object::toString).orElse(e.detail()),
                        k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        cases.values().forEach(events -> out.add(finding(host, events)));
        return RuleResult.of(out);
    }

    /** Known off, or a boot log that put no device into any IOMMU group ('DMAR: IOMMU enabled' alone proves nothing). */
    private static boolean iommuNotWorking(HostModel host) {
        return host.iommu().enabled() == Tri.NO
                || (host.has(dev.iommudoctor.rules.api.Fact.BOOT_LOG) && host.pci().groups().isEmpty());
    }

    private static final java.util.regex.Pattern MDEV = java.util.regex.Pattern.compile("vfio ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):");

    private static boolean noInterruptRemapping(HostModel host) {
        return host.iommu().interruptRemapping() == Tri.NO
                || host.events(VfioEvent.class).stream().anyMatch(v -> v.kind() == VfioEventKind.NO_INTERRUPT_REMAPPING);
    }

    private Finding finding(HostModel host, List<LogEvent> events) {
        LogEvent first = events.get(0);
        FindingBuilder f = finding().evidence(events);
        PciAddress device = first instanceof PassthroughError p ? p.device().orElse(null)
                : ((VfioEvent) first).device().orElse(PciAddress.tryParse(((VfioEvent) first).detail().replaceAll(".*probe of (\\S+) .*", "$1")));
        if (device != null) {
            f.device(device);
        }
        java.util.regex.Matcher mdev = MDEV.matcher(first.record().text());
        String what = device != null ? host.pci().get(device).map(PciFunction::label).orElse(device.toString())
                : mdev.find() ? "mediated device " + mdev.group(1) : "the device";
        // end the quoted message as a sentence without doubling its own punctuation ("no IOMMU?.")
        String text = (first instanceof PassthroughError p ? p.detail() : ((VfioEvent) first).detail()).replaceAll("[.?!]+$", "");
        String times = events.size() > 1 ? " (" + events.size() + " times)" : "";
        java.util.regex.Matcher vfioFile = java.util.regex.Pattern.compile("/dev/vfio/(\\d+)").matcher(text);
        String group = first instanceof PassthroughError p && p.group().isPresent() ? String.valueOf(p.group().getAsInt())
                : vfioFile.find() ? vfioFile.group(1) : "N";
        if (first instanceof VfioEvent v && v.kind() == VfioEventKind.INVALID_ROM) {
            return f.severity(Severity.WARNING)
                    .message("vfio-pci could not read a valid option ROM from %s%s: %s. A GPU whose ROM is shadowed by the "
                            + "firmware (boot GPU) or unreadable gives the guest no VBIOS, so UEFI/guest drivers may not "
                            + "initialise it.", what, times, text)
                    .remedy("dump a clean VBIOS (from a boot where the card is not primary, or the vendor's file) and give it "
                            + "to the VM: libvirt <rom file='/var/lib/libvirt/vbios/gpu.rom'/>, QEMU -device vfio-pci,...,romfile=...")
                    .remedy("for devices that need no ROM (NICs, NVMe): <rom bar='off'/> / rombar=0")
                    .build();
        }
        if (first instanceof VfioEvent) {
            boolean einval = text.endsWith("-22");
            f.message("vfio-pci refused %s%s: %s.%s", what, times, text, einval
                    ? " Error -22 (EINVAL) from vfio-pci means the device has no IOMMU group: DMA remapping is off"
                    + (host.iommu().enabled() == Tri.NO ? " on this host (see the IOMMU findings)" : " or the device is not behind an IOMMU")
                    : text.endsWith("-16") ? " Error -16 (EBUSY): the device is in use or its resources are claimed." : "");
            if (einval) {
                f.remedy("enable the IOMMU (intel_iommu=on on Intel before 6.8; VT-d/AMD-Vi in the firmware) and check "
                        + "ls /sys/kernel/iommu_groups/ is not empty");
            }
            return f.remedy("dmesg | grep -i -e vfio -e " + (device == null ? "iommu" : device.toString().substring(5))
                    + "  to see the kernel's reason just before the probe failure").build();
        }
        PassthroughError p = (PassthroughError) first;
        switch (p.kind()) {
            case CONTAINER_SETUP_FAILED -> f.message("QEMU could not attach IOMMU group %s (%s) to a VFIO container%s: %s. The "
                            + "kernel refused to put the group into a VM-controlled IOMMU domain.", group, what, times, text)
                    .remedy("look at the kernel log at that moment: dmesg | tail -50 (RMRR / 'Firmware has requested this device "
                            + "have a 1:1 IOMMU mapping', DMAR or AMD-Vi errors)")
                    .remedy(p.detail().contains("Operation not permitted")
                            ? "Operation not permitted: vfio_iommu_type1 refuses groups without interrupt remapping; look for "
                            + "'No interrupt remapping support' in dmesg and enable interrupt remapping (firmware x2APIC/IR, "
                            + "no intremap=off) rather than allow_unsafe_interrupts"
                            : p.detail().contains("Input/output error")
                            ? "Input/output error from VFIO_SET_IOMMU usually means the IOMMU driver cannot create the domain: "
                            + "for mediated devices (GVT-g, vGPU) make sure the parent driver (i915 with enable_gvt=1, nvidia "
                            + "vGPU manager) and kvmgt/vfio_mdev are loaded and the host IOMMU is on; check dmesg for the reason"
                            : "Invalid argument: the device needs an identity mapping the VM cannot give (see RMRR rules); "
                            + "move the device or update the firmware");
            case GROUP_OPEN_FAILED -> {
                f.message("QEMU could not open the VFIO group file of %s%s: %s.", what, times, text);
                if (text.contains("No such file")) {
                    f.remedy("/dev/vfio/" + group + " exists only while a device of group " + group + " is bound to vfio-pci: "
                            + "bind it (managed='yes' hostdev, or driverctl set-override <address> vfio-pci) before start");
                } else if (text.contains("Operation not permitted") || text.contains("Permission denied")) {
                    f.remedy("the QEMU process may not open /dev/vfio/" + group + ": libvirt's cgroup device ACL or the file's "
                            + "owner blocks it; use a managed hostdev, or for plain QEMU chown the group file to the QEMU user");
                } else {
                    f.remedy("another process holds the group: find it with fuser -v /dev/vfio/" + group
                            + " (a running VM or a stale QEMU) and stop it first");
                }
            }
            case DEVICE_GET_FAILED -> f.message("QEMU opened group %s but could not get %s from it%s: %s. The device is not "
                            + "bound to vfio-pci, or it is already open in another VM.", group, what, times, text)
                    .remedy("lspci -nnk -s <address> must say 'Kernel driver in use: vfio-pci' for every endpoint of the group")
                    .remedy("make sure no other VM or QEMU process uses a device of group " + group + ": fuser -v /dev/vfio/" + group);
            case DEVICE_BUSY -> f.message("%s is busy%s: %s. Another VM, a stale QEMU process or a host driver holds it.", what,
                            times, text)
                    .remedy("virsh list --all and stop the other domain that uses it (libvirt names it in the message), or "
                            + "remove the hostdev from one of the two domains")
                    .remedy("a stale QEMU: fuser -v /dev/vfio/* and kill the leftover process");
            case NO_IOMMU -> f.message("Xen's toolstack refused to assign %s%s: %s. The hypervisor did not enable its IOMMU "
                            + "(VT-d / AMD-Vi), so no PCI device can be passed to a domain.", what, times, text)
                    .remedy("check the hypervisor: xl dmesg | grep -i -e 'I/O virtualisation' -e vt-d -e iommu "
                            + "(it must say 'I/O virtualisation enabled')")
                    .remedy("enable VT-d/AMD-Vi in the firmware; if it is already on, update the BIOS (the Qubes X230 report "
                            + "was fixed by BIOS 2.70)")
                    .remedy("on Xen, iommu= is a hypervisor option (xen.cfg / GRUB_CMDLINE_XEN), not a dom0 kernel option");
            default -> f.message("%s: %s", what, text);
        }
        return f.build();
    }
}
