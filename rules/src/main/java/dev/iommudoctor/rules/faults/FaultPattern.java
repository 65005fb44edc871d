package dev.iommudoctor.rules.faults;

import dev.iommudoctor.parser.event.DmaFault;
import dev.iommudoctor.parser.event.IommuVendor;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a device's faults most likely mean, from who faults (a device meant for a VM, an integrated GPU, the
 * host bridge, a NIC or disk controller), when (early boot or later), how many, and the fault kinds
 * (reason 0x02 context not present, 0x04 beyond MGAW, interrupt-remapping reasons 0x2x, AMD
 * INVALID_DEVICE_REQUEST), with the remedies that fit.
 *
 * @param benign   a known, mostly harmless pattern: reported as a warning
 * @param cause    the likely cause, one sentence
 * @param remedies the steps, in order
 */
record FaultPattern(boolean benign, String cause, List<String> remedies) {

    /** "A handful": more than this, or any suppressed, is a storm. */
    static final int HANDFUL = 5;
    /** Seconds since boot within which the firmware-to-driver display handover happens. */
    static final double EARLY_BOOT = 30.0;


    static FaultPattern classify(HostModel host, Optional<PciAddress> device, Optional<PciFunction> fn,
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
            return new FaultPattern(false, "the device is meant for a VM and DMAs to addresses its domain does not map"
                    + (contextClear ? " (reason 0x02: it was still doing DMA while attached to no domain, e.g. between the "
                    + "host driver letting go and vfio-pci taking it, or after a failed reset)" : "")
                    + ": typically the guest driver or the card's firmware using addresses the VM never mapped (a missing "
                    + "RMRR/identity mapping the device relies on, an option ROM/VBIOS using host addresses, or a device not "
                    + "reset between owners)", steps);
        }
        if (igpu && handful && early) {
            return new FaultPattern(true, "the integrated GPU's firmware framebuffer (GOP/VBIOS) keeps scanning out of memory "
                    + "the IOMMU no longer maps, until the graphics driver takes over: known behaviour at boot, harmless when "
                    + "it stops after the driver loads",
                    List.of("nothing to do if no faults follow once the graphics driver has loaded",
                            "if faults continue or the display is corrupted: update the BIOS and the kernel (i915/amdgpu handover fixes)",
                            "as a workaround on Intel: intel_iommu=igfx_off keeps the iGPU out of DMA remapping (not for GVT-d passthrough)"));
        }
        if (invalidRequest && onRootBus && device.map(d -> d.device() == 0).orElse(false)) {
            return new FaultPattern(handful, "requests from the host bridge/root complex the IOMMU rejects: a chipset or platform "
                    + "firmware (AGESA/coreboot IVRS) issue, not a device driver",
                    List.of("update the platform firmware (BIOS/coreboot); the IVRS table and the root complex set-up come from it",
                            "harmless when only a few appear at boot; report it to the firmware vendor if it repeats"));
        }
        if (interrupt) {
            return new FaultPattern(false, "interrupt remapping faults: the device sent an interrupt with no valid remapping entry "
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
        return new FaultPattern(false, cause,
                List.of("update the kernel (driver fixes) and the device firmware" + (storageOrNet ? " (NIC/SSD firmware, BIOS)" : " and BIOS"),
                        host.iommu().mode() == IommuAssessment.DomainMode.PASSTHROUGH
                                ? "the host already uses iommu=pt, yet the device faults: it reaches outside the identity map "
                                + "(addresses beyond RAM or an unmapped window), which points at the device firmware or the BIOS"
                                : "workaround for devices the host keeps: iommu=pt (host devices identity-mapped, VMs still "
                                + "isolated) in " + pt,
                        "if faults start after hours or under load, note what ran then; a faulting device may need a driver "
                                + "parameter (e.g. disabling a DMA offload) until fixed"));
    }
}
