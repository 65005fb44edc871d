package dev.iommudoctor.rules.faults;

import dev.iommudoctor.parser.event.DmaFault;
import dev.iommudoctor.parser.event.FaultsSuppressed;
import dev.iommudoctor.parser.event.IommuVendor;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DMA (and interrupt) remapping faults, one finding per requester: {@code DMAR: [DMA Read NO_PASID] Request device
 * [03:00.0] fault addr 0x... [fault reason 0x06] PTE Read access is not set}, {@code ahci 0000:02:00.1: AMD-Vi: Event
 * logged [IO_PAGE_FAULT domain=0x000c address=0x... flags=0x0000]}. Counts, time span, types, reasons, sample
 * addresses, rate-limited ({@code dmar_fault: 35 callbacks suppressed}) counts, and the likely cause for the
 * pattern. A handful of early-boot faults from an integrated GPU (firmware framebuffer handover) or of
 * {@code INVALID_DEVICE_REQUEST} from the host bridge are warnings; everything else is an error.
 */
@DiagnosticRule(id = "DMA-FAULTS", title = "Device triggers IOMMU DMA faults", severity = Severity.ERROR,
        matrixRow = MatrixRow.DMA_FAULTS, requires = Fact.KERNEL_LOG)
public final class DmaFaultsRule implements Rule {

    /** "A handful": more than this, or any suppressed, is a storm. */
    static final int HANDFUL = 5;
    /** Seconds since boot within which the firmware-to-driver display handover happens. */
    static final double EARLY_BOOT = 30.0;

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<Optional<PciAddress>, List<DmaFault>> byDevice = new LinkedHashMap<>();
        for (DmaFault e : host.events(DmaFault.class)) {
            byDevice.computeIfAbsent(e.device(), k -> new ArrayList<>()).add(e);
        }
        if (byDevice.isEmpty()) {
            return RuleResult.passed();
        }
        List<FaultsSuppressed> suppressed = host.events(FaultsSuppressed.class).stream()
                .filter(s -> s.function().contains("dmar") || s.function().contains("iommu") || s.function().contains("fault"))
                .toList();
        List<Finding> findings = new ArrayList<>();
        byDevice.forEach((device, faults) -> findings.add(finding(host, device, faults,
                byDevice.size() == 1 ? suppressed : List.of(), byDevice.size() == 1 ? 0 : sum(suppressed))));
        return RuleResult.of(findings);
    }

    private Finding finding(HostModel host, Optional<PciAddress> device, List<DmaFault> faults,
                            List<FaultsSuppressed> suppressed, int unattributed) {
        FindingBuilder f = finding();
        device.ifPresent(f::device);
        Optional<PciFunction> fn = device.flatMap(host.pci()::get);
        String who = fn.map(PciFunction::label).orElse(device.map(PciAddress::toString).orElse("an unnamed requester"))
                + fn.flatMap(PciFunction::driver).map(d -> " (driver " + d + ")").orElse("");
        // first, last and one line per distinct reason/type, so the evidence shows the pattern, not 12 copies
        f.evidence(faults.get(0));
        f.evidence(faults.get(faults.size() - 1));
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (DmaFault e : faults) {
            if (kinds.add(kind(e))) {
                f.evidence(e);
            }
            e.address().ifPresent(a -> {
                if (addresses.size() < 4) {
                    addresses.add(a);
                }
            });
        }
        suppressed.forEach(f::evidence);
        int dropped = sum(suppressed);
        Pattern pattern = classify(host, device, fn, faults, dropped);
        f.severity(pattern.benign ? Severity.WARNING : Severity.ERROR);
        Set<String> domains = new LinkedHashSet<>();
        faults.forEach(e -> e.domain().ifPresent(domains::add));
        f.message("%s caused %d DMA remapping fault(s)%s%s, %s. %s: %s%s.%s. Sample addresses: %s.", who, faults.size(),
                dropped > 0 ? " plus " + dropped + " more suppressed by rate limiting" : "",
                unattributed > 0 ? " (" + unattributed + " further faults were suppressed host-wide, not attributed)" : "",
                span(faults), kinds.size() == 1 ? "Kind" : "Kinds", String.join("; ", kinds),
                domains.isEmpty() ? "" : " (IOMMU domain " + String.join(", ", domains) + ")", " Likely cause: " + pattern.cause,
                addresses.isEmpty() ? "none printed" : String.join(", ", addresses));
        pattern.remedies.forEach(f::remedy);
        return f.build();
    }

    private record Pattern(boolean benign, String cause, List<String> remedies) {
    }

    private static Pattern classify(HostModel host, Optional<PciAddress> device, Optional<PciFunction> fn,
                                    List<DmaFault> faults, int dropped) {
        boolean passthrough = fn.map(f -> PassthroughIntent.intended(host, f)).orElse(false);
        boolean handful = faults.size() <= HANDFUL && dropped == 0;
        boolean early = faults.stream().allMatch(e -> e.record().monotonic().isPresent()
                && e.record().monotonic().getAsDouble() < EARLY_BOOT);
        boolean onRootBus = device.map(d -> d.bus() == 0).orElse(false);
        boolean igpu = onRootBus && (fn.map(PciFunction::isDisplay).orElse(false)
                || device.map(d -> d.device() == 2 && d.function() == 0 && faults.get(0).vendor() == IommuVendor.INTEL).orElse(false));
        boolean interrupt = faults.stream().allMatch(e -> e.faultType().toUpperCase(Locale.ROOT).contains("INTR")
                || e.reasonCode().map(c -> c.startsWith("2")).orElse(false));
        boolean invalidRequest = faults.stream().allMatch(e -> e.faultType().equals("INVALID_DEVICE_REQUEST"));
        String pt = host.identity().distro().cmdlineHowTo();
        if (passthrough) {
            boolean contextClear = faults.stream().anyMatch(e -> e.reasonCode().map("02"::equals).orElse(false));
            List<String> steps = new ArrayList<>();
            if (!fn.map(x -> x.boundTo("vfio-pci")).orElse(false)) {
                steps.add("bind the device to vfio-pci from boot (options vfio-pci ids=... plus a softdep) so no host driver "
                        + "or firmware framebuffer uses it before the VM");
            }
            if (igpu) {
                steps.add("Intel iGPU (GVT-d/legacy passthrough): give QEMU the matching VBIOS/GOP ROM (romfile=) and the "
                        + "OpRegion (x-igd-opregion=on); the stolen-memory RMRR must stay reachable");
            } else if (fn.map(PciFunction::isDisplay).orElse(false)) {
                steps.add("GPU: use a clean VBIOS dump of this card (libvirt <rom file=.../>, QEMU romfile=) and make sure the "
                        + "host firmware did not initialise it (not the boot GPU)");
            }
            steps.add("compare the fault addresses with the VM's memory size: addresses beyond guest RAM mean stale state "
                    + "from before the reset or peer-to-peer access to another device's BAR");
            steps.add("check the reset between VM starts (lspci -vv -s " + device.map(PciAddress::toString).orElse("<bdf>")
                    + " | grep FLReset; dmesg for 'resetting'/'reset done') and update the guest driver, the system BIOS "
                    + "(RMRR definitions) and the host kernel");
            return new Pattern(false, "the device is meant for a VM and DMAs to addresses its domain does not map"
                    + (contextClear ? " (reason 0x02: it was still doing DMA while attached to no domain, e.g. between the "
                    + "host driver letting go and vfio-pci taking it, or after a failed reset)" : "")
                    + ": typically the guest driver or the card's firmware using addresses the VM never mapped (a missing "
                    + "RMRR/identity mapping the device relies on, an option ROM/VBIOS using host addresses, or a device not "
                    + "reset between owners)", steps);
        }
        if (igpu && handful && early) {
            return new Pattern(true, "the integrated GPU's firmware framebuffer (GOP/VBIOS) keeps scanning out of memory "
                    + "the IOMMU no longer maps, until the graphics driver takes over: known behaviour at boot, harmless when "
                    + "it stops after the driver loads",
                    List.of("nothing to do if no faults follow once the graphics driver has loaded",
                            "if faults continue or the display is corrupted: update the BIOS and the kernel (i915/amdgpu handover fixes)",
                            "as a workaround on Intel: intel_iommu=igfx_off keeps the iGPU out of DMA remapping (not for GVT-d passthrough)"));
        }
        if (invalidRequest && onRootBus && device.map(d -> d.device() == 0).orElse(false)) {
            return new Pattern(handful, "requests from the host bridge/root complex the IOMMU rejects: a chipset or platform "
                    + "firmware (AGESA/coreboot IVRS) issue, not a device driver",
                    List.of("update the platform firmware (BIOS/coreboot); the IVRS table and the root complex set-up come from it",
                            "harmless when only a few appear at boot; report it to the firmware vendor if it repeats"));
        }
        if (interrupt) {
            return new Pattern(false, "interrupt remapping faults: the device sent an interrupt with no valid remapping entry "
                    + "(firmware IOAPIC/HPET scope error in the DMAR/IVRS table, or a driver using a vector it freed)",
                    List.of("update the system BIOS (DMAR/IVRS device scopes)", "update the kernel and the device driver",
                            "as a diagnostic only: intremap=off (loses interrupt isolation, VFIO will then refuse groups)"));
        }
        boolean storageOrNet = fn.map(x -> x.isNetwork() || x.isStorage()).orElse(false);
        boolean beyondMgaw = faults.stream().anyMatch(e -> e.reasonCode().map("04"::equals).orElse(false));
        String cause = beyondMgaw
                ? "the device uses addresses wider than the IOMMU supports (reason 0x04 Access beyond MGAW): a DMA mask bug in the driver"
                : "the device DMAs to addresses its host driver never mapped (or already unmapped): a driver or device firmware bug"
                + (storageOrNet ? ", common with NIC and SATA/NVMe firmware" : "");
        return new Pattern(false, cause,
                List.of("update the kernel (driver fixes) and the device firmware" + (storageOrNet ? " (NIC/SSD firmware, BIOS)" : " and BIOS"),
                        host.iommu().mode() == IommuAssessment.DomainMode.PASSTHROUGH
                                ? "the host already uses iommu=pt, yet the device faults: it reaches outside the identity map "
                                + "(addresses beyond RAM or an unmapped window), which points at the device firmware or the BIOS"
                                : "workaround for devices the host keeps: iommu=pt (host devices identity-mapped, VMs still "
                                + "isolated) in " + pt,
                        "if faults start after hours or under load, note what ran then; a faulting device may need a driver "
                                + "parameter (e.g. disabling a DMA offload) until fixed"));
    }

    private static String kind(DmaFault e) {
        StringBuilder b = new StringBuilder(e.faultType());
        e.reasonCode().ifPresent(c -> b.append(" reason 0x").append(c));
        e.reason().ifPresent(r -> b.append(' ').append(r));
        return b.toString();
    }

    private static String span(List<DmaFault> faults) {
        String first = when(faults.get(0).record());
        String last = when(faults.get(faults.size() - 1).record());
        if (first.isEmpty()) {
            return "time not logged";
        }
        boolean restarted = false;
        for (int i = 1; i < faults.size(); i++) {
            LogRecord a = faults.get(i - 1).record();
            LogRecord b = faults.get(i).record();
            if (a.monotonic().isPresent() && b.monotonic().isPresent() && b.monotonic().getAsDouble() < a.monotonic().getAsDouble()) {
                restarted = true;
            }
        }
        return (first.equals(last) ? "at " + first : "first at " + first + ", last at " + last)
                + (restarted ? " (the timestamps restart: the faults span more than one boot)" : "");
    }

    private static String when(LogRecord r) {
        if (r.wallClock().isPresent()) {
            return r.wallClock().get() + (r.monotonic().isPresent() ? String.format(Locale.ROOT, " (%.1f s after boot)",
                    r.monotonic().getAsDouble()) : "");
        }
        return r.monotonic().isPresent() ? String.format(Locale.ROOT, "%.1f s after boot", r.monotonic().getAsDouble()) : "";
    }

    private static int sum(List<FaultsSuppressed> s) {
        return s.stream().mapToInt(FaultsSuppressed::count).sum();
    }
}
