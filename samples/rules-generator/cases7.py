"""Cases for KERNEL-NO-VFIO, VFIO-PROBE-FAILED and VFIO-MULTIPLE-ADDRESS-SPACES (written by the rules-c helper)."""
from common import *
from cases2 import UBU24_LV, UBU24_QEMU

UBU_ROOT = "/dev/mapper/ubuntu--vg-ubuntu--lv"

LSMOD_HEAD = "Module                  Size  Used by"
LSMOD_HOST = [("snd_hda_codec_hdmi", 94208, 1, ""), ("snd_sof_pci_intel_tgl", 12288, 0, ""), ("snd_hda_intel", 61440, 2, ""),
              ("snd_hda_codec", 204800, 2, "snd_hda_codec_hdmi,snd_hda_intel"), ("snd_hda_core", 139264, 3, "snd_hda_codec_hdmi,snd_hda_intel,snd_hda_codec"),
              ("snd_pcm", 192512, 4, "snd_hda_codec_hdmi,snd_hda_intel,snd_hda_codec,snd_hda_core"), ("snd", 143360, 8, "snd_hda_codec_hdmi,snd_hda_intel,snd_hda_codec,snd_pcm"),
              ("kvm_intel", 487424, 0, ""), ("kvm", 1409024, 1, "kvm_intel"), ("irqbypass", 12288, 1, "kvm"),
              ("i915", 4288512, 3, ""), ("drm_buddy", 20480, 1, "i915"), ("ttm", 110592, 1, "i915"), ("drm_display_helper", 237568, 1, "i915"),
              ("cec", 94208, 2, "drm_display_helper,i915"), ("mei_me", 53248, 0, ""), ("mei", 172032, 1, "mei_me"), ("i2c_i801", 36864, 0, ""),
              ("spi_intel_pci", 12288, 0, ""), ("spi_intel", 32768, 1, "spi_intel_pci"), ("igc", 192512, 0, ""), ("nvme", 61440, 3, ""),
              ("nvme_core", 212992, 4, "nvme"), ("ahci", 49152, 0, ""), ("libahci", 53248, 1, "ahci"), ("xhci_pci", 24576, 0, ""),
              ("xhci_pci_renesas", 20480, 1, "xhci_pci"), ("dm_crypt", 65536, 0, ""), ("efi_pstore", 12288, 0, "")]

def lsmod(mods):
    return "\n".join([LSMOD_HEAD] + ["%-19s %8d  %d %s" % (n, s, u, by) if by else "%-19s %8d  %d" % (n, s, u) for n, s, u, by in mods]) + "\n"

def c_no_vfio_fires():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev=UBU_ROOT, hostname="gpu-ws3", gpu_driver=None, audio_driver="snd_hda_intel",
                      extra_cmd="splash iommu=pt vfio-pci.ids=10de:2489,10de:228b modprobe.blacklist=nouveau vt.handoff=7")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + [(5.602210, "snd_hda_intel 0000:01:00.1: enabling device (0000 -> 0002)"),
              "input: HDA NVidia HDMI/DP,pcm=3 as /devices/pci0000:00/0000:00:01.0/0000:01:00.1/sound/card1/input12"]
    f = {"dmesg.txt": dmesg(h, 71), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "lsmod.txt": lsmod(LSMOD_HOST)}
    write_case("KERNEL-NO-VFIO", "fires-when-vfio-pci-ids-on-cmdline-but-module-never-loads", f, md(
        "vfio-pci.ids= on the command line, but nothing ever loads the vfio-pci module",
        "gpu-ws3, Ubuntu 24.04 (kernel 6.8.0-49-generic), i7-13700K; RTX 3060 Ti 01:00.0 + audio 01:00.1 meant for a VM (plain QEMU started from a script).",
        "The guide followed put `vfio-pci.ids=` on the kernel command line, which only sets the option for when the module loads; Ubuntu builds vfio-pci as a module and nothing loads it (no modules-load.d entry, not in the initramfs). lsmod shows no vfio module, dmesg has no `VFIO - User Level meta-driver` line, the GPU sits without a driver (nouveau is blacklisted) and snd_hda_intel takes the audio function. Fix: load vfio-pci at boot (modules-load.d / initramfs).",
        ["KERNEL-NO-VFIO (error) host: {lsmod.txt:Module}, ids requested in {cmdline:vfio-pci.ids}",
         "VFIO-HOST-DRIVER-BOUND (error) 0000:01:00.1: requested in {cmdline:vfio-pci.ids}, held by snd_hda_intel {lspci-nnvvv.txt:Kernel driver in use: snd_hda_intel}"]))

def c_no_vfio_quiet():
    rel = "6.8.12-vfio1"
    h = intel_desktop(release=rel, banner="(builder@gpu-ws3) (gcc (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) #1 SMP PREEMPT_DYNAMIC Tue Oct 29 10:12:44 UTC 2024",
                      root_dev=UBU_ROOT, hostname="gpu-ws3", extra_cmd="splash iommu=pt vfio-pci.ids=10de:2489,10de:228b vt.handoff=7")
    h.domain = "Passthrough (set via kernel command line)"
    # CONFIG_VFIO_PCI=y: vfio-pci registers during do_initcalls, long before the root filesystem, and never shows in lsmod
    h.late = vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=0.912230, console=False) + base_late(h, nic=igc_lines(h))
    mods = [m for m in LSMOD_HOST if m[0] != "snd_hda_intel" or True]
    f = {"dmesg.txt": dmesg(h, 72), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "lsmod.txt": lsmod(mods)}
    write_case("KERNEL-NO-VFIO", "quiet-when-vfio-pci-is-built-in", f, md(
        "lsmod has no vfio line because vfio-pci is built into the kernel",
        "gpu-ws3, Ubuntu 24.04 userland with a self-built kernel %s (CONFIG_VFIO=y, CONFIG_VFIO_PCI=y), i7-13700K; RTX 3060 Ti + audio on vfio-pci." % rel,
        "A naive check of lsmod would say vfio is missing, but built-in drivers never appear there: dmesg shows the VFIO core and `vfio_pci: add` lines during early boot and lspci shows both GPU functions on vfio-pci.",
        []))

def c_probe_busy():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev=UBU_ROOT, extra_cmd="splash iommu=pt vt.handoff=7", hostname="gpu-ws2")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=4.920113) + \
             [(812.114021, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:01:00.1: enabling device (0000 -> 0002)"]
    q = libvirt_log("win11", ("2026-11-24", "20:02:51"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "gpu-ws2",
                    [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.6")], machine="pc-q35-8.2",
                    errors=["2026-11-24T20:02:52.120442Z qemu-system-x86_64: -device {\"driver\":\"vfio-pci\",\"host\":\"0000:01:00.0\",\"id\":\"hostdev0\",\"bus\":\"pci.5\",\"addr\":\"0x0\"}: vfio 0000:01:00.0: Could not open '/dev/vfio/1': Device or resource busy"],
                    tail=["2026-11-24 20:02:52.331+0000: shutting down, reason=failed"])
    f = {"dmesg.txt": dmesg(h, 73), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "qemu-win11.log": q}
    write_case("VFIO-PROBE-FAILED", "fires-when-group-file-is-held-by-a-leftover-qemu", f, md(
        "VM start fails: /dev/vfio/1 is still held by a QEMU process started by hand earlier",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, i7-13700K; RTX 3060 Ti 01:00.0 + audio 01:00.1 on vfio-pci for VM win11.",
        "Both functions are correctly on vfio-pci (group 1 is viable), but a test QEMU launched from a shell at t=812 s still runs and has the group file open; VFIO groups are exclusive, so libvirt's QEMU gets EBUSY. Fix: find and stop the other user (`fuser -v /dev/vfio/1`).",
        ["VFIO-PROBE-FAILED (error) 0000:01:00.0: {qemu-win11.log:Device or resource busy}"]))

def c_probe_rom_quiet():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev=UBU_ROOT, extra_cmd="splash iommu=pt vt.handoff=7", hostname="gpu-ws2")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=4.920113) + \
             [(1210.442107, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:01:00.1: enabling device (0000 -> 0002)",
              (1210.610224, "vfio-pci 0000:01:00.0: Invalid PCI ROM header signature: expecting 0xaa55, got 0xffff"),
              (1210.871245, "vfio-pci 0000:01:00.0: resetting"), (1210.982210, "vfio-pci 0000:01:00.0: reset done")]
    xml = """<domain type="kvm">
  <name>win11</name>
  <uuid>5c1f3b2a-8d0e-4c77-9a1e-2f6d3c4b5a69</uuid>
  <memory unit="KiB">16777216</memory>
  <currentMemory unit="KiB">16777216</currentMemory>
  <vcpu placement="static">8</vcpu>
  <os firmware="efi">
    <type arch="x86_64" machine="pc-q35-8.2">hvm</type>
  </os>
  <features>
    <acpi/>
    <apic/>
    <hyperv mode="custom">
      <relaxed state="on"/>
      <vapic state="on"/>
      <spinlocks state="on" retries="8191"/>
    </hyperv>
    <vmport state="off"/>
  </features>
  <cpu mode="host-passthrough" check="none" migratable="on"/>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type="file" device="disk">
      <driver name="qemu" type="qcow2" discard="unmap"/>
      <source file="/var/lib/libvirt/images/win11.qcow2"/>
      <target dev="vda" bus="virtio"/>
      <address type="pci" domain="0x0000" bus="0x04" slot="0x00" function="0x0"/>
    </disk>
    <interface type="network">
      <mac address="52:54:00:3a:7c:11"/>
      <source network="default"/>
      <model type="virtio"/>
      <address type="pci" domain="0x0000" bus="0x01" slot="0x00" function="0x0"/>
    </interface>
    <hostdev mode="subsystem" type="pci" managed="yes">
      <source>
        <address domain="0x0000" bus="0x01" slot="0x00" function="0x0"/>
      </source>
      <rom file="/var/lib/libvirt/vbios/rtx3060ti-patched.rom"/>
      <address type="pci" domain="0x0000" bus="0x05" slot="0x00" function="0x0"/>
    </hostdev>
    <hostdev mode="subsystem" type="pci" managed="yes">
      <source>
        <address domain="0x0000" bus="0x01" slot="0x00" function="0x1"/>
      </source>
      <address type="pci" domain="0x0000" bus="0x06" slot="0x00" function="0x0"/>
    </hostdev>
    <memballoon model="none"/>
  </devices>
</domain>
"""
    f = {"dmesg.txt": dmesg(h, 74), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "win11.xml": xml}
    write_case("VFIO-PROBE-FAILED", "quiet-when-unreadable-rom-is-replaced-by-a-romfile", f, md(
        "vfio-pci cannot read the GPU's ROM, but the VM is given a VBIOS file",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, i7-13700K; RTX 3060 Ti 01:00.0 + audio 01:00.1 on vfio-pci for VM win11.",
        "QEMU probes the option ROM BAR at start and the kernel logs `Invalid PCI ROM header signature` ({dmesg.txt:Invalid PCI ROM header}); the domain already supplies `<rom file=...>` ({win11.xml:rom file=}), so the guest gets its VBIOS from the file and nothing is wrong.",
        []))

def c_multi_as_fires():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev=UBU_ROOT, extra_cmd="splash iommu=pt vt.handoff=7", hostname="gpu-ws2")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=4.920113) + \
             [(1533.201187, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)")]
    extra = ["-device '{\"driver\":\"intel-iommu\",\"id\":\"iommu0\",\"intremap\":\"on\",\"caching-mode\":true}'",
             "-device '{\"driver\":\"pxb-pcie\",\"bus_nr\":128,\"id\":\"pci.7\",\"numa_node\":0,\"bus\":\"pcie.0\",\"addr\":\"0x5\",\"bypass_iommu\":true}'",
             "-device '{\"driver\":\"pcie-root-port\",\"port\":0,\"chassis\":8,\"id\":\"pci.8\",\"bus\":\"pci.7\",\"addr\":\"0x0\"}'"]
    q = libvirt_log("ml-guest", ("2026-11-24", "22:14:05"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "gpu-ws2",
                    [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.8")], machine="pc-q35-8.2", extra_args=extra,
                    errors=["2026-11-24T22:14:06.402771Z qemu-system-x86_64: -device {\"driver\":\"vfio-pci\",\"host\":\"0000:01:00.1\",\"id\":\"hostdev1\",\"bus\":\"pci.8\",\"addr\":\"0x0\"}: vfio 0000:01:00.1: group 1 used in multiple address spaces"],
                    tail=["2026-11-24 22:14:06.611+0000: shutting down, reason=failed"])
    f = {"dmesg.txt": dmesg(h, 75), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "qemu-ml-guest.log": q}
    write_case("VFIO-MULTIPLE-ADDRESS-SPACES", "fires-when-gpu-audio-sits-on-an-iommu-bypass-expander", f, md(
        "GPU behind the guest vIOMMU, its audio function on a bypass_iommu expander: one group, two address spaces",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, i7-13700K; VM ml-guest with a virtual intel-iommu; RTX 3060 Ti 01:00.0 and audio 01:00.1 (both group 1, both on vfio-pci).",
        "The domain puts the GPU on root port pci.5 (translated by the guest's intel-iommu) and the audio function under pxb-pcie pci.7 with `bypass_iommu` (guest-physical address space). Both functions share host IOMMU group 1, i.e. one host IOMMU context, so QEMU refuses the second one. Fix: put both functions on the same side of the vIOMMU (ideally as functions 0 and 1 of one guest device).",
        ["VFIO-MULTIPLE-ADDRESS-SPACES (error) 0000:01:00.1, group 1: {qemu-ml-guest.log:used in multiple address spaces}"]))

def c_multi_as_quiet():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev=UBU_ROOT, extra_cmd="splash iommu=pt vt.handoff=7", hostname="gpu-ws2")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=4.920113) + \
             [(1533.201187, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:01:00.1: enabling device (0000 -> 0002)",
              (1533.620331, "vfio-pci 0000:01:00.0: resetting"), (1533.731102, "vfio-pci 0000:01:00.0: reset done")]
    extra = ["-device '{\"driver\":\"intel-iommu\",\"id\":\"iommu0\",\"intremap\":\"on\",\"caching-mode\":true}'"]
    q = libvirt_log("ml-guest", ("2026-11-24", "22:31:40"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "gpu-ws2",
                    [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.6")], machine="pc-q35-8.2", extra_args=extra)
    f = {"dmesg.txt": dmesg(h, 76), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "qemu-ml-guest.log": q}
    write_case("VFIO-MULTIPLE-ADDRESS-SPACES", "quiet-when-both-functions-sit-behind-the-same-viommu", f, md(
        "Both functions of group 1 behind the same guest vIOMMU",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, i7-13700K; VM ml-guest with a virtual intel-iommu; RTX 3060 Ti 01:00.0 + audio 01:00.1 on vfio-pci.",
        "Same VM as the firing case but both functions are on ordinary root ports translated by the one intel-iommu, so the group lives in one address space and the VM starts (`dmesg.txt` shows both functions enabled and reset).",
        []))

for fn in [c_no_vfio_fires, c_no_vfio_quiet, c_probe_busy, c_probe_rom_quiet, c_multi_as_fires, c_multi_as_quiet]:
    fn()

def c_sriov_no_iommu_with_hostdev():
    from cases4 import hp_with_vfs
    h = hp_with_vfs(False)
    xml = """<domain type="kvm">
  <name>nfv-edge1</name>
  <uuid>0b6d7e3a-2f41-4c2e-9d1a-6a0f3e2b7c55</uuid>
  <memory unit="KiB">8388608</memory>
  <vcpu placement="static">4</vcpu>
  <os>
    <type arch="x86_64" machine="pc-q35-6.2">hvm</type>
  </os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type="file" device="disk">
      <driver name="qemu" type="qcow2"/>
      <source file="/var/lib/libvirt/images/nfv-edge1.qcow2"/>
      <target dev="vda" bus="virtio"/>
    </disk>
    <interface type="hostdev" managed="yes">
      <mac address="52:54:00:6e:10:01"/>
      <source>
        <address type="pci" domain="0x0000" bus="0x04" slot="0x10" function="0x0"/>
      </source>
      <address type="pci" domain="0x0000" bus="0x05" slot="0x00" function="0x0"/>
    </interface>
  </devices>
</domain>
"""
    f = {"dmesg.txt": dmesg(h, 87), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "04:00.0", "04:10.0"]),
         "nfv-edge1.xml": xml}
    write_case("SRIOV-VFS-WITHOUT-IOMMU", "fires-when-a-vf-is-assigned-to-a-guest-but-vt-d-is-not-on", f, md(
        "A VF is configured as a guest NIC, but the IOMMU is not enabled",
        "kvm-prod3, Ubuntu 22.04 (kernel 5.15.0-91-generic), HP ProLiant DL380 Gen9, 82599ES 04:00.0 with 8 VFs; domain nfv-edge1 has VF 04:10.0 as `<interface type='hostdev'>`.",
        "Same host as the warning case, plus a libvirt domain that hands VF 04:10.0 to a guest ({nfv-edge1.xml:bus=\"0x04\" slot=\"0x10\"}). Without intel_iommu=on on this pre-6.8 kernel there are no IOMMU groups, so the domain cannot start: both the VF finding and IOMMU-NOT-ENABLED are errors on a host set up for passthrough.",
        ["SRIOV-VFS-WITHOUT-IOMMU (error) 0000:04:00.0: {lspci-nnvvv.txt:Number of VFs: 8}, {dmesg.txt:SR-IOV enabled with 8 VFs}; intent {nfv-edge1.xml:<interface type=\"hostdev\"}",
         "IOMMU-NOT-ENABLED (error) host: {dmesg.txt:Linux version 5.15.0-91-generic}, {dmesg.txt:ACPI: DMAR}, no intel_iommu= in {cmdline:BOOT_IMAGE}"]))

c_sriov_no_iommu_with_hostdev()
