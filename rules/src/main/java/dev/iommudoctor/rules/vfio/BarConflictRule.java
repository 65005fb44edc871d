package dev.iommudoctor.rules.vfio;

import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.BootFramebuffer;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vfio-pci 0000:c3:00.0: BAR 0: can't reserve [mem 0x2800000000-0x2fffffffff 64bit pref]}: the
 * boot GPU's framebuffer memory is still claimed by a firmware framebuffer driver (efifb, vesafb,
 * simplefb, or simpledrm through sysfb's BOOTFB region), so vfio-pci cannot own the BAR and the guest
 * driver fails. Cites the framebuffer lines that overlap the BAR when the bundle has them.
 */
@DiagnosticRule(id = "VFIO-BAR-CONFLICT", title = "vfio-pci cannot reserve a GPU BAR held by the boot framebuffer",
        severity = Severity.ERROR, matrixRow = MatrixRow.VFIO_RUNTIME)
public final class BarConflictRule implements Rule {

    private static final Pattern RANGE = Pattern.compile("\\[mem 0x([0-9a-fA-F]+)-0x([0-9a-fA-F]+)");

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<PciAddress, List<VfioEvent>> byDevice = new LinkedHashMap<>();
        for (VfioEvent e : host.events(VfioEvent.class)) {
            if (e.kind() == VfioEventKind.BAR_RESERVE_FAILED && e.device().isPresent()
                    && e.record().origin().map(o -> o.startsWith("vfio")).orElse(true)) {
                byDevice.computeIfAbsent(e.device().get(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        byDevice.forEach((device, events) -> out.add(finding(host, device, events)));
        return RuleResult.of(out);
    }

    private Finding finding(HostModel host, PciAddress device, List<VfioEvent> events) {
        String label = host.pci().get(device).map(PciFunction::label).orElse(device.toString());
        List<EvidenceLine> fb = relevantFramebufferLines(host, events);
        boolean simpledrm = fb.stream().anyMatch(l -> BootFramebuffer.owner(l).equals("simpledrm"));
        boolean sysfbBlacklisted = host.cmdline().all("initcall_blacklist").stream().anyMatch(v -> v.contains("sysfb_init"))
                || fb.stream().anyMatch(l -> l.text().contains("blacklisting initcall sysfb_init"));
        String owners = String.join(", ", fb.stream().map(BootFramebuffer::owner).filter(o -> !o.equals("framebuffer"))
                .distinct().toList());
        boolean sysfbEra = host.kernel().map(k -> k.atLeast(5, 15)).orElse(true);
        var f = finding().device(device).evidence(events);
        host.events(VfioEvent.class).stream().filter(e -> e.kind() == VfioEventKind.VGA_ARBITRATION
                && e.device().map(device::equals).orElse(false) && e.detail().contains("boot VGA device")).forEach(f::evidence);
        fb.forEach(f::evidence);
        if (host.cmdline().present() && (host.cmdline().has("video") || host.cmdline().has("initcall_blacklist"))) {
            f.evidence(host.cmdline().evidence());
        }
        f.message("vfio-pci could not reserve %d BAR(s) of %s: %s. %s The guest driver then fails to initialise the GPU "
                        + "(e.g. amdgpu 'PSP firmware loading failed', NVIDIA code 43).", events.size(), label,
                events.get(0).detail(),
                owners.isEmpty() ? "Another driver still holds that memory; on a boot GPU this is the firmware framebuffer "
                        + "(efifb, vesafb, simplefb or simpledrm)."
                        : "The boot framebuffer (" + owners + ") sits inside that BAR: the firmware drew its console on this GPU "
                        + "and the kernel's framebuffer driver keeps the range.");
        if (simpledrm && sysfbBlacklisted) {
            f.remedy("initcall_blacklist=sysfb_init is already in effect and simpledrm still took the framebuffer: this "
                    + "kernel builds simpledrm in (CONFIG_DRM_SIMPLEDRM=y). Unbind it before starting the VM: "
                    + "echo simple-framebuffer.0 > /sys/bus/platform/drivers/simple-framebuffer/unbind");
            f.remedy("or use a kernel without built-in simpledrm (the Talos 1.14 report was solved by going back to 1.13.x), "
                    + "or make another GPU (or the iGPU) the primary display in the firmware setup");
        } else {
            if (sysfbEra) {
                f.remedy("add initcall_blacklist=sysfb_init to the kernel command line (" + host.identity().distro().cmdlineHowTo()
                        + "): on 5.15+ kernels sysfb registers the boot framebuffer, and video=efifb:off alone no longer frees it");
            } else {
                f.remedy("add video=efifb:off (UEFI boot) or video=vesafb:off (legacy/CSM boot), and video=simplefb:off where "
                        + "simplefb is used, to the kernel command line (" + host.identity().distro().cmdlineHowTo() + ")");
            }
            f.remedy("without a reboot: echo " + (simpledrm ? "simple-framebuffer.0 > /sys/bus/platform/drivers/simple-framebuffer/unbind"
                    : "efi-framebuffer.0 > /sys/bus/platform/drivers/efi-framebuffer/unbind") + " before starting the VM");
            f.remedy("or let the firmware boot on another GPU: disable CSM and pick the iGPU or a second card as primary display");
        }
        f.remedy("check: grep -i -e BOOTFB -e simpledrm -e efifb /proc/iomem must show nothing inside the GPU's BARs "
                + "(lspci -vv -s " + device + " | grep Region)");
        return f.build();
    }

    /** Framebuffer lines overlapping a failed BAR, plus lines without an address (driver init, sysfb blacklist). */
    private static List<EvidenceLine> relevantFramebufferLines(HostModel host, List<VfioEvent> events) {
        List<long[]> bars = new ArrayList<>();
        for (VfioEvent e : events) {
            Matcher m = RANGE.matcher(e.detail());
            if (m.find()) {
                try {
                    bars.add(new long[] {Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16)});
                } catch (NumberFormatException ignored) {
                    // an unparseable range just means no overlap test for it
                }
            }
        }
        List<EvidenceLine> out = new ArrayList<>();
        for (EvidenceLine l : host.bootFramebuffer()) {
            Optional<Long> start = BootFramebuffer.start(l);
            if (start.isEmpty() || bars.isEmpty()
                    || bars.stream().anyMatch(b -> Long.compareUnsigned(start.get(), b[0]) >= 0 && Long.compareUnsigned(start.get(), b[1]) <= 0)) {
                out.add(l);
            }
        }
        return out;
    }
}
