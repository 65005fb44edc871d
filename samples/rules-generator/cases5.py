from common import *
from cases2 import UBU24_LV, UBU24_QEMU
from cases4 import i40e_boot
import iplink

def healthy_intel():
    h = intel_desktop(extra_cmd="iommu=pt default_hugepagesz=1G hugepagesz=1G hugepages=16")
    h.domain = "Passthrough (set via kernel command line)"; h.hp1g = 16
    h.before_init = ["[drm] Initialized simpledrm 1.0.0 20200625 for simple-framebuffer.0 on minor 0", "fbcon: Deferring console take-over",
                     "simple-framebuffer simple-framebuffer.0: [drm] fb0: simpledrmdrmfb frame buffer device"]
    h.late = base_late(h, nic=igc_lines(h)) + [(2.911320, "i915 0000:00:02.0: vgaarb: deactivate vga console"),
              "[drm] Initialized i915 1.6.0 20230929 for 0000:00:02.0 on minor 1", "i915 0000:00:02.0: [drm] fb0: i915drmfb frame buffer device"] + \
             vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + pve_bridge_lines(9.71) + pve_vm_start(44.10, 100, ["01:00.0", "01:00.1"])
    mac = "58:11:22:a0:3c:01"
    ifs = [dict(idx=2, name="enp3s0", flags="BROADCAST,MULTICAST,UP,LOWER_UP", mtu=1500, qdisc="mq", master="vmbr0", state="UP", mac=mac, kind="phys", pci="03:00.0", maxmtu=9216,
                extra=[iplink.BRIDGE_SLAVE % (4, 1, 1, 7, mac, mac, 4, 4, "parentbus pci parentdev 0000:03:00.0 ")]),
           dict(idx=3, name="vmbr0", flags="BROADCAST,MULTICAST,UP,LOWER_UP", mtu=1500, qdisc="noqueue", state="UP", mac=mac, kind="bridge", maxmtu=65535),
           dict(idx=4, name="tap100i0", flags="BROADCAST,MULTICAST,PROMISC,UP,LOWER_UP", mtu=1500, qdisc="pfifo_fast", master="fwbr100i0", state="UNKNOWN", mac="f2:91:0d:5c:33:a8", kind="tap", brmac="6e:1f:52:aa:90:14", maxmtu=65521)]
    f = {"dmesg.txt": dmesg(h, 101), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00", "00:1c.0", "03:00.0"]), "iommu-groups.txt": groups_txt(h),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "grub": grub_debian("quiet iommu=pt default_hugepagesz=1G hugepagesz=1G hugepages=16"),
         "meminfo": meminfo(h.memk, hp_total=16, hp_free=0, hpsize=1048576), "ip-d-link.txt": iplink.render(ifs)}
    write_case("HEALTHY", "intel-raptor-lake-proxmox-6-8-gpu-passthrough", f, md(
        "Healthy Proxmox 8 GPU passthrough host (Intel, kernel 6.8)",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K on ASUS PRIME Z790-P, 64 GB, RTX 3060 Ti 01:00.0 + audio 01:00.1 passed to VM 100; iGPU drives the host console.",
        "VT-d on by default (6.8), `iommu=pt`, interrupt remapping in x2APIC mode, GPU group 1 = PEG root port + both GPU functions, both on vfio-pci via ids + softdeps, 16 x 1 GiB hugepages reserved and used by VM 100, vmbr0/enp3s0/tap all at 1500, FLR-capable GPU, MPS 256 on the whole path, simpledrm only on the iGPU. Every rule must stay quiet.",
        []))

def healthy_epyc():
    h = epyc(nvfs=4, hostname="epyc-kvm1")
    h.late = base_late(h) + i40e_boot(h) + [(5.402210, "VFIO - User Level meta-driver version: 0.3"), "vfio_pci: add [8086:154c[ffffffff:ffffffff]] class 0x000000/00000000"] + \
             vf_lines(h, "01:00.0", 4, 12.118220, drv_msg="i40e 0000:01:00.0: Allocating 4 VFs.") + \
             ["vfio-pci 0000:01:02.%d: enabling device (0000 -> 0002)" % i if False else "iavf: Intel(R) Ethernet Adaptive Virtual Function Network Driver" for i in range(1)] + \
             [(12.402551, "i40e 0000:01:00.0: VF 0 is now trusted" if False else "i40e 0000:01:00.0 enp1s0f0: NIC Link is Up, 10 Gbps Full Duplex, Flow Control: None")] + \
             [(611.220113, "vfio-pci 0000:01:02.0: enabling device (0000 -> 0002)"), "vfio-pci 0000:01:02.1: enabling device (0000 -> 0002)"]
    # iavf is loaded but does not bind: vfio-pci already claimed 8086:154c when the VFs appeared
    h.late = [x for x in h.late if not (isinstance(x, str) and x.startswith("iavf:"))]
    q = libvirt_log("nfv1", ("2026-11-24", "07:30:12"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "epyc-kvm1", [("01:02.0", "hostdev0", "pci.5"), ("01:02.1", "hostdev1", "pci.6")],
                    machine="pc-q35-8.2", mem_mb=8192, smp=8, hugepages="/dev/hugepages/libvirt/qemu/2-nfv1", domid=2)
    q = q.replace("-cpu host,migratable=on,hv-time=on,hv-relaxed=on,hv-vapic=on,hv-spinlocks=0x1fff", "-cpu host,migratable=on")
    h.cmdline = h.cmdline + " hugepagesz=2M hugepages=8192"; h.hp2m = 8192
    pf = "3c:ec:ef:10:20:30"
    vfl = ["    vf %d     link/ether 52:54:00:6e:%02x:01 brd ff:ff:ff:ff:ff:ff, spoof checking on, link-state auto, trust off" % (i, 0x10 + i) for i in range(4)]
    ifs = [dict(idx=2, name="enp1s0f0", flags="BROADCAST,MULTICAST,UP,LOWER_UP", mtu=1500, qdisc="mq", state="UP", mac=pf, kind="phys", pci="01:00.0", extra=vfl),
           dict(idx=3, name="enp1s0f1", flags="NO-CARRIER,BROADCAST,MULTICAST,UP", mtu=1500, qdisc="mq", state="DOWN", mac="3c:ec:ef:10:20:31", kind="phys", pci="01:00.1")]
    f = {"dmesg.txt": dmesg(h, 102), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "01:00.0", "01:02.0", "01:02.1"]), "iommu-groups.txt": groups_txt(h),
         "modprobe-vfio.conf": "# X710 VFs for NFV guests; VFs are created by sriov-x710.service (echo 4 > sriov_numvfs)\noptions vfio-pci ids=8086:154c\n",
         "meminfo": meminfo(h.memk, hp_total=8192, hp_free=4096), "ip-d-link.txt": iplink.render(ifs), "qemu-nfv1.log": q}
    write_case("HEALTHY", "amd-epyc-genoa-x710-vfs-to-vfio", f, md(
        "Healthy AMD EPYC host handing X710 virtual functions to a guest",
        "epyc-kvm1, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, EPYC 9354P on Supermicro H13SSL-N, 384 GB; X710-2 PF 01:00.0 with 4 VFs (01:02.0-01:02.3) on vfio-pci, VM nfv1 uses 01:02.0 and 01:02.1.",
        "AMD-Vi on with interrupt remapping and x2APIC, each VF in its own group (added after boot as the VFs are created), 2 MiB hugepages reserved (8192, half in use by nfv1), PF and VFs at MTU 1500, MPS consistent, single NUMA node. The only thing worth saying is that the default domain is translated although the host passes devices through.",
        ["ADVISE-IOMMU-PT (info) host: {dmesg.txt:iommu: Default domain type: Translated}, VFs on vfio-pci ({lspci-nnvvv.txt:Kernel driver in use: vfio-pci}), no iommu=pt in {cmdline:BOOT_IMAGE}"]))

def healthy_desktop():
    h = amd_b450(release="6.8.0-49-generic", banner=UBU68, hostname="home-desk", gpu_driver="nvidia", audio_driver="snd_hda_intel")
    h.cmdline = "BOOT_IMAGE=/boot/vmlinuz-6.8.0-49-generic root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41 ro quiet splash vt.handoff=7"
    h.dmi = "Gigabyte Technology Co., Ltd. B450 AORUS M/B450 AORUS M, BIOS F64 06/08/2023"
    dev(h, "07:00.0").modules = "nvidiafb, nouveau, nvidia_drm, nvidia"
    h.late = base_late(h) + [(3.201220, "r8169 0000:05:00.0 eth0: RTL8168h/8111h, 18:c0:4d:00:00:01, XID 541, IRQ 33"),
              "r8169 0000:05:00.0 eth0: jumbo features [frames: 9194 bytes, tx checksumming: ko]", "r8169 0000:05:00.0 enp5s0: renamed from eth0",
              (4.880121, "nvidia: module license 'NVIDIA' taints kernel."), "nvidia-nvlink: Nvlink Core is being initialized, major device number 236",
              "nvidia 0000:07:00.0: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=none:owns=io+mem",
              "NVRM: loading NVIDIA UNIX x86_64 Kernel Module  550.120  Fri Sep 13 10:10:01 UTC 2024",
              (5.301102, "snd_hda_intel 0000:07:00.1: enabling device (0000 -> 0002)"), "snd_hda_intel 0000:07:00.1: Disabling MSI",
              "[drm] Initialized nvidia-drm 0.0.0 20160202 for 0000:07:00.0 on minor 1"]
    f = {"dmesg.txt": dmesg(h, 103), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, ["00:03.1", "07:00", "00:01.1", "01:00.0"]), "iommu-groups.txt": groups_txt(h),
         "meminfo": meminfo(h.memk, anon_huge=622592)}
    write_case("HEALTHY", "plain-ryzen-desktop-without-passthrough", f, md(
        "Plain Ubuntu desktop, no virtualization configured",
        "home-desk, Ubuntu 24.04 (kernel 6.8.0-49-generic), Ryzen 7 3700X on B450 AORUS M, RTX 3070 on the nvidia driver, no vfio, no hugepages.",
        "AMD-Vi is on by default and groups exist (including the large B450 chipset group 9), the default domain is translated and there are no hugepages. None of that is a problem because nothing is passed through: no passthrough-only rule (ACS, hugepages, IOMMU-PT advice, host-driver) may fire.",
        []))

for fn in [healthy_intel, healthy_epyc, healthy_desktop]:
    fn()
