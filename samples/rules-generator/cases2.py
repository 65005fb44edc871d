from common import *

UBU_LV = "8.0.0, package: 8.0.0-1ubuntu7.10 (Ubuntu)"; UBU_QEMU = "6.2.0Debian 1:6.2+dfsg-2ubuntu6.22"
UBU24_LV = "10.0.0, package: 10.0.0-2ubuntu8.4 (Ubuntu)"; UBU24_QEMU = "8.2.2Debian 1:8.2.2+ds-0ubuntu1.4"
DEB_LV = "9.0.0, package: 9.0.0-4+deb12u1 (Debian)"; DEB_QEMU = "7.2.0Debian 1:7.2+dfsg-7+deb12u7"
FED_LV = "10.6.0, package: 10.6.0-5.fc41 (Fedora Project, 2024-10-16-12:00:00, )"; FED_QEMU = "9.1.1qemu-9.1.1-2.fc41"

def snd_lines(bdf, card, t):
    return [(t, "snd_hda_intel 0000:%s: enabling device (0000 -> 0002)" % bdf),
            "snd_hda_intel 0000:%s: Disabling MSI" % bdf if False else "snd_hda_intel 0000:%s: Force to non-snoop mode" % bdf if False else
            "input: HDA NVidia HDMI/DP,pcm=3 as /devices/pci0000:00/0000:00:01.0/0000:%s/sound/card%d/input12" % (bdf, card),
            "input: HDA NVidia HDMI/DP,pcm=7 as /devices/pci0000:00/0000:00:01.0/0000:%s/sound/card%d/input13" % (bdf, card)]

def c_not_viable_audio():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="splash intel_iommu=on iommu=pt vt.handoff=7", hostname="gpu-ws2",
                      audio_driver="snd_hda_intel")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489"], ["01:00.0"], t=4.920113) + snd_lines("01:00.1", 1, 5.602210)
    q = libvirt_log("win11", ("2026-11-24", "19:20:03"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "gpu-ws2", [("01:00.0", "hostdev0", "pci.5")], machine="pc-q35-8.2",
                    errors=["2026-11-24T19:20:04.511832Z qemu-system-x86_64: -device {\"driver\":\"vfio-pci\",\"host\":\"0000:01:00.0\",\"id\":\"hostdev0\",\"bus\":\"pci.5\",\"addr\":\"0x0\"}: vfio 0000:01:00.0: group 1 is not viable",
                            "Please ensure all devices within the iommu_group are bound to their vfio bus driver."],
                    tail=["2026-11-24 19:20:04.702+0000: shutting down, reason=failed"])
    f = {"dmesg.txt": dmesg(h, 31), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": "options vfio-pci ids=10de:2489\nsoftdep nouveau pre: vfio-pci\n", "qemu-win11.log": q}
    write_case("VFIO-GROUP-NOT-VIABLE", "fires-when-gpu-audio-function-stays-on-snd-hda-intel", f, md(
        "Group 1 not viable: the GPU's HDMI audio function is still on snd_hda_intel",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, i7-13700K; RTX 3060 Ti 01:00.0 (vfio-pci) + its audio 01:00.1, both in IOMMU group 1 with the PEG root port 00:01.0.",
        "vfio.conf lists only the VGA id 10de:2489, so 01:00.1 [10de:228b] is claimed by snd_hda_intel and the group cannot be handed to VFIO. Fix: add 10de:228b to `ids=` (plus `softdep snd_hda_intel pre: vfio-pci`) or pass both functions as managed hostdevs. The root port 00:01.0 on pcieport is not a problem.",
        ["VFIO-GROUP-NOT-VIABLE (error) 0000:01:00.0, group 1: {qemu-win11.log:group 1 is not viable}; blocker 0000:01:00.1 on snd_hda_intel {lspci-nnvvv.txt:Kernel driver in use: snd_hda_intel}; group members {iommu-groups.txt:0000:01:00.1}; config {modprobe-vfio.conf:options vfio-pci ids=10de:2489}"]))

def c_not_viable_sata():
    h = amd_b450(gpu2_driver="vfio-pci", audio2_driver="vfio-pci", gpu_driver="nvidia", audio_driver="snd_hda_intel", hostname="kvm-ws1", cmd_extra="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41")
    dev(h, "07:00.0").modules = "nvidiafb, nouveau, nvidia_drm, nvidia"
    h.late = [(1.312544, "ahci 0000:02:00.1: AHCI 0001.0301 32 slots 6 ports 6 Gbps 0x33 impl SATA mode"),
              "ahci 0000:02:00.1: flags: 64bit ncq sntf stag pm led clo only pmp pio slum part sxs deso sadm sds apst ",
              "scsi host0: ahci", "ata1: SATA max UDMA/133 abar m131072@0xfcd80000 port 0xfcd80100 irq 42",
              (1.790331, "ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)"), "ata1.00: ATA-11: Samsung SSD 870 EVO 1TB, SVT02B6Q, max UDMA/133",
              "sd 0:0:0:0: [sda] 1953525168 512-byte logical blocks: (1.00 TB/932 GiB)", " sda: sda1 sda2 sda3",
              (2.601822, "EXT4-fs (sda2): mounted filesystem 8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41 ro with ordered data mode. Quota mode: none."),
              (2.640015, "nvme nvme0: pci function 0000:01:00.0"), "nvme nvme0: 8/0/0 default/read/poll queues", " nvme0n1: p1"] + \
             vfio_late(h, ["10de:1c82", "10de:0fb9"], ["06:00.0"], t=5.118802) + \
             [(6.220541, "nvidia: loading out-of-tree module taints kernel."), "nvidia-nvlink: Nvlink Core is being initialized, major device number 236",
              "nvidia 0000:07:00.0: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=none:owns=io+mem",
              "NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.216.01  Wed Oct 16 19:16:53 UTC 2024"]
    q = libvirt_log("win10", ("2026-11-24", "21:05:40"), DEB_LV, DEB_QEMU, "6.1.0-27-amd64", "kvm-ws1", [("06:00.0", "hostdev0", "pci.5"), ("06:00.1", "hostdev1", "pci.6")],
                    errors=["2026-11-24T21:05:41.337290Z qemu-system-x86_64: -device {\"driver\":\"vfio-pci\",\"host\":\"0000:06:00.0\",\"id\":\"hostdev0\",\"bus\":\"pci.5\",\"addr\":\"0x0\"}: vfio 0000:06:00.0: group 9 is not viable",
                            "Please ensure all devices within the iommu_group are bound to their vfio bus driver."],
                    tail=["2026-11-24 21:05:41.540+0000: shutting down, reason=failed"])
    f = {"dmesg.txt": dmesg(h, 32), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h),
         "lspci-nnvvv.txt": lspci(h, ["02:00.1", "02:00.2", "03:04.0", "06:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:1c82,10de:0fb9"), "qemu-win10.log": q}
    write_case("VFIO-GROUP-NOT-VIABLE", "fires-when-group-holds-the-boot-sata-controller", f, md(
        "GPU in the B450 chipset slot shares group 9 with the SATA controller the host boots from",
        "kvm-ws1, Debian 12 (kernel 6.1.0-27-amd64), libvirt 9.0, Ryzen 7 3700X on B450 AORUS M; host GPU RTX 3070 (07:00.0, nvidia); GTX 1050 Ti 06:00.0/06:00.1 on vfio-pci for VM win10.",
        "The 400-series chipset downstream ports (03:04.0) have no ACS capability, so USB 02:00.0, SATA 02:00.1, the chipset bridges, the Realtek NIC 05:00.0 and the GTX 1050 Ti all land in group 9. The root filesystem is on the SATA SSD behind 02:00.1 (`root=UUID=8e1f...` = sda2), so the group can never be made viable by binding the rest to vfio-pci: move the card to a CPU slot (or, knowingly, use the ACS override).",
        ["VFIO-GROUP-NOT-VIABLE (error) 0000:06:00.0, group 9: {qemu-win10.log:group 9 is not viable}; group also holds the boot controller 0000:02:00.1 (ahci, {dmesg.txt:EXT4-fs (sda2): mounted filesystem}) plus 0000:02:00.0 (xhci_hcd) and 0000:05:00.0 (r8169), see {iommu-groups.txt:0000:02:00.1}",
         "ACS-SHARED-GROUP (warning) 0000:06:00.0, group 9: shares with endpoints 0000:02:00.0, 0000:02:00.1, 0000:05:00.0; downstream port 0000:03:04.0 has no Access Control Services capability ({lspci-nnvvv.txt:03:04.0 PCI bridge})"]))

def c_not_viable_quiet():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="splash intel_iommu=on iommu=pt vt.handoff=7", hostname="gpu-ws2")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=4.920113) + \
             [(1210.442107, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:01:00.1: enabling device (0000 -> 0002)",
              (1210.871245, "vfio-pci 0000:01:00.0: resetting"), (1210.982210, "vfio-pci 0000:01:00.0: reset done")]
    q = libvirt_log("win11", ("2026-11-24", "19:40:12"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "gpu-ws2", [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.6")], machine="pc-q35-8.2")
    f = {"dmesg.txt": dmesg(h, 33), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "qemu-win11.log": q}
    write_case("VFIO-GROUP-NOT-VIABLE", "quiet-when-group-bridge-stays-on-pcieport", f, md(
        "Group 1 contains the PEG root port, which may stay on pcieport",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, i7-13700K; RTX 3060 Ti and its audio both on vfio-pci.",
        "Group 1 = 00:01.0 (PCI bridge, pcieport) + 01:00.0 + 01:00.1. Bridges do not have to be bound to vfio-pci for a group to be viable; every endpoint of the group is on vfio-pci, and the QEMU log shows a clean start.",
        []))

def c_host_driver_pve():
    h = intel_desktop(gpu_driver="nvidia", audio_driver="snd_hda_intel", extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + [(4.881203, "nvidia: module license 'NVIDIA' taints kernel."), "Disabling lock debugging due to kernel taint",
              "nvidia: module verification failed: signature and/or required key missing - tainting kernel", "nvidia-nvlink: Nvlink Core is being initialized, major device number 236",
              "nvidia 0000:01:00.0: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=none:owns=none",
              "NVRM: loading NVIDIA UNIX x86_64 Kernel Module  550.127.05  Tue Oct  8 03:22:07 UTC 2024"] + snd_lines("01:00.1", 1, 5.101190) + \
             [(6.812004, "VFIO - User Level meta-driver version: 0.3"), "vfio_pci: add [10de:2489[ffffffff:ffffffff]] class 0x000000/00000000",
              "vfio_pci: add [10de:228b[ffffffff:ffffffff]] class 0x000000/00000000"]
    f = {"dmesg.txt": dmesg(h, 34), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": "options vfio-pci ids=10de:2489,10de:228b\n"}
    write_case("VFIO-HOST-DRIVER-BOUND", "fires-when-nvidia-wins-the-race-on-proxmox", f, md(
        "vfio-pci ids configured, but nvidia and snd_hda_intel grab the GPU first (Proxmox)",
        "pve-lab1, Proxmox VE 8 (Debian 12 based, kernel 6.8.12-4-pve), i7-13700K, RTX 3060 Ti 01:00.0 + audio 01:00.1 in group 1; the NVIDIA driver is installed on the host.",
        "`options vfio-pci ids=10de:2489,10de:228b` exists but has no `softdep`, and nvidia/snd_hda_intel load before vfio-pci: the ids are added ({dmesg.txt:vfio_pci: add [10de:2489}) without a probe because both functions are already bound. Fix on Debian/Proxmox: add `softdep nvidia pre: vfio-pci` / `softdep snd_hda_intel pre: vfio-pci` (or blacklist nvidia) and run `update-initramfs -u -k all`, then reboot.",
        ["VFIO-HOST-DRIVER-BOUND (error) 0000:01:00.0 (nvidia) and 0000:01:00.1 (snd_hda_intel): {modprobe-vfio.conf:options vfio-pci ids=10de:2489,10de:228b}, {lspci-nnvvv.txt:Kernel driver in use: nvidia}, {lspci-nnvvv.txt:Kernel driver in use: snd_hda_intel}; Debian-family host ({dmesg.txt:Linux version 6.8.12-4-pve}) -> update-initramfs"]))

def c_host_driver_fedora():
    h = intel_desktop(release="6.11.4-301.fc41.x86_64", banner=FED611, gpu_driver="nouveau", audio_driver="snd_hda_intel", hostname="fedora-ws3")
    h.cmdline = "BOOT_IMAGE=(hd0,gpt2)/vmlinuz-6.11.4-301.fc41.x86_64 root=UUID=9d2e44c1-0a7b-4c3d-b8e6-1f5a2c9e7d30 ro rootflags=subvol=root rhgb quiet iommu=pt"
    h.pciutils = "3.13"; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + [(2.201557, "nouveau 0000:01:00.0: NVIDIA GA104 (b74000a1)"), "nouveau 0000:01:00.0: bios: version 94.04.25.00.6e",
              "nouveau 0000:01:00.0: pmu: firmware unavailable", "nouveau 0000:01:00.0: fb: 8192 MiB GDDR6", "nouveau 0000:01:00.0: DRM: VRAM: 8192 MiB",
              "nouveau 0000:01:00.0: DRM: GART: 536870912 MiB", "[drm] Initialized nouveau 1.4.0 20120801 for 0000:01:00.0 on minor 1"] + snd_lines("01:00.1", 1, 2.911820) + \
             [(7.402210, "VFIO - User Level meta-driver version: 0.3"), "vfio_pci: add [10de:2489[ffffffff:ffffffff]] class 0x000000/00000000",
              "vfio_pci: add [10de:228b[ffffffff:ffffffff]] class 0x000000/00000000"]
    f = {"dmesg.txt": dmesg(h, 35), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": "# /etc/modprobe.d/vfio.conf\noptions vfio-pci ids=10de:2489,10de:228b\nsoftdep nouveau pre: vfio-pci\nsoftdep snd_hda_intel pre: vfio-pci\n"}
    write_case("VFIO-HOST-DRIVER-BOUND", "fires-when-dracut-initramfs-lacks-vfio-on-fedora", f, md(
        "Fedora: softdeps are right, but the initramfs was never regenerated",
        "fedora-ws3, Fedora 41 (kernel 6.11.4-301.fc41.x86_64), i7-13700K, RTX 3060 Ti 01:00.0 + audio 01:00.1.",
        "vfio.conf has ids and softdeps, yet nouveau binds the GPU from the initramfs ({dmesg.txt:nouveau 0000:01:00.0: NVIDIA GA104}) and vfio-pci only loads later from the root filesystem. The dracut image does not contain vfio-pci or the modprobe snippet. Fix on Fedora/RHEL: `/etc/dracut.conf.d/vfio.conf` with `force_drivers+=\" vfio_pci vfio vfio_iommu_type1 \"`, then `dracut -f --kver 6.11.4-301.fc41.x86_64` (or `rd.driver.pre=vfio_pci` on the cmdline).",
        ["VFIO-HOST-DRIVER-BOUND (error) 0000:01:00.0 (nouveau) and 0000:01:00.1 (snd_hda_intel): {modprobe-vfio.conf:options vfio-pci ids=10de:2489,10de:228b}, {lspci-nnvvv.txt:Kernel driver in use: nouveau}, {lspci-nnvvv.txt:Kernel driver in use: snd_hda_intel}; Fedora host ({dmesg.txt:Linux version 6.11.4-301.fc41}) -> dracut"]))

def c_host_driver_quiet():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + \
             [(5.881203, "nvidia: module license 'NVIDIA' taints kernel."), "Disabling lock debugging due to kernel taint",
              "nvidia-nvlink: Nvlink Core is being initialized, major device number 236",
              "NVRM: The NVIDIA probe routine was not called for 1 device(s).",
              "NVRM: This can occur when another driver was loaded and ",
              (None, " " * 15 + "NVRM: obtained ownership of the NVIDIA device(s)."),
              "NVRM: Try unloading the conflicting kernel module (and/or",
              (None, " " * 15 + "NVRM: reconfigure your kernel without the conflicting"),
              (None, " " * 15 + "NVRM: kernel module support) and then try loading the"),
              (None, " " * 15 + "NVRM: NVIDIA kernel module again."),
              "NVRM: No NVIDIA devices probed.", "nvidia-nvlink: Unregistered Nvlink Core, major device number 236"]
    f = {"dmesg.txt": dmesg(h, 36), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("VFIO-HOST-DRIVER-BOUND", "quiet-when-nvidia-module-loads-but-vfio-owns-the-gpu", f, md(
        "NVIDIA module present on the host, but vfio-pci owns the GPU",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, RTX 3060 Ti + audio on vfio-pci (ids + softdeps, initramfs updated).",
        "The nvidia module is installed and loads, finds its device already claimed and says so (`NVRM: The NVIDIA probe routine was not called`, `NVRM: No NVIDIA devices probed.`). lspci lists `nvidia` only under `Kernel modules:`; `Kernel driver in use:` is vfio-pci for both functions. Nothing to report.",
        []))

def c_acs_shared():
    h = amd_b450(release="6.8.12-4-pve", banner=PVE68, hostname="pve-amd1", gpu2_driver="vfio-pci", audio2_driver="vfio-pci", gpu_driver="nvidia", audio_driver="snd_hda_intel", cmd_extra="iommu=pt")
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=/dev/mapper/pve-root")
    h.domain = "Passthrough (set via kernel command line)"
    dev(h, "07:00.0").modules = "nvidiafb, nouveau, nvidia_drm, nvidia"
    h.late = base_late(h) + vfio_late(h, ["10de:1c82", "10de:0fb9"], ["06:00.0", "06:00.1"], t=5.118802) + \
             [(6.220541, "nvidia: loading out-of-tree module taints kernel."), "nvidia-nvlink: Nvlink Core is being initialized, major device number 236",
              "nvidia 0000:07:00.0: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=none:owns=io+mem",
              "NVRM: loading NVIDIA UNIX x86_64 Kernel Module  550.127.05  Tue Oct  8 03:22:07 UTC 2024"]
    f = {"dmesg.txt": dmesg(h, 37), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h),
         "lspci-nnvvv.txt": lspci(h, ["00:01.3", "02:00.2", "03:04.0", "06:00"]), "modprobe-vfio.conf": vfio_conf("10de:1c82,10de:0fb9")}
    write_case("ACS-SHARED-GROUP", "fires-when-gpu-sits-behind-chipset-ports-without-acs", f, md(
        "Second GPU in the chipset slot shares its group with USB, SATA and NIC",
        "pve-amd1, Proxmox VE 8 (kernel 6.8.12-4-pve), Ryzen 7 3700X on B450 AORUS M; GTX 1050 Ti 06:00.0/06:00.1 on vfio-pci intended for a VM; host GPU RTX 3070 on nvidia. Boots from NVMe 01:00.0 (own group).",
        "The CPU GPP bridge 00:01.3 has ACS, but the 400-series chipset bridge 02:00.2 and its downstream ports 03:00.0/03:01.0/03:04.0 do not, so everything behind them forms one group (9): the GTX 1050 Ti functions plus the chipset USB 02:00.0, SATA 02:00.1 and the Realtek NIC 05:00.0. No VM has been started yet, so there is no not-viable error, but passing the card through would require giving away those controllers.",
        ["ACS-SHARED-GROUP (warning) 0000:06:00.0, group 9: shares with endpoints 0000:02:00.0, 0000:02:00.1, 0000:05:00.0 ({iommu-groups.txt:/9/devices/0000:06:00.0}); port 0000:03:04.0 above the GPU lacks ACS ({lspci-nnvvv.txt:03:04.0 PCI bridge}), while 0000:00:01.3 has it ({lspci-nnvvv.txt:Access Control Services})"]))

def c_acs_quiet_audio():
    h = amd_b450(release="6.8.12-4-pve", banner=PVE68, hostname="pve-amd1", cmd_extra="iommu=pt")
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=/dev/mapper/pve-root")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], ["07:00.0", "07:00.1"], t=5.118802)
    f = {"dmesg.txt": dmesg(h, 38), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h),
         "lspci-nnvvv.txt": lspci(h, ["00:03.1", "07:00"]), "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b")}
    write_case("ACS-SHARED-GROUP", "quiet-when-gpu-shares-only-with-its-own-audio-function", f, md(
        "GPU and its HDMI audio alone in one group",
        "pve-amd1, Proxmox VE 8 (kernel 6.8.12-4-pve), Ryzen 7 3700X on B450 AORUS M, RTX 3070 07:00.0/07:00.1 on vfio-pci in the CPU slot 00:03.1.",
        "Group 10 holds two devices, but they are the two functions of the same card ({iommu-groups.txt:/10/devices/0000:07:00.1}); a multifunction device without ACS between its own functions is normal and both go to the same VM. The chipset group 9 is large but contains no passthrough device.",
        []))

def c_acs_quiet_rootport():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.pci_extra = ["pci 0000:00:1c.0: Intel PCH root port ACS workaround enabled"] if False else []
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112)
    f = {"dmesg.txt": dmesg(h, 39), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("ACS-SHARED-GROUP", "quiet-when-group-adds-only-the-peg-root-port", f, md(
        "Intel PEG slot: root port, GPU and GPU audio in one group",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K; RTX 3060 Ti + audio on vfio-pci.",
        "The Raptor Lake PEG root port 00:01.0 has no ACS capability ({lspci-nnvvv.txt:00:01.0 PCI bridge}), so it joins group 1 with 01:00.0 and 01:00.1. The only other member is the bridge itself, not an endpoint, so nothing else is exposed to the VM.",
        []))

def c_acs_override():
    h = amd_b450(release="6.8.12-4-pve", banner=PVE68, hostname="pve-amd1", gpu2_driver="vfio-pci", audio2_driver="vfio-pci", gpu_driver="nvidia", audio_driver="snd_hda_intel",
                 cmd_extra="iommu=pt pcie_acs_override=downstream,multifunction")
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=/dev/mapper/pve-root")
    h.domain = "Passthrough (set via kernel command line)"
    h.early = ["Warning: PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA"]
    dev(h, "07:00.0").modules = "nvidiafb, nouveau, nvidia_drm, nvidia"
    # with the override every chipset function and port is its own group
    for d in h.devs:
        if d.group is not None: d.group = None
    keys = {}
    for d in sorted(h.devs, key=lambda d: d.bdf):
        if d.bdf == "00:00.2": continue
        k = d.bdf[:5] if d.bdf.startswith(("00:14", "00:18", "07:00")) else d.bdf
        keys.setdefault(k, len(keys)); d.group = keys[k]
    h.late = base_late(h) + vfio_late(h, ["10de:1c82", "10de:0fb9"], ["06:00.0", "06:00.1"], t=5.118802) + \
             [(6.220541, "nvidia: loading out-of-tree module taints kernel."), "nvidia-nvlink: Nvlink Core is being initialized, major device number 236",
              "NVRM: loading NVIDIA UNIX x86_64 Kernel Module  550.127.05  Tue Oct  8 03:22:07 UTC 2024"]
    f = {"dmesg.txt": dmesg(h, 40), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["03:04.0", "06:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:1c82,10de:0fb9"), "grub": grub_debian("quiet iommu=pt pcie_acs_override=downstream,multifunction")}
    write_case("ACS-OVERRIDE-IN-USE", "fires-when-pve-kernel-splits-chipset-group", f, md(
        "ACS override splits the B450 chipset group",
        "pve-amd1, Proxmox VE 8 (kernel 6.8.12-4-pve, which carries the ACS override patch), Ryzen 7 3700X on B450 AORUS M; GTX 1050 Ti in the chipset slot on vfio-pci.",
        "The override makes the kernel pretend the chipset ports and multifunction devices isolate each other: every chipset device now has its own group and the GTX 1050 Ti functions 06:00.0 and 06:00.1 are even split. Passthrough works, but peer-to-peer DMA between the GPU and the SATA/USB/NIC controllers is not actually blocked by the hardware.",
        ["ACS-OVERRIDE-IN-USE (warning) host: {cmdline:pcie_acs_override=downstream,multifunction}, {dmesg.txt:Warning: PCIe ACS overrides enabled}; same in {grub:GRUB_CMDLINE_LINUX_DEFAULT}"]))

def c_acs_override_quiet():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.pci_extra = ["pci 0000:00:1c.0: Intel PCH root port ACS workaround enabled"]
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112)
    f = {"dmesg.txt": dmesg(h, 41), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:1c.0", "03:00.0"]),
         "grub": grub_debian("quiet iommu=pt", commented="quiet iommu=pt pcie_acs_override=downstream,multifunction")}
    write_case("ACS-OVERRIDE-IN-USE", "quiet-when-only-pch-acs-quirk-and-commented-override", f, md(
        "PCH ACS quirk and an old commented override line",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, RTX 3060 Ti on vfio-pci.",
        "dmesg has {dmesg.txt:Intel PCH root port ACS workaround enabled}, an in-kernel quirk that enables the ACS the PCH root port really implements; the ACS override was tried once and is commented out in /etc/default/grub. The running command line has no `pcie_acs_override` and there is no `PCIe ACS overrides enabled` warning.",
        []))

if __name__ == "__main__":
  for fn in [c_not_viable_audio, c_not_viable_sata, c_not_viable_quiet, c_host_driver_pve, c_host_driver_fedora, c_host_driver_quiet,
           c_acs_shared, c_acs_quiet_audio, c_acs_quiet_rootport, c_acs_override, c_acs_override_quiet]:
      fn()
