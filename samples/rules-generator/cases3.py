from common import *
from cases2 import UBU_LV, UBU_QEMU, UBU24_LV, UBU24_QEMU, DEB_LV, DEB_QEMU, snd_lines
import cases2  # noqa (re-running cases2 is harmless: same output)

NO_IR = 'vfio_iommu_type1_attach_group: No interrupt remapping support.  Use the module param "allow_unsafe_interrupts" to enable VFIO IOMMU support on this platform'

def r710_late(h):
    return [(2.101833, "megaraid_sas 0000:03:00.0: BAR:0x1  BAR's base_addr(phys):0x00000000da0b0000  mapped virt_addr:0x00000000a5e5fe59") if False else
            (2.101833, "bnx2: QLogic bnx2 Gigabit Ethernet Driver v2.2.6 (January 29, 2014)"),
            "bnx2 0000:01:00.0 eth0: Broadcom NetXtreme II BCM5709 1000Base-T (C0) PCI Express found at mem d6000000, IRQ 36, node addr 84:2b:2b:00:00:01",
            "bnx2 0000:01:00.0 eno1: renamed from eth0", (2.402551, "mgag200 0000:08:03.0: vgaarb: deactivate vga console"),
            "[drm] Initialized mgag200 1.0.0 20110418 for 0000:08:03.0 on minor 0", "mgag200 0000:08:03.0: [drm] fb0: mgag200drmfb frame buffer device"]

def c_irq_remap_off():
    h = dell_r710()
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = r710_late(h) + vfio_late(h, ["10de:1c30", "10de:10f1"], ["05:00.0", "05:00.1"], t=6.330482) + \
             [(845.220318, NO_IR)]
    q = libvirt_log("cad-vm", ("2026-11-22", "09:14:27"), DEB_LV, DEB_QEMU, "6.1.0-27-amd64", "virt-old1", [("05:00.0", "hostdev0", "pci.5"), ("05:00.1", "hostdev1", "pci.6")],
                    errors=["2026-11-22T09:14:28.101442Z qemu-system-x86_64: -device {\"driver\":\"vfio-pci\",\"host\":\"0000:05:00.0\",\"id\":\"hostdev0\",\"bus\":\"pci.5\",\"addr\":\"0x0\"}: vfio 0000:05:00.0: failed to setup container for group 5: Failed to set iommu for container: Operation not permitted"],
                    tail=["2026-11-22 09:14:28.322+0000: shutting down, reason=failed"])
    f = {"dmesg.txt": dmesg(h, 51), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:03.0", "05:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:1c30,10de:10f1", softdep=False) + "softdep nouveau pre: vfio-pci\n", "qemu-cad-vm.log": q}
    write_case("IRQ-REMAP-DISABLED", "fires-when-5520-erratum-disables-interrupt-remapping", f, md(
        "Dell R710 (Intel 5520): interrupt remapping disabled by the chipset erratum quirk",
        "virt-old1, Debian 12 (kernel 6.1.0-27-amd64), Dell PowerEdge R710 BIOS 6.6.0, 2x Xeon X5670; Quadro P2000 05:00.0/05:00.1 on vfio-pci in its own group 5.",
        "DMA remapping works ({dmesg.txt:DMAR: Intel(R) Virtualization Technology}), but the kernel disables interrupt remapping on the 5520/X58 IOH because of erratum 53 (5-line record, continuation lines without timestamps). VFIO type1 therefore refuses to attach the group and QEMU fails. Fixes: a BIOS that disables IR itself, or knowingly `allow_unsafe_interrupts=1`.",
        ["IRQ-REMAP-DISABLED (warning) host: {dmesg.txt:This system BIOS has enabled interrupt remapping}, {dmesg.txt:interrupt remapping is being disabled}, no `DMAR-IR: Enabled IRQ remapping` line; consequence for 0000:05:00.0: {dmesg.txt:No interrupt remapping support}, {qemu-cad-vm.log:Failed to set iommu for container: Operation not permitted}"]))

def c_irq_remap_quiet():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"; h.ir = "optout"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + pve_bridge_lines(9.71) + pve_vm_start(52.33, 100, ["01:00.0", "01:00.1"])
    f = {"dmesg.txt": dmesg(h, 52), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("IRQ-REMAP-DISABLED", "quiet-when-remapping-runs-in-xapic-mode-after-bios-opt-out", f, md(
        "x2apic opt-out: interrupt remapping enabled in xAPIC mode",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K; RTX 3060 Ti passed to VM 100, which starts.",
        "The BIOS sets the x2APIC opt-out bit, so the kernel prints {dmesg.txt:x2apic is disabled because BIOS sets x2apic opt out bit} and {dmesg.txt:IRQ remapping doesn't support X2APIC mode}; both look alarming, but {dmesg.txt:DMAR-IR: Enabled IRQ remapping in xapic mode} shows remapping is on, which is all VFIO needs.",
        []))

def c_irq_unsafe():
    h = dell_r710()
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = r710_late(h) + vfio_late(h, ["10de:1c30", "10de:10f1"], ["05:00.0", "05:00.1"], t=6.330482) + \
             [(1302.554110, "vfio-pci 0000:05:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:05:00.1: enabling device (0000 -> 0002)",
              (1302.901220, "vfio-pci 0000:05:00.0: resetting"), (1303.010331, "vfio-pci 0000:05:00.0: reset done")]
    q = libvirt_log("cad-vm", ("2026-11-22", "10:02:51"), DEB_LV, DEB_QEMU, "6.1.0-27-amd64", "virt-old1", [("05:00.0", "hostdev0", "pci.5"), ("05:00.1", "hostdev1", "pci.6")])
    f = {"dmesg.txt": dmesg(h, 53), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h),
         "modprobe-vfio.conf": vfio_conf("10de:1c30,10de:10f1", softdep=False) + "softdep nouveau pre: vfio-pci\noptions vfio_iommu_type1 allow_unsafe_interrupts=1\n",
         "qemu-cad-vm.log": q}
    write_case("IRQ-UNSAFE-INTERRUPTS", "fires-when-unsafe-interrupts-allowed-without-remapping", f, md(
        "allow_unsafe_interrupts=1 on a host whose interrupt remapping is disabled",
        "virt-old1, Debian 12 (kernel 6.1.0-27-amd64), Dell PowerEdge R710 (5520 IOH erratum), Quadro P2000 on vfio-pci; VM cad-vm now starts.",
        "Same host as the IRQ-REMAP-DISABLED case, after the admin set `allow_unsafe_interrupts=1`: VFIO accepts the group, but the guest can now inject arbitrary MSIs into the host (no interrupt isolation). Both the missing remapping and the workaround are reported.",
        ["IRQ-UNSAFE-INTERRUPTS (warning) host: {modprobe-vfio.conf:allow_unsafe_interrupts=1} while interrupt remapping is off",
         "IRQ-REMAP-DISABLED (warning) host: {dmesg.txt:This system BIOS has enabled interrupt remapping}, {dmesg.txt:interrupt remapping is being disabled}"]))

def c_irq_unsafe_unneeded():
    h = amd_b450(release="6.8.12-4-pve", banner=PVE68, hostname="pve-amd1", cmd_extra="iommu=pt")
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=/dev/mapper/pve-root")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], ["07:00.0", "07:00.1"], t=5.118802)
    f = {"dmesg.txt": dmesg(h, 54), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h),
         "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b") + "options vfio_iommu_type1 allow_unsafe_interrupts=1\n"}
    write_case("ADVISE-UNSAFE-INTERRUPTS-UNNEEDED", "fires-when-unsafe-interrupts-set-although-amd-vi-remaps", f, md(
        "allow_unsafe_interrupts=1 copied from a guide onto a host with working interrupt remapping",
        "pve-amd1, Proxmox VE 8 (kernel 6.8.12-4-pve), Ryzen 7 3700X on B450 AORUS M, RTX 3070 on vfio-pci.",
        "AMD-Vi remaps interrupts ({dmesg.txt:AMD-Vi: Interrupt remapping enabled}), so the option only weakens isolation for no benefit. Informational advice to remove it.",
        ["ADVISE-UNSAFE-INTERRUPTS-UNNEEDED (info) host: {modprobe-vfio.conf:allow_unsafe_interrupts=1} with {dmesg.txt:AMD-Vi: Interrupt remapping enabled}"]))

def c_irq_unsafe_quiet():
    h = amd_b450(release="6.8.12-4-pve", banner=PVE68, hostname="pve-amd1", cmd_extra="iommu=pt")
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=/dev/mapper/pve-root")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], ["07:00.0", "07:00.1"], t=5.118802)
    f = {"dmesg.txt": dmesg(h, 55), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h),
         "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b") + "# only needed on boards without interrupt remapping:\n# options vfio_iommu_type1 allow_unsafe_interrupts=1\n"}
    write_case("IRQ-UNSAFE-INTERRUPTS", "quiet-when-unsafe-interrupts-line-is-commented-out", f, md(
        "The allow_unsafe_interrupts line is only a comment",
        "pve-amd1, Proxmox VE 8 (kernel 6.8.12-4-pve), Ryzen 7 3700X, RTX 3070 on vfio-pci; AMD-Vi interrupt remapping enabled.",
        "modprobe-vfio.conf mentions `allow_unsafe_interrupts=1` only in a comment ({modprobe-vfio.conf:# options vfio_iommu_type1}); the option is not in effect. Neither IRQ-UNSAFE-INTERRUPTS nor ADVISE-UNSAFE-INTERRUPTS-UNNEEDED applies.",
        []))

def c_dma_faults_intel():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="splash intel_iommu=on vt.handoff=7", hostname="gpu-ws2",
                      gpu_driver="nvidia", audio_driver="snd_hda_intel")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Translated"
    fl = []
    addrs = ["0xfffd2000", "0xfffd3000", "0xfffd2000", "0xfffd4000", "0xfffd2000", "0xfffd5000"]
    t = 3604.118220
    for i, a in enumerate(addrs):
        if i == 2: fl.append((t, "dmar_fault: 35 callbacks suppressed"))
        fl.append((t, "DMAR: DRHD: handling fault status reg 3"))
        fl.append("DMAR: [DMA Read NO_PASID] Request device [03:00.0] fault addr %s [fault reason 0x06] PTE Read access is not set" % a)
        t += 5.003 + i * 0.7
    h.late = base_late(h, nic=igc_lines(h)) + [(1210.551902, "igc 0000:03:00.0 enp3s0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX/TX")] + fl + \
             [(3631.402200, "igc 0000:03:00.0 enp3s0: Detected Tx Unit Hang"), "  Tx Queue             <0>", "  TDH                  <8c>", "  TDT                  <94>"]
    f = {"dmesg.txt": dmesg(h, 56), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, ["00:1c.0", "03:00.0"]), "iommu-groups.txt": groups_txt(h)}
    write_case("DMA-FAULTS", "fires-when-intel-nic-keeps-faulting", f, md(
        "Repeated VT-d read faults from the onboard I226-V",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), i7-13700K, intel_iommu=on with translated default domain; no passthrough configured.",
        "After an hour of uptime the NIC 03:00.0 (igc) starts reading unmapped IOVAs: six DMAR fault records in the 5.15+ `NO_PASID` format, a rate-limit summary (`dmar_fault: 35 callbacks suppressed`, i.e. many more) and then a Tx hang. All faults name the same requester.",
        ["DMA-FAULTS (warning) 0000:03:00.0 (igc, 6 logged + 35 suppressed, reason 0x06 PTE Read access is not set): first {dmesg.txt:Request device [03:00.0] fault addr 0xfffd2000}, {dmesg.txt:dmar_fault: 35 callbacks suppressed}"]))

def c_dma_faults_amd():
    h = amd_b450(gpu_driver="nvidia", audio_driver="snd_hda_intel", hostname="kvm-ws1")
    dev(h, "07:00.0").modules = "nvidiafb, nouveau, nvidia_drm, nvidia"
    h.domain = "Translated"
    fl = []; t = 14.220511
    for i, a in enumerate(["0xfffffff0", "0xfffffff0", "0xfffffef0", "0xfffffff0", "0xfffff000"]):
        fl.append((t, "ahci 0000:02:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000c address=%s flags=0x0020]" % a)); t += 0.00011 + i * 0.00003
    h.late = [(1.312544, "ahci 0000:02:00.1: AHCI 0001.0301 32 slots 6 ports 6 Gbps 0x33 impl SATA mode"), "scsi host0: ahci",
              (1.790331, "ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)"), "ata2: SATA link down (SStatus 0 SControl 300)",
              (2.640015, "nvme nvme0: pci function 0000:01:00.0"), "nvme nvme0: 8/0/0 default/read/poll queues", " nvme0n1: p1 p2 p3"] + fl + \
             [(44.881020, "ata1.00: exception Emask 0x0 SAct 0x40000 SErr 0x0 action 0x6 frozen"), "ata1.00: failed command: READ FPDMA QUEUED",
              "ata1: hard resetting link", (45.402113, "ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)")]
    f = {"dmesg.txt": dmesg(h, 57), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["02:00.0", "02:00.1"])}
    write_case("DMA-FAULTS", "fires-when-amd-chipset-sata-logs-io-page-faults", f, md(
        "AMD-Vi IO_PAGE_FAULTs from the 400-series chipset SATA controller",
        "kvm-ws1, Debian 12 (kernel 6.1.0-27-amd64), Ryzen 7 3700X on B450 AORUS M, default (translated) IOMMU domain, no passthrough configured.",
        "The chipset AHCI controller 02:00.1 logs five IO page faults (device-known format, prefixed by the driver and BDF) and then a frozen NCQ command. A known workaround is `iommu=pt` or a firmware update; the finding is the repeated faults of one device.",
        ["DMA-FAULTS (warning) 0000:02:00.1 (ahci, 5 IO_PAGE_FAULT, domain 0x000c): first {dmesg.txt:AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000c address=0xfffffff0}, followed by {dmesg.txt:ata1.00: exception Emask}"]))

def c_dma_faults_quiet():
    h = intel_desktop(release="5.15.0-91-generic", banner=UBU515, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="splash intel_iommu=on vt.handoff=7", hostname="gpu-ws2",
                      gpu_driver="nvidia", audio_driver="snd_hda_intel")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Translated"
    dev(h, "00:02.0").modules = "i915"
    warn = [(3.118320, "------------[ cut here ]------------"),
            "WARNING: CPU: 5 PID: 412 at drivers/gpu/drm/i915/display/intel_display_power_well.c:289 hsw_wait_for_power_well_enable+0x116/0x120 [i915]",
            "Modules linked in: i915(+) drm_buddy i2c_algo_bit ttm drm_display_helper cec rc_core drm_kms_helper nvme igc ahci crc32_pclmul drm nvme_core libahci video wmi",
            "CPU: 5 PID: 412 Comm: systemd-udevd Not tainted 5.15.0-91-generic #101-Ubuntu",
            "Hardware name: ASUS System Product Name/PRIME Z790-P WIFI, BIOS 1663 09/20/2023",
            "RIP: 0010:hsw_wait_for_power_well_enable+0x116/0x120 [i915]",
            "Call Trace:", " <TASK>", " ? show_regs.part.0+0x23/0x29", " hsw_power_well_enable+0xe6/0x1e0 [i915]", " intel_power_well_enable+0x2d/0x50 [i915]",
            " __intel_display_power_get_domain.part.0+0x57/0x70 [i915]", " intel_display_power_get+0x49/0x70 [i915]", " i915_driver_probe+0x4fa/0x770 [i915]",
            " local_pci_probe+0x48/0x90", " </TASK>", "---[ end trace 5b8c1e6a0f2d4e11 ]---",
            (3.402210, "[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0"),
            (4.880114, "AMD-Vi: AMD IOMMUv2 driver by Joerg Roedel <jroedel@suse.de>"),
            "AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug."]
    h.late = base_late(h, nic=igc_lines(h)) + warn
    f = {"dmesg.txt": dmesg(h, 58), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h)}
    write_case("DMA-FAULTS", "quiet-when-only-i915-warning-and-amd-iommuv2-notice", f, md(
        "Intel desktop log with an i915 WARNING and an AMD IOMMUv2 notice, but no faults",
        "gpu-ws2, Ubuntu 22.04 (kernel 5.15.0-91-generic), i7-13700K, intel_iommu=on, no passthrough.",
        "The log has a kernel WARNING stack trace from i915 (display power well timeout) and the amd_iommu_v2 module announcing {dmesg.txt:AMD IOMMUv2 functionality not available}, which ships in the generic kernel and prints this on Intel machines. Neither is a DMA remapping fault; there is no `DMAR: [DMA` / `IO_PAGE_FAULT` record.",
        []))

def c_hp_none():
    h = amd_b450(hostname="kvm-ws1", cmd_extra="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], ["07:00.0", "07:00.1"], t=5.118802)
    q = libvirt_log("win10", ("2026-11-24", "20:11:09"), DEB_LV, DEB_QEMU, "6.1.0-27-amd64", "kvm-ws1", [("07:00.0", "hostdev0", "pci.5"), ("07:00.1", "hostdev1", "pci.6")],
                    hugepages="/dev/hugepages/libvirt/qemu/3-win10",
                    errors=["2026-11-24T20:11:10.007113Z qemu-system-x86_64: unable to map backing store for guest RAM: Cannot allocate memory"],
                    tail=["2026-11-24 20:11:10.211+0000: shutting down, reason=failed"])
    f = {"dmesg.txt": dmesg(h, 59), "cmdline": cmdline(h), "meminfo": meminfo(h.memk), "qemu-win10.log": q, "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b")}
    write_case("HUGEPAGES-NONE-ALLOCATED", "fires-when-vm-uses-hugepages-but-pool-is-empty", f, md(
        "libvirt VM backed by hugepages on a host that reserved none",
        "kvm-ws1, Debian 12 (kernel 6.1.0-27-amd64), libvirt 9.0 / QEMU 7.2, Ryzen 7 3700X, 32 GB RAM; VM win10 (16 GiB, `<memoryBacking><hugepages/>`).",
        "The domain asks for a hugetlbfs backing file, but no hugepages were reserved (nothing on the command line, {meminfo:HugePages_Total:       0}; the hook script that was meant to allocate them was not executable), so QEMU cannot map guest RAM.",
        ["HUGEPAGES-NONE-ALLOCATED (error) VM win10: {qemu-win10.log:mem-path}, {qemu-win10.log:unable to map backing store for guest RAM: Cannot allocate memory}, {meminfo:HugePages_Total:}, boot {dmesg.txt:HugeTLB: registered 2.00 MiB page size, pre-allocated 0 pages}"]))

def c_hp_none_quiet():
    h = amd_b450(hostname="kvm-ws1", cmd_extra="iommu=pt hugepagesz=2M hugepages=8192")
    h.domain = "Passthrough (set via kernel command line)"; h.hp2m = 8192
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], ["07:00.0", "07:00.1"], t=5.118802) + \
             [(402.331205, "vfio-pci 0000:07:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:07:00.1: enabling device (0000 -> 0002)",
              (402.812250, "vfio-pci 0000:07:00.0: resetting"), (402.921033, "vfio-pci 0000:07:00.0: reset done")]
    q = libvirt_log("win10", ("2026-11-24", "20:40:51"), DEB_LV, DEB_QEMU, "6.1.0-27-amd64", "kvm-ws1", [("07:00.0", "hostdev0", "pci.5"), ("07:00.1", "hostdev1", "pci.6")],
                    hugepages="/dev/hugepages/libvirt/qemu/3-win10")
    f = {"dmesg.txt": dmesg(h, 60), "cmdline": cmdline(h), "meminfo": meminfo(h.memk, hp_total=8192, hp_free=0, anon_huge=1159168), "qemu-win10.log": q,
         "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b")}
    write_case("HUGEPAGES-NONE-ALLOCATED", "quiet-when-pool-is-fully-used-by-the-running-vm", f, md(
        "Hugepage pool reserved at boot and fully in use",
        "kvm-ws1, Debian 12 (kernel 6.1.0-27-amd64), Ryzen 7 3700X, 32 GB; `hugepagesz=2M hugepages=8192` (16 GiB) and VM win10 (16 GiB, hugepage backed) running.",
        "{meminfo:HugePages_Free:} reads 0 because the running VM holds all 8192 pages ({meminfo:HugePages_Total:} is 8192); `AnonHugePages` is transparent hugepage usage and unrelated. The QEMU log shows a clean start.",
        []))

def c_hp_1g():
    h = intel_desktop(extra_cmd="iommu=pt default_hugepagesz=1G hugepagesz=1G hugepages=16")
    h.domain = "Passthrough (set via kernel command line)"
    h.after_cmdline = ["HugeTLB: allocating 16 of page size 1.00 GiB failed.  Only allocated 0 hugepages."]
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112)
    f = {"dmesg.txt": dmesg(h, 61), "cmdline": cmdline(h), "meminfo": meminfo(h.memk, hpsize=1048576), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("HUGEPAGES-1G-NOT-ALLOCATED", "fires-when-boot-time-1g-allocation-fails", f, md(
        "16 x 1 GiB hugepages requested on the command line, none allocated",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, 64 GB RAM; VMs are meant to use 1 GiB pages.",
        "The kernel could not reserve any gigantic page at boot, says so right after parsing the command line and registers the 1 GiB size with 0 pages; /proc/meminfo (default size 1 GiB) confirms an empty pool. Any hugepage-backed VM will fail to start.",
        ["HUGEPAGES-1G-NOT-ALLOCATED (error) host: {cmdline:hugepages=16}, {dmesg.txt:HugeTLB: allocating 16 of page size 1.00 GiB failed.  Only allocated 0 hugepages.}, {dmesg.txt:registered 1.00 GiB page size, pre-allocated 0 pages}, {meminfo:HugePages_Total:}, {meminfo:Hugepagesize:}"]))

def c_hp_1g_quiet():
    h = intel_desktop(extra_cmd="iommu=pt default_hugepagesz=1G hugepagesz=1G hugepages=16")
    h.domain = "Passthrough (set via kernel command line)"; h.hp1g = 16
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + pve_bridge_lines(9.71) + pve_vm_start(61.02, 100, ["01:00.0", "01:00.1"])
    f = {"dmesg.txt": dmesg(h, 62), "cmdline": cmdline(h), "meminfo": meminfo(h.memk, hp_total=16, hp_free=0, hpsize=1048576), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("HUGEPAGES-1G-NOT-ALLOCATED", "quiet-when-all-1g-pages-are-reserved-and-used", f, md(
        "1 GiB pool reserved at boot and in use by VM 100",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, 64 GB; `default_hugepagesz=1G hugepagesz=1G hugepages=16`, VM 100 (16 GiB, hugepages: 1024) running.",
        "{dmesg.txt:registered 1.00 GiB page size, pre-allocated 16 pages}; meminfo shows Total 16 / Free 0 at 1048576 kB because the VM holds them. `HugePages_Free: 0` is not a shortfall.",
        []))

def c_hp_mismatch():
    h = intel_desktop(extra_cmd="iommu=pt default_hugepagesz=1G hugepagesz=2M hugepages=4096")
    h.domain = "Passthrough (set via kernel command line)"; h.hp2m = 4096
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112)
    f = {"dmesg.txt": dmesg(h, 63), "cmdline": cmdline(h), "meminfo": meminfo(h.memk, hpsize=1048576, hugetlb_extra=4096 * 2048), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("HUGEPAGES-SIZE-MISMATCH", "fires-when-default-size-is-1g-but-pages-are-2m", f, md(
        "default_hugepagesz=1G, but the pool was reserved in 2 MiB pages",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, 64 GB.",
        "`hugepages=4096` follows `hugepagesz=2M`, so 8 GiB of 2 MiB pages exist ({dmesg.txt:registered 2.00 MiB page size, pre-allocated 4096 pages}) while the default size is 1 GiB with an empty pool. /proc/meminfo only reports the default size ({meminfo:Hugepagesize:}, {meminfo:HugePages_Total:}) and `Hugetlb: 8388608 kB` betrays the 2 MiB pool. Anything that asks for default-size pages (hugetlbfs mounted without pagesize=, `hugepages: any` / `<hugepages/>` without a size) gets none.",
        ["HUGEPAGES-SIZE-MISMATCH (warning) host: {cmdline:default_hugepagesz=1G hugepagesz=2M hugepages=4096}, {dmesg.txt:registered 1.00 GiB page size, pre-allocated 0 pages}, {meminfo:Hugepagesize:}, {meminfo:Hugetlb:}"]))

def c_hp_mismatch_quiet():
    h = intel_desktop(extra_cmd="iommu=pt default_hugepagesz=1G hugepagesz=1G hugepages=8 hugepagesz=2M hugepages=1024")
    h.domain = "Passthrough (set via kernel command line)"; h.hp2m = 1024; h.hp1g = 8
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112)
    f = {"dmesg.txt": dmesg(h, 64), "cmdline": cmdline(h), "meminfo": meminfo(h.memk, hp_total=8, hpsize=1048576, hugetlb_extra=1024 * 2048), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("HUGEPAGES-SIZE-MISMATCH", "quiet-when-both-sizes-have-their-own-pool", f, md(
        "Two hugepage sizes, the default one has its pool",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, 64 GB.",
        "`default_hugepagesz=1G hugepagesz=1G hugepages=8 hugepagesz=2M hugepages=1024`: both sizes get pages ({dmesg.txt:registered 1.00 GiB page size, pre-allocated 8 pages}, {dmesg.txt:registered 2.00 MiB page size, pre-allocated 1024 pages}); the default 1 GiB size has 8 pages in meminfo. Mixing sizes is fine.",
        []))

if __name__ == "__main__":
  for fn in [c_irq_remap_off, c_irq_remap_quiet, c_irq_unsafe, c_irq_unsafe_unneeded, c_irq_unsafe_quiet, c_dma_faults_intel, c_dma_faults_amd,
            c_dma_faults_quiet, c_hp_none, c_hp_none_quiet, c_hp_1g, c_hp_1g_quiet, c_hp_mismatch, c_hp_mismatch_quiet]:
     fn()
