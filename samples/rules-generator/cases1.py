from common import *

def c_iommu_disabled_intel():
    h = intel_desktop(iommu="off", extra_cmd="intel_iommu=off")
    h.iommu_msg = "disabled"; h.after_cmdline = ["DMAR: IOMMU disabled"]
    for b in ("01:00.0", "01:00.1"): dev(h, b).driver = None
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], [], t=6.812004, fail=True)
    f = {"dmesg.txt": dmesg(h, 11), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]), "iommu-groups.txt": groups_txt(h),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("IOMMU-DISABLED", "fires-when-intel-iommu-off-on-cmdline", f, md(
        "intel_iommu=off left on the command line of a Proxmox GPU host",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), Intel i7-13700K on ASUS PRIME Z790-P, RTX 3060 Ti meant for passthrough.",
        "The ACPI DMAR table is present, but `intel_iommu=off` turns DMA remapping off: no IOMMU groups exist (iommu-groups.txt is empty, lspci has no `IOMMU group:` lines) and vfio-pci cannot probe the GPU (-22).",
        ["IOMMU-DISABLED (error) host: {cmdline:intel_iommu=off}, {dmesg.txt:DMAR: IOMMU disabled}; DMAR table present {dmesg.txt:ACPI: DMAR}; vfio-pci probe failure {dmesg.txt:probe of 0000:01:00.0 failed}"]))

def c_iommu_disabled_amd():
    h = amd_b450(cmd_extra="amd_iommu=off", iommu="off", gpu_driver=None, audio_driver=None)
    h.domain = "Translated"
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], [], t=7.201551, fail=True)
    f = {"dmesg.txt": dmesg(h, 12), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h),
         "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b")}
    write_case("IOMMU-DISABLED", "fires-when-amd-iommu-off-and-no-groups", f, md(
        "amd_iommu=off on a Debian 12 KVM workstation",
        "kvm-ws1, Debian 12 (kernel 6.1.0-27-amd64), Ryzen 7 3700X on Gigabyte B450 AORUS M, RTX 3070 (07:00.0) configured for vfio-pci.",
        "The IVRS table is there, but with `amd_iommu=off` current kernels print nothing from AMD-Vi: no `AMD-Vi:` init lines, no `Adding to iommu group`, iommu-groups.txt is empty, vfio-pci probe fails with -22. The evidence is the parameter plus the absence of groups.",
        ["IOMMU-DISABLED (error) host: {cmdline:amd_iommu=off}; IVRS present {dmesg.txt:ACPI: IVRS}; no groups (iommu-groups.txt empty); {dmesg.txt:probe of 0000:07:00.0 failed}"]))

def c_iommu_disabled_quiet():
    h = intel_desktop(extra_cmd="intel_iommu=on,igfx_off iommu=pt")
    h.after_cmdline = ["DMAR: IOMMU enabled", "DMAR: Disable GFX device mapping"]
    h.domain = "Passthrough (set via kernel command line)"
    dev(h, "00:02.0").group = None
    # renumber groups without the iGPU
    for d in h.devs: d.group = None if d.group is None else d.group
    gmap = {}
    for d in sorted(h.devs, key=lambda d: d.bdf):
        if d.group is None: continue
        gmap.setdefault(d.group, len(gmap)); d.group = gmap[d.group]
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0"]) + pve_bridge_lines(9.71) + pve_vm_start(41.20, 101, ["01:00.0", "01:00.1"])
    f = {"dmesg.txt": dmesg(h, 13), "cmdline": cmdline(h), "grub": grub_debian("quiet intel_iommu=on,igfx_off iommu=pt", commented="quiet intel_iommu=off"),
         "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "00:02.0", "01:00"]), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("IOMMU-DISABLED", "quiet-when-off-appears-only-in-igfx-off-and-commented-grub", f, md(
        "igfx_off and an old commented-out intel_iommu=off are not 'IOMMU disabled'",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, RTX 3060 Ti passed to VM 101.",
        "`intel_iommu=on,igfx_off` only excludes the iGPU (00:02.0 has no IOMMU group, `DMAR: Disable GFX device mapping`), and /etc/default/grub still carries a commented `#GRUB_CMDLINE_LINUX_DEFAULT=\"quiet intel_iommu=off\"`. DMA remapping is on ({dmesg.txt:DMAR: IOMMU enabled}, {dmesg.txt:Intel(R) Virtualization Technology}), the GPU is in group 1 on vfio-pci and the VM starts. A grep for `iommu=off`/`off` must not fire.",
        []))

def c_iommu_absent():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, iommu="absent", root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="intel_iommu=on iommu=pt", hostname="gpu-ws2")
    h.cmdline = h.cmdline.replace("ro quiet", "ro quiet splash")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.dmi = "ASUS System Product Name/PRIME Z790-P WIFI, BIOS 1663 09/20/2023"
    for b in ("01:00.0", "01:00.1"): dev(h, b).driver = None
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], [], t=5.990110, fail=True)
    f = {"dmesg.txt": dmesg(h, 14), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("IOMMU-ABSENT", "fires-when-vtd-disabled-in-bios", f, md(
        "VT-d switched off in the firmware setup of an Ubuntu 24.04 workstation",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), bare metal ASUS PRIME Z790-P ({dmesg.txt:DMI: ASUS}), i7-13700K.",
        "The ACPI table list has no DMAR entry, so there is no DMAR/DMAR-IR output at all, no groups and vfio-pci probe fails with -22. `DMAR: IOMMU enabled` is printed anyway: it only echoes the `intel_iommu=on` option parser and must not be taken as proof of a working IOMMU. Fix: enable VT-d in the BIOS.",
        ["IOMMU-ABSENT (error) host: no `ACPI: DMAR` line among the ACPI tables ({dmesg.txt:ACPI: SSDT} follows {dmesg.txt:ACPI: HPET}), no groups; bare metal ({dmesg.txt:Booting paravirtualized kernel on bare hardware}); {dmesg.txt:probe of 0000:01:00.0 failed}"]))

def c_iommu_absent_vm():
    h = kvm_guest()
    h.late = [(1.102330, "virtio_net virtio1 enp1s0: renamed from eth0"), (1.120441, "scsi host0: Virtio SCSI HBA"),
              "scsi 0:0:0:0: Direct-Access     QEMU     QEMU HARDDISK    2.5+ PQ: 0 ANSI: 5", "sd 0:0:0:0: [sda] 67108864 512-byte logical blocks: (34.4 GB/32.0 GiB)",
              (2.402113, "EXT4-fs (sda1): mounted filesystem 0b7c52e5-3a8f-4d0e-bf3e-6d2a1f9c7e10 ro with ordered data mode. Quota mode: none.")]
    f = {"dmesg.txt": dmesg(h, 15), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h), "iommu-groups.txt": ""}
    write_case("IOMMU-ABSENT", "quiet-when-kvm-guest-without-viommu", f, md(
        "A KVM guest without a virtual IOMMU",
        "deb-guest1, Debian 12 (kernel 6.1.0-27-amd64) running as a QEMU q35 guest ({dmesg.txt:DMI: QEMU}, {dmesg.txt:Hypervisor detected: KVM}).",
        "No DMAR/IVRS table and no IOMMU groups, exactly like VT-d-off bare metal, but this is a virtual machine with only virtio devices and nothing to pass through: IOMMU rules are not applicable. A tool that only checks for the DMAR table would wrongly report IOMMU-ABSENT.",
        []))

def c_not_enabled():
    h = intel_desktop(release="5.15.0-91-generic", banner=UBU515, iommu="notenabled", root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv",
                      extra_cmd="splash vfio-pci.ids=10de:2489,10de:228b vt.handoff=7", hostname="gpu-ws2")
    h.domain = "Translated"
    for b in ("01:00.0", "01:00.1"): dev(h, b).driver = None
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], [], t=2.312901, fail=True)
    f = {"dmesg.txt": dmesg(h, 16), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"])}
    write_case("IOMMU-NOT-ENABLED", "fires-when-intel-5-15-without-intel-iommu-on", f, md(
        "Ubuntu 22.04 on Intel: DMAR table present but intel_iommu=on missing",
        "gpu-ws2, Ubuntu 22.04 (kernel 5.15.0-91-generic), i7-13700K on ASUS PRIME Z790-P, RTX 3060 Ti to be passed through via `vfio-pci.ids=` on the command line.",
        "Kernels before 6.8 (distribution default) leave VT-d DMA remapping off unless `intel_iommu=on` is given. The DMAR table and DRHD units are parsed and interrupt remapping is even enabled, but there is no `DMAR: IOMMU enabled`, no `Intel(R) Virtualization Technology for Directed I/O`, no groups, and vfio-pci fails with -22.",
        ["IOMMU-NOT-ENABLED (error) host: {dmesg.txt:Linux version 5.15.0-91-generic}, {dmesg.txt:ACPI: DMAR}, {dmesg.txt:DMAR: DRHD base: 0x000000fed90000}, no intel_iommu= in {cmdline:BOOT_IMAGE}; {dmesg.txt:probe of 0000:01:00.0 failed}"]))

def c_not_enabled_quiet():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0"]) + pve_bridge_lines(9.71) + pve_vm_start(38.02, 100, ["01:00.0", "01:00.1"])
    f = {"dmesg.txt": dmesg(h, 17), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("IOMMU-NOT-ENABLED", "quiet-when-iommu-enabled-by-default-on-6-8", f, md(
        "Proxmox 6.8 kernel on Intel without intel_iommu=on",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, RTX 3060 Ti passed to VM 100.",
        "There is no `intel_iommu=on` and therefore no `DMAR: IOMMU enabled` line, but from 6.8 the kernel enables VT-d by default: {dmesg.txt:Intel(R) Virtualization Technology} and the group lines show DMA remapping is active, vfio-pci owns the GPU in group 1 and VM 100 starts.",
        []))

def c_invalid_option():
    h = amd_b450(release="6.8.12-4-pve", banner=PVE68, hostname="pve-amd1", cmd_extra="amd_iommu=on iommu=pt")
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=/dev/mapper/pve-root")
    h.after_cmdline = ["AMD-Vi: Unknown option - 'on'"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], ["07:00.0"])
    f = {"dmesg.txt": dmesg(h, 18), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:03.1", "07:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b"), "grub": grub_debian("quiet amd_iommu=on iommu=pt")}
    write_case("IOMMU-INVALID-OPTION", "fires-when-amd-iommu-on-on-cmdline", f, md(
        "amd_iommu=on copied from an Intel guide",
        "pve-amd1, Proxmox VE 8 (kernel 6.8.12-4-pve), Ryzen 7 3700X on B450 AORUS M, RTX 3070 on vfio-pci.",
        "`on` is not a value `amd_iommu=` accepts; the kernel says so and ignores it. AMD-Vi is on by default when the IVRS table exists, so everything works (groups, interrupt remapping, vfio-pci). Only an informational note to drop the option is expected.",
        ["IOMMU-INVALID-OPTION (info) host: {cmdline:amd_iommu=on}, {dmesg.txt:AMD-Vi: Unknown option - 'on'}; IOMMU working: {dmesg.txt:AMD-Vi: Interrupt remapping enabled}"]))

def c_invalid_option_quiet():
    h = intel_desktop(release="5.15.0-91-generic", banner=UBU515, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="splash intel_iommu=on iommu=pt vt.handoff=7", hostname="gpu-ws2")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0"])
    f = {"dmesg.txt": dmesg(h, 19), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("IOMMU-INVALID-OPTION", "quiet-when-intel-iommu-on-on-intel-host", f, md(
        "intel_iommu=on is a valid option on Intel",
        "gpu-ws2, Ubuntu 22.04 (kernel 5.15.0-91-generic), i7-13700K, RTX 3060 Ti on vfio-pci.",
        "The command line contains `iommu=on`-looking text, but `intel_iommu=on` is the correct Intel switch and is acknowledged by {dmesg.txt:DMAR: IOMMU enabled}. No `Unknown option` line exists.",
        []))

def c_rmrr_bad():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.rmrr = [("0x0000006e800000", "0x00000072ffffff")]
    h.dmar_extra = ["DMAR: [Firmware Bug]: No firmware reserved region can cover this RMRR [0x000000006e800000-0x0000000072ffffff], contact BIOS vendor for fixes",
                    "DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x000000006e800000-0x0000000072ffffff]",
                    (None, " " * 15 + "BIOS vendor: American Megatrends Inc.; Ver: 1663; Product Version: System Product Name")]
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0"])
    f = {"dmesg.txt": dmesg(h, 20), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("RMRR-BAD-FIRMWARE", "fires-when-bios-reports-bad-rmrr", f, md(
        "Firmware RMRR not covered by a reserved e820 region",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), ASUS PRIME Z790-P BIOS 1663.",
        "The DMAR table declares an RMRR (0x6e800000-0x72ffffff) that straddles the ACPI NVS and reserved e820 ranges; the kernel flags it as a firmware bug and names the BIOS. Passthrough itself works; the advice is a BIOS update. The continuation line `BIOS vendor: ...` carries no timestamp and belongs to the preceding record.",
        ["RMRR-BAD-FIRMWARE (warning) host: {dmesg.txt:No firmware reserved region can cover this RMRR}, {dmesg.txt:Your BIOS is broken; bad RMRR}, {dmesg.txt:BIOS vendor: American Megatrends Inc.; Ver: 1663}; BIOS also in {dmesg.txt:DMI: ASUS}"]))

def c_rmrr_bad_quiet():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.after_cmdline = []
    h.dmar_extra = []
    h.early = []
    h.pci_extra = ["ACPI BIOS Error (bug): Could not resolve symbol [\\_SB.PC00.PEG1.PEGP], AE_NOT_FOUND (20230628/dswload2-162)",
                   "ACPI Error: AE_NOT_FOUND, During name lookup/catalog (20230628/psobject-220)"]
    h.late = [(0.302512, "[Firmware Bug]: TSC_DEADLINE disabled due to Errata; please update microcode to version: 0x22 (or later)")] + base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0"])
    f = {"dmesg.txt": dmesg(h, 21), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("RMRR-BAD-FIRMWARE", "quiet-when-rmrr-is-sane-and-other-firmware-bugs-are-unrelated", f, md(
        "RMRR lines and [Firmware Bug] lines that are not about RMRR",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), ASUS PRIME Z790-P.",
        "The DMAR table lists an RMRR ({dmesg.txt:DMAR: RMRR base}) inside a reserved e820 range, so no RMRR warning follows. The log does contain `[Firmware Bug]:` (TSC deadline microcode errata) and `ACPI BIOS Error (bug)` lines; neither concerns the IOMMU.",
        []))

def c_rmrr_inelig():
    h = hp_dl380g9()
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, storage="ahci") + [(3.112093, "hpsa 0000:03:00.0: Logical aborts not supported"), "scsi host1: HP HPSA Driver (v 3.4.20-200)",
              (3.520141, "ixgbe 0000:04:00.1: Multiqueue Enabled: Rx Queue count = 56, Tx Queue count = 56 XDP Queue count = 0"),
              "ixgbe 0000:04:00.1: 32.000 Gb/s available PCIe bandwidth (5.0 GT/s PCIe x8 link)", "ixgbe 0000:04:00.1: Intel(R) 10 Gigabit Network Connection",
              "ixgbe 0000:04:00.1 ens1f1: renamed from eth1"] + \
             [(9.402113, "VFIO - User Level meta-driver version: 0.3")] + \
             [(412.883120, "vfio-pci 0000:04:00.0: Device is ineligible for IOMMU domain attach due to platform RMRR requirement.  Contact your platform vendor.")]
    # the second port stays on ixgbe: vfio-pci was bound to 04:00.0 by driverctl
    qlog = libvirt_log("fw-appliance", ("2026-11-23", "10:41:07"), "8.0.0, package: 8.0.0-1ubuntu7.10 (Ubuntu)", "6.2.0Debian 1:6.2+dfsg-2ubuntu6.22",
                       "5.15.0-91-generic", "kvm-prod3", [("0000:04:00.0"[5:], "hostdev0", "pci.3")], machine="pc-q35-6.2", mem_mb=8192, smp=4,
                       errors=["2026-11-23T10:41:08.012455Z qemu-system-x86_64: -device {\"driver\":\"vfio-pci\",\"host\":\"0000:04:00.0\",\"id\":\"hostdev0\",\"bus\":\"pci.3\",\"addr\":\"0x0\"}: vfio 0000:04:00.0: failed to setup container for group 7: Failed to set iommu for container: Operation not permitted"],
                       tail=["2026-11-23 10:41:08.231+0000: shutting down, reason=failed"])
    f = {"dmesg.txt": dmesg(h, 22), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "04:00"]),
         "qemu-fw-appliance.log": qlog}
    write_case("RMRR-INELIGIBLE-DEVICE", "fires-when-hp-proliant-nic-is-rmrr-locked", f, md(
        "HP ProLiant Gen9: NIC port locked by an RMRR, VM cannot start",
        "kvm-prod3, Ubuntu 22.04 (kernel 5.15.0-91-generic), HP ProLiant DL380 Gen9 BIOS P89 10/21/2019, 2x Xeon E5-2680 v4, HP 560SFP+ (82599ES) port 04:00.0 bound to vfio-pci (driverctl) for a firewall VM.",
        "HP firmware reports the NIC in an RMRR for iLO shared memory, so the Intel IOMMU driver refuses to attach it to the VFIO domain and QEMU fails. Remedy: HPE advisory (disable 'HP Shared Memory features' via conrep) or a firmware update; kernels after 6.2 word this as `Firmware has requested this device have a 1:1 IOMMU mapping`.",
        ["RMRR-INELIGIBLE-DEVICE (error) 0000:04:00.0: {dmesg.txt:Device is ineligible for IOMMU domain attach}; platform {dmesg.txt:DMI: HP ProLiant DL380 Gen9}; QEMU {qemu-fw-appliance.log:Failed to set iommu for container: Operation not permitted}"]))

def c_rmrr_inelig_quiet():
    h = intel_desktop(release="5.15.0-91-generic", banner=UBU515, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="intel_iommu=on iommu=pt", hostname="gpu-ws2")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.rmrr = [("0x0000007b800000", "0x0000007fffffff"), ("0x0000006c79e000", "0x0000006c7a1fff")]
    dev(h, "00:14.0").driver = "vfio-pci"
    h.late = base_late(h, nic=igc_lines(h)) + [(4.402266, "VFIO - User Level meta-driver version: 0.3")] + \
             [(233.102004, "xhci_hcd 0000:00:14.0: remove, state 4"), "usb usb2: USB disconnect, device number 1", "xhci_hcd 0000:00:14.0: USB bus 2 deregistered",
              "xhci_hcd 0000:00:14.0: remove, state 1", "usb usb1: USB disconnect, device number 1", "xhci_hcd 0000:00:14.0: USB bus 1 deregistered",
              (234.511392, "vfio-pci 0000:00:14.0: resetting"), "vfio-pci 0000:00:14.0: reset done"]
    qlog = libvirt_log("win11", ("2026-11-24", "18:02:51"), "8.0.0, package: 8.0.0-1ubuntu7.10 (Ubuntu)", "6.2.0Debian 1:6.2+dfsg-2ubuntu6.22",
                       "5.15.0-91-generic", "gpu-ws2", [("00:14.0", "hostdev0", "pci.4")], machine="pc-q35-6.2", tail=[])
    f = {"dmesg.txt": dmesg(h, 23), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:14", "00:17.0", "00:1f.3"]), "qemu-win11.log": qlog}
    write_case("RMRR-INELIGIBLE-DEVICE", "quiet-when-usb-controller-rmrr-is-relaxable", f, md(
        "USB controller with an RMRR passed through on a 5.15 kernel",
        "gpu-ws2, Ubuntu 22.04 (kernel 5.15.0-91-generic), i7-13700K; the chipset xHCI 00:14.0 (group with its shared SRAM 00:14.2, which has no driver) is given to VM win11.",
        "The DMAR table has two RMRRs ({dmesg.txt:DMAR: RMRR base: 0x0000006c79e000}), one of them for USB legacy emulation. Since 5.3 USB and graphics RMRRs are relaxable, so vfio-pci attaches the controller without the `ineligible ... RMRR` refusal and the VM starts (QEMU log has no error).",
        []))

if __name__ == "__main__":
  for fn in [c_iommu_disabled_intel, c_iommu_disabled_amd, c_iommu_disabled_quiet, c_iommu_absent, c_iommu_absent_vm, c_not_enabled,
            c_not_enabled_quiet, c_invalid_option, c_invalid_option_quiet, c_rmrr_bad, c_rmrr_bad_quiet, c_rmrr_inelig, c_rmrr_inelig_quiet]:
     fn()
