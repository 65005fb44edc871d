from lib import *

def number_groups(h):
    m = {}
    for d in sorted(h.devs, key=lambda d: (d.vf, d.bdf)):
        if d.group is None: continue
        if d.group not in m: m[d.group] = len(m)
        d.group = m[d.group]
    return h

def nogroups(h):
    for d in h.devs: d.group = None
    return h

def dev(h, bdf): return [d for d in h.devs if d.bdf == bdf][0]

ROOT_ACS = ("SrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-",
            "SrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-")

PVE68 = "(build@proxmox) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z) ()"
UBU515 = "(buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 (Ubuntu 5.15.0-91.101-generic 5.15.131)"
UBU68 = "(buildd@lcy02-amd64-034) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) #49-Ubuntu SMP PREEMPT_DYNAMIC Sun Nov  3 21:21:58 UTC 2024 (Ubuntu 6.8.0-49.49-generic 6.8.12)"
DEB61 = "(debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)"
FED611 = "(mockbuild@2b1a4ce4f8a14e1f9dfb4a2fb4e7a1a0) (gcc (GCC) 14.2.1 20240912 (Red Hat 14.2.1-3), GNU ld version 2.43.1-2.fc41) #1 SMP PREEMPT_DYNAMIC Sun Oct 20 15:02:33 UTC 2024"
RHEL8 = "(mockbuild@x86-vm-08.build.eng.bos.redhat.com) (gcc version 8.2.1 20180905 (Red Hat 8.2.1-3) (GCC)) #1 SMP Wed Mar 13 12:02:46 UTC 2019"
PVE65 = "(build@proxmox) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC PMX 6.5.13-6 (2024-07-26T12:02Z) ()"

def intel_desktop(release="6.8.12-4-pve", banner=PVE68, gpu_driver="vfio-pci", audio_driver="vfio-pci",
                  gpu=("GA104 [GeForce RTX 3060 Ti Lite Hash Rate]", "10de:2489", "GA104 High Definition Audio Controller", "10de:228b", "NVIDIA Corporation"),
                  iommu="on", root_dev="/dev/mapper/pve-root", extra_cmd="", hostname="pve-lab1", flr=True):
    h = Host(hostname=hostname, vendor="intel", release=release, banner=banner,
             dmi="ASUS System Product Name/PRIME Z790-P WIFI, BIOS 1663 09/20/2023",
             cpu="13th Gen Intel(R) Core(TM) i7-13700K (family: 0x6, model: 0xb7, stepping: 0x1)",
             cmdline=("BOOT_IMAGE=/boot/vmlinuz-%s root=%s ro quiet%s" % (release, root_dev, (" " + extra_cmd) if extra_cmd else "")).strip(),
             iommu=iommu, ncpu=24, memk=65574412, boot_vga="00:02.0")
    gname, gid, aname, aid, gvend = gpu
    D = h.devs
    D.append(Dev("00:00.0", "Host bridge", "0600", "Intel Corporation Raptor Lake-S 8+8 Host Bridge/DRAM Controller", "8086:a703", "conv", group="hb", rev="01",
                 subsys="ASUSTeK Computer Inc. Device [1043:8882]", pm=False, msi=None, extra=["Capabilities: [e0] Vendor Specific Information: Len=14 <?>"]))
    D.append(Dev("00:01.0", "PCI bridge", "0604", "Intel Corporation Raptor Lake PCI Express 5.0 Graphics Port (PEG010)", "8086:a70d", "root", group="peg", rev="01",
                 progif=("00", "Normal decode"), driver="pcieport", irq=("A", 120), bus=("00", "01", "01"), link=("16GT/s", 16),
                 regions=["I/O behind bridge: 5000-5fff [size=4K] [16-bit]", "Memory behind bridge: 83000000-840fffff [size=17M] [32-bit]",
                          "Prefetchable memory behind bridge: 6000000000-6201ffffff [size=8224M] [32-bit]"]))
    D.append(Dev("00:02.0", "VGA compatible controller", "0300", "Intel Corporation Raptor Lake-S GT1 [UHD Graphics 770]", "8086:a780", "rciep", group="igpu", rev="04",
                 progif=("00", "VGA controller"), subsys="ASUSTeK Computer Inc. Device [1043:8882]", driver="i915", modules="i915, xe", irq=("A", 163), msi="msi", flr=True,
                 regions=["Region 0: Memory at 6203000000 (64-bit, non-prefetchable) [size=16M]", "Region 2: Memory at 4000000000 (64-bit, prefetchable) [size=256M]",
                          "Region 4: I/O ports at 6000 [size=64]", "Expansion ROM at 000c0000 [virtual] [disabled] [size=128K]"]))
    D.append(Dev("00:06.0", "PCI bridge", "0604", "Intel Corporation Raptor Lake PCIe 4.0 Graphics Port", "8086:a74d", "root", group="p06", rev="01",
                 progif=("00", "Normal decode"), driver="pcieport", irq=("D", 121), bus=("00", "02", "02"), link=("16GT/s", 4), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [16-bit]", "Memory behind bridge: 84400000-844fffff [size=1M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("00:14.0", "USB controller", "0c03", "Intel Corporation Raptor Lake USB 3.2 Gen 2x2 (20 Gb/s) XHCI Host Controller", "8086:7a60", "conv", group="usb", rev="11",
                 progif=("30", "XHCI"), subsys="ASUSTeK Computer Inc. Device [1043:8882]", driver="xhci_hcd", modules="xhci_pci", irq=("A", 134),
                 regions=["Region 0: Memory at 6202100000 (64-bit, non-prefetchable) [size=64K]"]))
    D.append(Dev("00:14.2", "RAM memory", "0500", "Intel Corporation Raptor Lake-S PCH Shared SRAM", "8086:7a27", "conv", group="usb", rev="11",
                 subsys="ASUSTeK Computer Inc. Device [1043:8882]", msi=None,
                 regions=["Region 0: Memory at 620211c000 (64-bit, non-prefetchable) [disabled] [size=16K]", "Region 2: Memory at 6202123000 (64-bit, non-prefetchable) [disabled] [size=4K]"]))
    D.append(Dev("00:16.0", "Communication controller", "0780", "Intel Corporation Raptor Lake CSME HECI #1", "8086:7a68", "conv", group="mei", rev="11",
                 subsys="ASUSTeK Computer Inc. Device [1043:8882]", driver="mei_me", modules="mei_me", irq=("A", 162),
                 regions=["Region 0: Memory at 6202121000 (64-bit, non-prefetchable) [size=4K]"]))
    D.append(Dev("00:17.0", "SATA controller", "0106", "Intel Corporation Raptor Lake SATA AHCI Controller", "8086:7a62", "conv", group="sata", rev="11",
                 progif=("01", "AHCI 1.0"), subsys="ASUSTeK Computer Inc. Device [1043:8882]", driver="ahci", modules="ahci", irq=("A", 135),
                 regions=["Region 0: Memory at 84520000 (32-bit, non-prefetchable) [size=8K]", "Region 5: Memory at 84523000 (32-bit, non-prefetchable) [size=2K]"]))
    D.append(Dev("00:1c.0", "PCI bridge", "0604", "Intel Corporation Raptor Lake PCI Express Root Port #1", "8086:7a38", "root", group="p1c", rev="11",
                 progif=("00", "Normal decode"), driver="pcieport", irq=("A", 122), bus=("00", "03", "03"), link=("5GT/s", 1), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [16-bit]", "Memory behind bridge: 84300000-843fffff [size=1M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    for bdf, cls, code, name, ids, drv, mods, grp in [
        ("00:1f.0", "ISA bridge", "0601", "Intel Corporation Z790 Chipset LPC/eSPI Controller", "8086:7a04", None, None, "lpc"),
        ("00:1f.3", "Audio device", "0403", "Intel Corporation Raptor Lake High Definition Audio Controller", "8086:7a50", "snd_hda_intel", "snd_hda_intel, snd_sof_pci_intel_tgl", "lpc"),
        ("00:1f.4", "SMBus", "0c05", "Intel Corporation Raptor Lake-S PCH SMBus Controller", "8086:7a23", "i801_smbus", "i2c_i801", "lpc"),
        ("00:1f.5", "Serial bus controller", "0c80", "Intel Corporation Raptor Lake SPI (flash) Controller", "8086:7a24", "intel-spi", "spi_intel_pci", "lpc")]:
        D.append(Dev(bdf, cls, code, name, ids, "conv", group=grp, rev="11", subsys="ASUSTeK Computer Inc. Device [1043:8882]", driver=drv, modules=mods,
                     msi="msi" if code == "0403" else None, pm=code == "0403", irq=("A", 164) if code == "0403" else None,
                     progif=("80", "") if code == "0403" else None,
                     regions={"0601": [], "0403": ["Region 0: Memory at 6202110000 (64-bit, non-prefetchable) [size=16K]", "Region 4: Memory at 6202000000 (64-bit, non-prefetchable) [size=1M]"],
                              "0c05": ["Region 0: Memory at 6202120000 (64-bit, non-prefetchable) [size=256]", "Region 4: I/O ports at efa0 [size=32]"],
                              "0c80": ["Region 0: Memory at 84522000 (32-bit, non-prefetchable) [size=4K]"]}[code]))
    dev(h, "00:1f.3").progif = None
    D.append(Dev("01:00.0", "VGA compatible controller", "0300", gvend + " " + gname, gid, "legacy", group="peg", rev="a1", progif=("00", "VGA controller"),
                 subsys="Micro-Star International Co., Ltd. [MSI] Device [1462:397d]", driver=gpu_driver, modules="nvidiafb, nouveau, nvidia_drm, nvidia",
                 irq=("A", 16), link=("16GT/s", 16), flr=flr, msi="msi",
                 regions=["Region 0: Memory at 83000000 (32-bit, non-prefetchable) [size=16M]", "Region 1: Memory at 6000000000 (64-bit, prefetchable) [size=8G]",
                          "Region 3: Memory at 6200000000 (64-bit, prefetchable) [size=32M]", "Region 5: I/O ports at 5000 [size=128]"],
                 rom="Expansion ROM at 84000000 [disabled] [size=512K]"))
    D.append(Dev("01:00.1", "Audio device", "0403", gvend + " " + aname, aid, "ep", group="peg", rev="a1",
                 subsys="Micro-Star International Co., Ltd. [MSI] Device [1462:397d]", driver=audio_driver, modules="snd_hda_intel",
                 irq=("B", 17), link=("16GT/s", 16), flr=flr, regions=["Region 0: Memory at 84080000 (32-bit, non-prefetchable) [size=16K]"]))
    D.append(Dev("02:00.0", "Non-Volatile memory controller", "0108", "Samsung Electronics Co Ltd NVMe SSD Controller PM9A1/PM9A3/980PRO", "144d:a80a", "ep", group="nvme",
                 progif=("02", "NVM Express"), subsys="Samsung Electronics Co Ltd SSD 980 PRO [144d:a801]", driver="nvme", modules="nvme", irq=("A", 16),
                 link=("16GT/s", 4), flr=True, msi="msix", regions=["Region 0: Memory at 84400000 (64-bit, non-prefetchable) [size=16K]"]))
    D.append(Dev("03:00.0", "Ethernet controller", "0200", "Intel Corporation Ethernet Controller I226-V", "8086:125c", "ep", group="nic", rev="04",
                 subsys="ASUSTeK Computer Inc. Device [1043:88c7]", driver="igc", modules="igc", irq=("A", 18), link=("5GT/s", 1), flr=True, msi="msix",
                 regions=["Region 0: Memory at 84300000 (32-bit, non-prefetchable) [size=1M]", "Region 3: Memory at 84400000 (32-bit, non-prefetchable) [size=16K]"]))
    if iommu != "on": nogroups(h)
    else: number_groups(h)
    return h

def amd_b450(release="6.1.0-27-amd64", banner=DEB61, hostname="kvm-ws1", gpu2_driver=None, audio2_driver=None, cmd_extra="", gpu_driver="vfio-pci", audio_driver="vfio-pci", iommu="on"):
    h = Host(hostname=hostname, vendor="amd", release=release, banner=banner,
             dmi="Gigabyte Technology Co., Ltd. B450 AORUS M/B450 AORUS M, BIOS F64 06/08/2023",
             cpu="AMD Ryzen 7 3700X 8-Core Processor (family: 0x17, model: 0x71, stepping: 0x0)",
             cmdline=("BOOT_IMAGE=/boot/vmlinuz-%s root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41 ro quiet %s" % (release, cmd_extra)).strip(),
             ncpu=16, memk=32791820, boot_vga="07:00.0", iommu=iommu, acpi_oem=("ALASKA", "A M I "))
    D = h.devs
    hb = lambda bdf, did, name, grp: D.append(Dev(bdf, "Host bridge", "0600", "Advanced Micro Devices, Inc. [AMD] " + name, "1022:" + did, "conv", group=grp, pm=False, msi=None))
    hb("00:00.0", "1480", "Starship/Matisse Root Complex", "rc")
    D.append(Dev("00:00.2", "IOMMU", "0806", "Advanced Micro Devices, Inc. [AMD] Starship/Matisse IOMMU", "1022:1481", "conv", group=None,
                 subsys="Advanced Micro Devices, Inc. [AMD] Starship/Matisse IOMMU [1022:1481]", msi="msi", irq=("A", 26)))
    hb("00:01.0", "1482", "Starship/Matisse PCIe Dummy Host Bridge", "d01")
    for bdf, bus, grp, link, mem in [("00:01.1", ("00", "01", "01"), "gpp1", ("8GT/s", 4), "fcf00000-fcffffff [size=1M]"),
                                     ("00:01.3", ("00", "02", "06"), "gpp3", ("8GT/s", 4), "fc800000-fcdfffff [size=6M]")]:
        D.append(Dev(bdf, "PCI bridge", "0604", "Advanced Micro Devices, Inc. [AMD] Starship/Matisse GPP Bridge", "1022:1483", "root", group=grp,
                     progif=("00", "Normal decode"), driver="pcieport", irq=("A", 27), bus=bus, link=link, acs=ROOT_ACS,
                     regions=["I/O behind bridge: f000-ffff [size=4K] [16-bit]" if bdf == "00:01.3" else "I/O behind bridge: [disabled] [32-bit]",
                              "Memory behind bridge: " + mem + " [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]" if bdf == "00:01.1" else "Prefetchable memory behind bridge: 00000000e0000000-00000000f01fffff [size=258M] [32-bit]"]))
    hb("00:03.0", "1482", "Starship/Matisse PCIe Dummy Host Bridge", "d03")
    D.append(Dev("00:03.1", "PCI bridge", "0604", "Advanced Micro Devices, Inc. [AMD] Starship/Matisse GPP Bridge", "1022:1483", "root", group="gpp31",
                 progif=("00", "Normal decode"), driver="pcieport", irq=("A", 28), bus=("00", "07", "07"), link=("16GT/s", 16), acs=ROOT_ACS,
                 regions=["I/O behind bridge: e000-efff [size=4K] [16-bit]", "Memory behind bridge: fb000000-fc0fffff [size=17M] [32-bit]",
                          "Prefetchable memory behind bridge: 00000000c0000000-00000000d01fffff [size=258M] [32-bit]"]))
    D.append(Dev("00:14.0", "SMBus", "0c05", "Advanced Micro Devices, Inc. [AMD] FCH SMBus Controller", "1022:790b", "conv", group="fch", rev="61",
                 subsys="Gigabyte Technology Co., Ltd Device [1458:5001]", driver="piix4_smbus", modules="i2c_piix4, sp5100_tco", pm=False, msi=None))
    D.append(Dev("00:14.3", "ISA bridge", "0601", "Advanced Micro Devices, Inc. [AMD] FCH LPC Bridge", "1022:790e", "conv", group="fch", rev="51",
                 subsys="Gigabyte Technology Co., Ltd Device [1458:5001]", pm=False, msi=None))
    D.append(Dev("00:18.0", "Host bridge", "0600", "Advanced Micro Devices, Inc. [AMD] Matisse/Vermeer Data Fabric: Device 18h; Function 0", "1022:1440", "conv", group="df", pm=False, msi=None))
    D.append(Dev("00:18.3", "Host bridge", "0600", "Advanced Micro Devices, Inc. [AMD] Matisse/Vermeer Data Fabric: Device 18h; Function 3", "1022:1443", "conv", group="df", pm=False, msi=None, driver="k10temp", modules="k10temp"))
    D.append(Dev("01:00.0", "Non-Volatile memory controller", "0108", "Phison Electronics Corporation E12 NVMe Controller", "1987:5012", "ep", group="nvme1", rev="01",
                 progif=("02", "NVM Express"), subsys="Phison Electronics Corporation E12 NVMe Controller [1987:5012]", driver="nvme", modules="nvme",
                 irq=("A", 24), link=("8GT/s", 4), flr=True, msi="msix", regions=["Region 0: Memory at fcf00000 (64-bit, non-prefetchable) [size=16K]"]))
    D.append(Dev("02:00.0", "USB controller", "0c03", "Advanced Micro Devices, Inc. [AMD] 400 Series Chipset USB 3.1 xHCI Compliant Host Controller", "1022:43d5", "ep", group="chipset", rev="01",
                 progif=("30", "XHCI"), subsys="ASMedia Technology Inc. Device [1b21:1142]", driver="xhci_hcd", modules="xhci_pci", irq=("A", 29), link=("8GT/s", 4), flr=False, msi="msix",
                 regions=["Region 0: Memory at fcda0000 (64-bit, non-prefetchable) [size=32K]"]))
    D.append(Dev("02:00.1", "SATA controller", "0106", "Advanced Micro Devices, Inc. [AMD] 400 Series Chipset SATA Controller", "1022:43c8", "ep", group="chipset", rev="01",
                 progif=("01", "AHCI 1.0"), subsys="ASMedia Technology Inc. Device [1b21:1062]", driver="ahci", modules="ahci", irq=("B", 31), link=("8GT/s", 4), flr=False,
                 regions=["Region 5: Memory at fcd80000 (32-bit, non-prefetchable) [size=128K]", "Expansion ROM at fcd00000 [disabled] [size=512K]"]))
    D.append(Dev("02:00.2", "PCI bridge", "0604", "Advanced Micro Devices, Inc. [AMD] 400 Series Chipset PCIe Bridge", "1022:43c6", "up", group="chipset", rev="01",
                 progif=("00", "Normal decode"), driver="pcieport", irq=("C", 30), bus=("02", "03", "06"), link=("8GT/s", 4),
                 regions=["I/O behind bridge: f000-ffff [size=4K] [16-bit]", "Memory behind bridge: fc800000-fcbfffff [size=4M] [32-bit]",
                          "Prefetchable memory behind bridge: 00000000e0000000-00000000f01fffff [size=258M] [32-bit]"]))
    for bdf, bus, link in [("03:00.0", ("03", "04", "04"), ("5GT/s", 1)), ("03:01.0", ("03", "05", "05"), ("5GT/s", 1)), ("03:04.0", ("03", "06", "06"), ("5GT/s", 4))]:
        D.append(Dev(bdf, "PCI bridge", "0604", "Advanced Micro Devices, Inc. [AMD] 400 Series Chipset PCIe Port", "1022:43c7", "down", group="chipset", rev="01",
                     progif=("00", "Normal decode"), driver="pcieport", irq=("A", 32), bus=bus, link=link, acs=None,
                     regions=["I/O behind bridge: [disabled] [32-bit]" if bdf != "03:04.0" else "I/O behind bridge: f000-ffff [size=4K] [16-bit]",
                              {"03:00.0": "Memory behind bridge: [disabled] [32-bit]", "03:01.0": "Memory behind bridge: fc900000-fc9fffff [size=1M] [32-bit]",
                               "03:04.0": "Memory behind bridge: fc800000-fc8fffff [size=1M] [32-bit]"}[bdf],
                              "Prefetchable memory behind bridge: 00000000e0000000-00000000f01fffff [size=258M] [32-bit]" if bdf == "03:04.0" else "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("05:00.0", "Ethernet controller", "0200", "Realtek Semiconductor Co., Ltd. RTL8111/8168/8211/8411 PCI Express Gigabit Ethernet Controller", "10ec:8168", "ep", group="chipset", rev="16",
                 subsys="Gigabyte Technology Co., Ltd Onboard Ethernet [1458:e000]", driver="r8169", modules="r8169", irq=("A", 33), link=("2.5GT/s", 1), flr=False, msi="msix",
                 regions=["Region 0: I/O ports at f000 [size=256]", "Region 2: Memory at fc904000 (64-bit, non-prefetchable) [size=4K]", "Region 4: Memory at fc900000 (64-bit, non-prefetchable) [size=16K]"]))
    if gpu2_driver is not None or audio2_driver is not None:
        D.append(Dev("06:00.0", "VGA compatible controller", "0300", "NVIDIA Corporation GP107 [GeForce GTX 1050 Ti]", "10de:1c82", "legacy", group="chipset", rev="a1",
                 progif=("00", "VGA controller"), subsys="eVga.com. Corp. Device [3842:6251]", driver=gpu2_driver, modules="nouveau",
                 irq=("A", 34), link=("5GT/s", 4), flr=True, msi="msi",
                 regions=["Region 0: Memory at fc800000 (32-bit, non-prefetchable) [size=16M]",
                          "Region 1: Memory at e0000000 (64-bit, prefetchable) [size=256M]", "Region 3: Memory at f0000000 (64-bit, prefetchable) [size=32M]", "Region 5: I/O ports at f000 [size=128]"],
                 rom="Expansion ROM at fc880000 [disabled] [size=512K]"))
        D.append(Dev("06:00.1", "Audio device", "0403", "NVIDIA Corporation GP107GL High Definition Audio Controller", "10de:0fb9", "ep", group="chipset", rev="a1",
                 subsys="eVga.com. Corp. Device [3842:6251]", driver=audio2_driver, modules="snd_hda_intel", irq=("B", 35), link=("5GT/s", 4), flr=True,
                 regions=["Region 0: Memory at fc8fc000 (32-bit, non-prefetchable) [size=16K]"]))
    D.append(Dev("07:00.0", "VGA compatible controller", "0300", "NVIDIA Corporation GA104 [GeForce RTX 3070]", "10de:2484", "legacy", group="gpu", rev="a1",
                 progif=("00", "VGA controller"), subsys="ZOTAC International (MCO) Ltd. Device [19da:4612]", driver=gpu_driver, modules="nvidiafb, nouveau",
                 irq=("A", 36), link=("16GT/s", 16), flr=True, msi="msi",
                 regions=["Region 0: Memory at fb000000 (32-bit, non-prefetchable) [size=16M]", "Region 1: Memory at c0000000 (64-bit, prefetchable) [size=256M]",
                          "Region 3: Memory at d0000000 (64-bit, prefetchable) [size=32M]", "Region 5: I/O ports at e000 [size=128]"],
                 rom="Expansion ROM at fc000000 [disabled] [size=512K]"))
    D.append(Dev("07:00.1", "Audio device", "0403", "NVIDIA Corporation GA104 High Definition Audio Controller", "10de:228b", "ep", group="gpu", rev="a1",
                 subsys="ZOTAC International (MCO) Ltd. Device [19da:4612]", driver=audio_driver, modules="snd_hda_intel",
                 irq=("B", 37), link=("16GT/s", 16), flr=True, regions=["Region 0: Memory at fc080000 (32-bit, non-prefetchable) [size=16K]"]))
    if iommu != "on": nogroups(h)
    else: number_groups(h)
    return h

def kvm_guest():
    h = Host(hostname="deb-guest1", vendor="intel", release="6.1.0-27-amd64", banner=DEB61,
             dmi="QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014",
             cpu="Intel Xeon Processor (Icelake) (family: 0x6, model: 0x6a, stepping: 0x6)",
             cmdline="BOOT_IMAGE=/boot/vmlinuz-6.1.0-27-amd64 root=UUID=0b7c52e5-3a8f-4d0e-bf3e-6d2a1f9c7e10 ro console=ttyS0,115200n8 quiet",
             iommu="absent", hypervisor="KVM", ir="none", ncpu=4, memk=8148604, boot_vga="00:01.0", acpi_oem=("BOCHS ", "BXPC"))
    D = h.devs
    D.append(Dev("00:00.0", "Host bridge", "0600", "Intel Corporation 82G33/G31/P35/P31 Express DRAM Controller", "8086:29c0", "conv", subsys="Red Hat, Inc. QEMU Virtual Machine [1af4:1100]", pm=False, msi=None))
    D.append(Dev("00:01.0", "VGA compatible controller", "0300", "Device", "1234:1111", "conv", rev="02", progif=("00", "VGA controller"), subsys="Red Hat, Inc. Device [1af4:1100]",
                 driver="bochs-drm", modules="bochs", pm=False, msi=None, regions=["Region 0: Memory at c0000000 (32-bit, prefetchable) [size=16M]", "Region 2: Memory at c1a15000 (32-bit, non-prefetchable) [size=4K]", "Expansion ROM at 000c0000 [disabled] [size=128K]"]))
    D.append(Dev("00:02.0", "PCI bridge", "0604", "Red Hat, Inc. QEMU PCIe Root port", "1b36:000c", "root", progif=("00", "Normal decode"), subsys="Red Hat, Inc. Device [1b36:0000]",
                 driver="pcieport", irq=("A", 22), bus=("00", "01", "01"), link=("2.5GT/s", 1), mps_cap=128, mps_ctl=128,
                 regions=["I/O behind bridge: 6000-6fff [size=4K] [16-bit]", "Memory behind bridge: c1800000-c19fffff [size=2M] [32-bit]", "Prefetchable memory behind bridge: 0000000800000000-00000008000fffff [size=1M] [32-bit]"]))
    D.append(Dev("00:02.1", "PCI bridge", "0604", "Red Hat, Inc. QEMU PCIe Root port", "1b36:000c", "root", progif=("00", "Normal decode"), subsys="Red Hat, Inc. Device [1b36:0000]",
                 driver="pcieport", irq=("A", 22), bus=("00", "02", "02"), link=("2.5GT/s", 1), mps_cap=128, mps_ctl=128,
                 regions=["I/O behind bridge: 5000-5fff [size=4K] [16-bit]", "Memory behind bridge: c1600000-c17fffff [size=2M] [32-bit]", "Prefetchable memory behind bridge: 0000000800100000-00000008001fffff [size=1M] [32-bit]"]))
    D.append(Dev("00:1f.0", "ISA bridge", "0601", "Intel Corporation 82801IB (ICH9) LPC Interface Controller", "8086:2918", "conv", rev="02", subsys="Red Hat, Inc. QEMU Virtual Machine [1af4:1100]", driver="lpc_ich", modules="lpc_ich", pm=False, msi=None))
    D.append(Dev("00:1f.2", "SATA controller", "0106", "Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]", "8086:2922", "conv", rev="02", progif=("01", "AHCI 1.0"),
                 subsys="Red Hat, Inc. QEMU Virtual Machine [1af4:1100]", driver="ahci", modules="ahci", irq=("A", 16), pm=False, regions=["Region 4: I/O ports at 7040 [size=32]", "Region 5: Memory at c1a14000 (32-bit, non-prefetchable) [size=4K]"]))
    D.append(Dev("00:1f.3", "SMBus", "0c05", "Intel Corporation 82801I (ICH9 Family) SMBus Controller", "8086:2930", "conv", rev="02", subsys="Red Hat, Inc. QEMU Virtual Machine [1af4:1100]",
                 driver="i801_smbus", modules="i2c_i801", irq=("A", 16), pm=False, msi=None, regions=["Region 4: I/O ports at 7000 [size=64]"]))
    D.append(Dev("01:00.0", "Ethernet controller", "0200", "Red Hat, Inc. Virtio 1.0 network device", "1af4:1041", "ep", rev="01", subsys="Red Hat, Inc. Device [1af4:1100]",
                 driver="virtio-pci", irq=("A", 22), link=("2.5GT/s", 1), mps_cap=128, mps_ctl=128, msi="msix",
                 regions=["Region 1: Memory at c1840000 (32-bit, non-prefetchable) [size=4K]", "Region 4: Memory at 800000000 (64-bit, prefetchable) [size=16K]", "Expansion ROM at c1800000 [disabled] [size=256K]"]))
    D.append(Dev("02:00.0", "SCSI storage controller", "0100", "Red Hat, Inc. Virtio 1.0 SCSI", "1af4:1048", "ep", rev="01", subsys="Red Hat, Inc. Device [1af4:1100]",
                 driver="virtio-pci", irq=("A", 22), link=("2.5GT/s", 1), mps_cap=128, mps_ctl=128, msi="msix",
                 regions=["Region 1: Memory at c1600000 (32-bit, non-prefetchable) [size=4K]", "Region 4: Memory at 800100000 (64-bit, prefetchable) [size=16K]"]))
    return h

def hp_dl380g9(release="5.15.0-91-generic", banner=UBU515, cmd="intel_iommu=on iommu=pt"):
    h = Host(hostname="kvm-prod3", vendor="intel", release=release, banner=banner,
             dmi="HP ProLiant DL380 Gen9/ProLiant DL380 Gen9, BIOS P89 10/21/2019",
             cpu="Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz (family: 0x6, model: 0x4f, stepping: 0x1)",
             cmdline="BOOT_IMAGE=/vmlinuz-%s root=/dev/mapper/ubuntu--vg-ubuntu--lv ro %s" % (release, cmd),
             ncpu=56, nodes=2, memk=263842188, boot_vga="01:00.1", acpi_oem=("HP    ", "ProLiant"), dmar_oem="HP     ProLiant",
             rmrr=[("0x000000791f4000", "0x000000791f7fff"), ("0x000000791ee000", "0x000000791effff"), ("0x0000007ba00000", "0x0000007fffffff")])
    D = h.devs
    D.append(Dev("00:00.0", "Host bridge", "0600", "Intel Corporation Xeon E7 v4/Xeon E5 v4/Xeon E3 v4/Xeon D DMI2", "8086:6f00", "rciep", group="g", rev="01", subsys="Hewlett-Packard Company Device [103c:8030]", numa=0, msi=None))
    D.append(Dev("00:01.0", "PCI bridge", "0604", "Intel Corporation Xeon E7 v4/Xeon E5 v4/Xeon E3 v4/Xeon D PCI Express Root Port 1", "8086:6f02", "root", group="r1", rev="01", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 26), numa=0, bus=("00", "03", "03"), link=("5GT/s", 4), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [32-bit]", "Memory behind bridge: 92c00000-92ffffff [size=4M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("00:01.1", "PCI bridge", "0604", "Intel Corporation Xeon E7 v4/Xeon E5 v4/Xeon E3 v4/Xeon D PCI Express Root Port 1", "8086:6f03", "root", group="r2", rev="01", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 26), numa=0, bus=("00", "04", "04"), link=("8GT/s", 8), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [32-bit]", "Memory behind bridge: 92800000-92bfffff [size=4M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("00:1c.4", "PCI bridge", "0604", "Intel Corporation C610/X99 series chipset PCI Express Root Port #5", "8086:8d18", "root", group="r3", rev="d5", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 16), numa=0, bus=("00", "01", "01"), link=("5GT/s", 4), acs=ROOT_ACS,
                 regions=["I/O behind bridge: 3000-3fff [size=4K] [16-bit]", "Memory behind bridge: 93000000-937fffff [size=8M] [32-bit]", "Prefetchable memory behind bridge: 0000000092000000-00000000927fffff [size=8M] [32-bit]"]))
    D.append(Dev("00:1f.0", "ISA bridge", "0601", "Intel Corporation C610/X99 series chipset LPC Controller", "8086:8d44", "conv", group="lpc", rev="05", subsys="Hewlett-Packard Company Device [103c:8030]", numa=0, driver="lpc_ich", modules="lpc_ich", pm=False, msi=None))
    D.append(Dev("00:1f.2", "SATA controller", "0106", "Intel Corporation C610/X99 series chipset 6-Port SATA Controller [AHCI mode]", "8086:8d02", "conv", group="lpc", rev="05", progif=("01", "AHCI 1.0"),
                 subsys="Hewlett-Packard Company Device [103c:8030]", numa=0, driver="ahci", modules="ahci", irq=("A", 40), regions=["Region 5: Memory at 93f00000 (32-bit, non-prefetchable) [size=2K]"]))
    D.append(Dev("01:00.0", "System peripheral", "0880", "Hewlett-Packard Company Integrated Lights-Out Standard Slave Instrumentation & System Support", "103c:3306", "conv", group="ilo", rev="07",
                 subsys="Hewlett-Packard Company iLO4 [103c:8030]", numa=0, driver=None, modules="hpilo", msi=None, regions=["Region 0: I/O ports at 3000 [size=256]"]))
    D.append(Dev("01:00.1", "VGA compatible controller", "0300", "Matrox Electronics Systems Ltd. MGA G200EH", "102b:0533", "conv", group="ilo", progif=("00", "VGA controller"),
                 subsys="Hewlett-Packard Company iLO4 [103c:8030]", numa=0, driver="mgag200", modules="mgag200", msi=None, regions=["Region 0: Memory at 92000000 (32-bit, prefetchable) [size=16M]"]))
    D.append(Dev("01:00.2", "System peripheral", "0880", "Hewlett-Packard Company Integrated Lights-Out Standard Management Processor Support and Messaging", "103c:3307", "conv", group="ilo", rev="07",
                 subsys="Hewlett-Packard Company iLO4 [103c:8030]", numa=0, driver="hpilo", modules="hpilo", msi=None, regions=["Region 0: I/O ports at 3400 [size=256]"]))
    D.append(Dev("03:00.0", "RAID bus controller", "0104", "Hewlett-Packard Company Smart Array Gen9 Controllers", "103c:3239", "ep", group="raid", rev="01",
                 subsys="Hewlett-Packard Company P440ar [103c:21c0]", numa=0, driver="hpsa", modules="hpsa", irq=("A", 28), link=("8GT/s", 8), flr=False, msi="msix",
                 regions=["Region 0: Memory at 92f00000 (64-bit, non-prefetchable) [size=1M]"]))
    D.append(Dev("04:00.0", "Ethernet controller", "0200", "Intel Corporation 82599ES 10-Gigabit SFI/SFP+ Network Connection", "8086:10fb", "ep", group="nic0", rev="01",
                 subsys="Hewlett-Packard Company Ethernet 10Gb 2-port 560SFP+ Adapter [103c:17d3]", numa=0, driver="vfio-pci", modules="ixgbe", irq=("A", 30), link=("5GT/s", 8), flr=True, msi="msix",
                 regions=["Region 0: Memory at 92800000 (64-bit, prefetchable) [size=1M]", "Region 4: Memory at 92a04000 (64-bit, prefetchable) [size=16K]"]))
    D.append(Dev("04:00.1", "Ethernet controller", "0200", "Intel Corporation 82599ES 10-Gigabit SFI/SFP+ Network Connection", "8086:10fb", "ep", group="nic1", rev="01",
                 subsys="Hewlett-Packard Company Ethernet 10Gb 2-port 560SFP+ Adapter [103c:17d3]", numa=0, driver="ixgbe", modules="ixgbe", irq=("B", 31), link=("5GT/s", 8), flr=True, msi="msix",
                 regions=["Region 0: Memory at 92900000 (64-bit, prefetchable) [size=1M]", "Region 4: Memory at 92a00000 (64-bit, prefetchable) [size=16K]"]))
    number_groups(h)
    return h

def dell_r710(release="6.1.0-27-amd64", banner=DEB61, cmd="intel_iommu=on iommu=pt"):
    h = Host(hostname="virt-old1", vendor="intel", release=release, banner=banner,
             dmi="Dell Inc. PowerEdge R710/0YDJK3, BIOS 6.6.0 05/22/2018",
             cpu="Intel(R) Xeon(R) CPU           X5670  @ 2.93GHz (family: 0x6, model: 0x2c, stepping: 0x2)",
             cmdline="BOOT_IMAGE=/boot/vmlinuz-%s root=UUID=3d0c8a2e-7b51-4f3a-8e21-5c6f9a1d2b77 ro %s quiet" % (release, cmd),
             ncpu=24, nodes=2, memk=98959744, boot_vga="08:03.0", ir="erratum", drhd=1, acpi_oem=("DELL  ", "PE_SC3"), efi=False, dmar_oem="DELL   PE_SC3  ",
             rmrr=[("0x000000cf4c8000", "0x000000cf4dffff"), ("0x000000cf4b1000", "0x000000cf4b7fff")])
    D = h.devs
    D.append(Dev("00:00.0", "Host bridge", "0600", "Intel Corporation 5520 I/O Hub to ESI Port", "8086:3406", "root", group="hb", rev="13", subsys="Dell PowerEdge R610 I/O Hub to ESI Port [1028:0235]",
                 numa=0, irq=None, mps_cap=256, mps_ctl=256, link=("2.5GT/s", 4), msi=None, driver=None))
    D.append(Dev("00:01.0", "PCI bridge", "0604", "Intel Corporation 5520/5500/X58 I/O Hub PCI Express Root Port 1", "8086:3408", "root", group="p1", rev="13", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 53), numa=0, bus=("00", "01", "01"), link=("5GT/s", 4), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [32-bit]", "Memory behind bridge: d6000000-d9ffffff [size=64M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("00:03.0", "PCI bridge", "0604", "Intel Corporation 5520/5500/X58 I/O Hub PCI Express Root Port 3", "8086:340a", "root", group="p3", rev="13", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 53), numa=0, bus=("00", "05", "05"), link=("5GT/s", 16), acs=ROOT_ACS,
                 regions=["I/O behind bridge: d000-dfff [size=4K] [16-bit]", "Memory behind bridge: dc000000-dd0fffff [size=17M] [32-bit]", "Prefetchable memory behind bridge: 00000000c0000000-00000000cbffffff [size=192M] [64-bit]"]))
    D.append(Dev("00:1e.0", "PCI bridge", "0604", "Intel Corporation 82801 PCI Bridge", "8086:244e", "convbridge", group="lpc", rev="92", progif=("01", "Subtractive decode"), numa=0, bus=("00", "08", "08"), pm=False, msi=None,
                 regions=["I/O behind bridge: [disabled] [32-bit]", "Memory behind bridge: de000000-de7fffff [size=8M] [32-bit]", "Prefetchable memory behind bridge: 00000000d5000000-00000000d5ffffff [size=16M] [32-bit]"]))
    D.append(Dev("00:1f.0", "ISA bridge", "0601", "Intel Corporation 82801IB (ICH9) LPC Interface Controller", "8086:2918", "conv", group="lpc", rev="02", subsys="Dell Device [1028:0235]", numa=0, driver="lpc_ich", modules="lpc_ich", pm=False, msi=None))
    D.append(Dev("01:00.0", "Ethernet controller", "0200", "Broadcom Inc. and subsidiaries NetXtreme II BCM5709 Gigabit Ethernet", "14e4:1639", "ep", group="bnx", rev="20",
                 subsys="Dell PowerEdge R710 BCM5709 Gigabit Ethernet [1028:0236]", numa=0, driver="bnx2", modules="bnx2", irq=("A", 36), link=("2.5GT/s", 4), flr=False, msi="msix",
                 regions=["Region 0: Memory at d6000000 (64-bit, non-prefetchable) [size=32M]"]))
    D.append(Dev("05:00.0", "VGA compatible controller", "0300", "NVIDIA Corporation GP106GL [Quadro P2000]", "10de:1c30", "legacy", group="gpu", rev="a1", progif=("00", "VGA controller"),
                 subsys="NVIDIA Corporation Device [10de:11b3]", numa=0, driver="vfio-pci", modules="nouveau", irq=("A", 38), link=("5GT/s", 16), flr=True, msi="msi",
                 regions=["Region 0: Memory at dc000000 (32-bit, non-prefetchable) [size=16M]", "Region 1: Memory at c0000000 (64-bit, prefetchable) [size=256M]",
                          "Region 3: Memory at d0000000 (64-bit, prefetchable) [size=32M]", "Region 5: I/O ports at dc00 [size=128]"], rom="Expansion ROM at dd000000 [disabled] [size=512K]"))
    D.append(Dev("05:00.1", "Audio device", "0403", "NVIDIA Corporation GP106 High Definition Audio Controller", "10de:10f1", "ep", group="gpu", rev="a1",
                 subsys="NVIDIA Corporation Device [10de:11b3]", numa=0, driver="vfio-pci", modules="snd_hda_intel", irq=("B", 39), link=("5GT/s", 16), flr=True,
                 regions=["Region 0: Memory at dd080000 (32-bit, non-prefetchable) [size=16K]"]))
    D.append(Dev("08:03.0", "VGA compatible controller", "0300", "Matrox Electronics Systems Ltd. MGA G200eW WPCM450", "102b:0532", "conv", group="lpc", rev="0a", progif=("00", "VGA controller"),
                 subsys="Dell PowerEdge R710 MGA G200eW WPCM450 [1028:0235]", numa=0, driver="mgag200", modules="mgag200", pm=True, msi=None,
                 regions=["Region 0: Memory at d5000000 (32-bit, prefetchable) [size=16M]", "Region 1: Memory at de7fc000 (32-bit, non-prefetchable) [size=16K]"]))
    number_groups(h)
    return h

UBU24_68 = UBU68

def vf_lines(h, pf, n, t, ptype=True, drv_msg=None):
    """sysfs sriov_numvfs write: driver message, then per VF enumeration + group"""
    L = []
    if drv_msg: L.append((t, drv_msg))
    for d in sorted([d for d in h.devs if d.vf and d.bdf.startswith(pf[:3])], key=lambda d: d.bdf)[:n]:
        L.append((t + 0.05, "pci 0000:%s: [%s:%s] type 00 class 0x020000%s" % (d.bdf, d.vid, d.did, " PCIe Endpoint" if ptype else "")))
        if d.group is not None:
            L.append("pci 0000:%s: Adding to iommu group %d" % (d.bdf, d.group))
    return L

def epyc(release="6.8.0-49-generic", banner=UBU68, hostname="epyc-kvm1", nvfs=4, vf_driver="vfio-pci", iommu="on", cmd="", total_vfs=64):
    h = Host(hostname=hostname, vendor="amd", release=release, banner=banner,
             dmi="Supermicro Super Server/H13SSL-N, BIOS 1.8 04/10/2024",
             cpu="AMD EPYC 9354P 32-Core Processor (family: 0x19, model: 0x11, stepping: 0x1)",
             cmdline=("BOOT_IMAGE=/vmlinuz-%s root=/dev/mapper/ubuntu--vg-ubuntu--lv ro %s" % (release, cmd)).strip(),
             ncpu=64, memk=395920384, boot_vga="04:00.0", iommu=iommu, acpi_oem=("SUPERM", "SMCI--MB"), ir="x2apic")
    D = h.devs
    D.append(Dev("00:00.0", "Host bridge", "0600", "Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo Root Complex", "1022:14a4", "conv", group="rc", rev="01", subsys="Super Micro Computer Inc Device [15d9:1d2b]", pm=False, msi=None, numa=0))
    D.append(Dev("00:00.2", "IOMMU", "0806", "Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo IOMMU", "1022:149e", "conv", rev="01", subsys="Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo IOMMU [1022:149e]", pm=False, msi="msi", irq=("A", 26), numa=0))
    D.append(Dev("00:01.0", "Host bridge", "0600", "Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo Dummy Host Bridge", "1022:149f", "conv", group="d1", rev="01", pm=False, msi=None, numa=0))
    for bdf, bus, link, mem, grp in [("00:01.1", ("00", "01", "01"), ("8GT/s", 8), "Memory behind bridge: [disabled] [32-bit]", "gpp1"),
                                      ("00:03.1", ("00", "02", "02"), ("16GT/s", 4), "Memory behind bridge: f6700000-f67fffff [size=1M] [32-bit]", "gpp3")]:
        D.append(Dev(bdf, "PCI bridge", "0604", "Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo GPP Bridge", "1022:14ab", "root", group=grp, rev="01", progif=("00", "Normal decode"),
                     driver="pcieport", irq=("A", 27), bus=bus, link=link, acs=ROOT_ACS, numa=0, mps_cap=512, mps_ctl=256,
                     regions=["I/O behind bridge: [disabled] [32-bit]", mem, "Prefetchable memory behind bridge: 0000020080000000-00000200821fffff [size=34M] [32-bit]" if bdf == "00:01.1" else "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("00:03.0", "Host bridge", "0600", "Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo Dummy Host Bridge", "1022:149f", "conv", group="d3", rev="01", pm=False, msi=None, numa=0))
    D.append(Dev("00:05.0", "Host bridge", "0600", "Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo Dummy Host Bridge", "1022:149f", "conv", group="d5", rev="01", pm=False, msi=None, numa=0))
    D.append(Dev("00:05.2", "PCI bridge", "0604", "Advanced Micro Devices, Inc. [AMD] Genoa/Bergamo Internal GPP Bridge to Bus [D:B]", "1022:14aa", "root", group="gpp5", rev="01",
                 progif=("00", "Normal decode"), driver="pcieport", irq=("A", 28), bus=("00", "03", "04"), link=("8GT/s", 1), acs=ROOT_ACS, numa=0, mps_cap=512, mps_ctl=128,
                 regions=["I/O behind bridge: 1000-1fff [size=4K] [16-bit]", "Memory behind bridge: f5000000-f60fffff [size=17M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("00:14.0", "SMBus", "0c05", "Advanced Micro Devices, Inc. [AMD] FCH SMBus Controller", "1022:790b", "conv", group="fch", rev="71", subsys="Super Micro Computer Inc Device [15d9:1d2b]", driver="piix4_smbus", modules="i2c_piix4, sp5100_tco", pm=False, msi=None, numa=0))
    D.append(Dev("00:14.3", "ISA bridge", "0601", "Advanced Micro Devices, Inc. [AMD] FCH LPC Bridge", "1022:790e", "conv", group="fch", rev="51", subsys="Super Micro Computer Inc Device [15d9:1d2b]", pm=False, msi=None, numa=0))
    for fn in (0, 1):
        D.append(Dev("01:00.%d" % fn, "Ethernet controller", "0200", "Intel Corporation Ethernet Controller X710 for 10GbE SFP+", "8086:1572", "ep", group="x710-%d" % fn, rev="02",
                     subsys="Intel Corporation Ethernet Converged Network Adapter X710-DA2 [8086:0001]" if False else "Intel Corporation Ethernet Converged Network Adapter X710-2 [8086:0007]",
                     driver="i40e", modules="i40e", irq=("A" if fn == 0 else "B", 40 + fn), link=("8GT/s", 8), flr=True, msi="msix", numa=0, ari=True,
                     mps_cap=2048, mps_ctl=256,
                     regions=["Region 0: Memory at 20082000000 (64-bit, prefetchable) [size=8M]" if fn == 0 else "Region 0: Memory at 20081800000 (64-bit, prefetchable) [size=8M]",
                              "Region 3: Memory at 20082808000 (64-bit, prefetchable) [size=32K]" if fn == 0 else "Region 3: Memory at 20082800000 (64-bit, prefetchable) [size=32K]"],
                     sriov={"total": total_vfs, "num": nvfs if fn == 0 else 0, "offset": 16 if fn == 0 else 79, "stride": 1, "vfid": "154c",
                            "bar0": "0000020080000000" if fn == 0 else "0000020080800000", "bar3": "0000020081000000" if fn == 0 else "0000020081200000"}))
    D.append(Dev("02:00.0", "Non-Volatile memory controller", "0108", "Samsung Electronics Co Ltd NVMe SSD Controller PM9A1/PM9A3/980PRO", "144d:a80a", "ep", group="nvme",
                 progif=("02", "NVM Express"), subsys="Samsung Electronics Co Ltd Device [144d:a813]", driver="nvme", modules="nvme", irq=("A", 44), link=("16GT/s", 4), flr=True, msi="msix", numa=0,
                 regions=["Region 0: Memory at f6710000 (64-bit, non-prefetchable) [size=32K]"]))
    D.append(Dev("03:00.0", "PCI bridge", "0604", "ASPEED Technology, Inc. AST1150 PCI-to-PCI Bridge", "1a03:1150", "ep", group="bmc", rev="06", progif=("00", "Normal decode"),
                 driver=None, bus=("03", "04", "04"), link=("5GT/s", 1), numa=0, mps_cap=128, mps_ctl=128,
                 regions=["I/O behind bridge: 1000-1fff [size=4K] [16-bit]", "Memory behind bridge: f5000000-f60fffff [size=17M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("04:00.0", "VGA compatible controller", "0300", "ASPEED Technology, Inc. ASPEED Graphics Family", "1a03:2000", "conv", group="bmc", rev="52", progif=("00", "VGA controller"),
                 subsys="Super Micro Computer Inc Device [15d9:1d2b]", driver="ast", modules="ast", irq=("A", 45), msi=None, numa=0,
                 regions=["Region 0: Memory at f5000000 (32-bit, non-prefetchable) [size=16M]", "Region 1: Memory at f6000000 (32-bit, non-prefetchable) [size=256K]", "Region 2: I/O ports at 1000 [size=128]"]))
    for i in range(nvfs):
        D.append(Dev("01:02.%d" % i, "Ethernet controller", "0200", "Intel Corporation Ethernet Virtual Function 700 Series", "8086:154c", "ep", group="vf%d" % i, rev="02",
                     subsys="Intel Corporation Device [8086:0000]", driver=vf_driver, modules="iavf", link=("8GT/s", 8), flr=True, msi="msix", numa=0, pm=False, vf=True,
                     regions=["Region 0: Memory at 20080%03x000 (64-bit, prefetchable) [virtual] [size=64K]" % (i * 16), "Region 3: Memory at 20081%03x000 (64-bit, prefetchable) [virtual] [size=16K]" % (i * 4)]))
    if iommu != "on": nogroups(h)
    else: number_groups(h)
    return h

def dell_r750(gpu_numa=1, hostname="hpc-kvm2"):
    h = Host(hostname=hostname, vendor="intel", release="6.8.0-49-generic", banner=UBU68,
             dmi="Dell Inc. PowerEdge R750/0PJ80M, BIOS 1.13.2 12/20/2023",
             cpu="Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz (family: 0x6, model: 0x6a, stepping: 0x6)",
             cmdline="BOOT_IMAGE=/vmlinuz-6.8.0-49-generic root=/dev/mapper/ubuntu--vg-ubuntu--lv ro intel_iommu=on iommu=pt default_hugepagesz=1G hugepagesz=1G hugepages=128",
             ncpu=128, nodes=2, memk=527874048, boot_vga="03:00.0", acpi_oem=("DELL  ", "PE_SC3"), dmar_oem="DELL   PE_SC3  ", hp1g=128,
             after_cmdline=["DMAR: IOMMU enabled"], domain="Passthrough (set via kernel command line)")
    D = h.devs
    D.append(Dev("00:00.0", "Host bridge", "0600", "Intel Corporation Ice Lake Memory Map/VT-d", "8086:09a2", "rciep", group="hb", rev="04", subsys="Dell Device [1028:0b15]", numa=0, msi=None))
    D.append(Dev("00:1f.0", "ISA bridge", "0601", "Intel Corporation C621A Series Chipset LPC/eSPI Controller", "8086:a1c1", "conv", group="lpc", rev="09", subsys="Dell Device [1028:0b15]", numa=0, pm=False, msi=None))
    D.append(Dev("00:1c.0", "PCI bridge", "0604", "Intel Corporation C620 Series Chipset Family PCI Express Root Port #1", "8086:a190", "root", group="p1c", rev="f9", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 16), numa=0, bus=("00", "03", "03"), link=("2.5GT/s", 1), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [32-bit]", "Memory behind bridge: 91000000-91ffffff [size=16M] [32-bit]", "Prefetchable memory behind bridge: [disabled] [64-bit]"]))
    D.append(Dev("03:00.0", "VGA compatible controller", "0300", "Matrox Electronics Systems Ltd. Integrated Matrox G200eW3 Graphics Controller", "102b:0536", "conv", group="mga", rev="04", progif=("00", "VGA controller"),
                 subsys="Dell Device [1028:0b15]", driver="mgag200", modules="mgag200", numa=0, msi=None, regions=["Region 0: Memory at 90000000 (32-bit, prefetchable) [size=16M]"]))
    D.append(Dev("31:02.0", "PCI bridge", "0604", "Intel Corporation Ice Lake PCI Express Root Port C", "8086:347a", "root", group="r31", rev="04", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 30), numa=0, bus=("31", "32", "32"), link=("8GT/s", 8), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [32-bit]", "Memory behind bridge: [disabled] [32-bit]", "Prefetchable memory behind bridge: 000020ffe0000000-000020ffe07fffff [size=8M] [64-bit]"]))
    D.append(Dev("32:00.0", "Ethernet controller", "0200", "Broadcom Inc. and subsidiaries BCM57414 NetXtreme-E 10Gb/25Gb RDMA Ethernet Controller", "14e4:16d7", "ep", group="bnxt", rev="01",
                 subsys="Broadcom Inc. and subsidiaries NetXtreme-E Dual-port 10/25G SFP28 Ethernet OCP 3.0 Adapter [14e4:5045]" if False else "Broadcom Inc. and subsidiaries BCM57414 NetXtreme-E 10Gb/25Gb RDMA Ethernet Controller [14e4:4140]",
                 numa=0, driver="bnxt_en", modules="bnxt_en", irq=("A", 30), link=("8GT/s", 8), flr=True, msi="msix",
                 regions=["Region 0: Memory at 20ffe0410000 (64-bit, prefetchable) [size=64K]", "Region 2: Memory at 20ffe0300000 (64-bit, prefetchable) [size=1M]"]))
    gbus = "ca" if gpu_numa == 1 else "4b"
    rbus = "c9" if gpu_numa == 1 else "4a"
    D.append(Dev("%s:02.0" % rbus, "PCI bridge", "0604", "Intel Corporation Ice Lake PCI Express Root Port C", "8086:347a", "root", group="rg", rev="04", progif=("00", "Normal decode"),
                 driver="pcieport", irq=("A", 92), numa=gpu_numa, bus=(rbus, gbus, gbus), link=("16GT/s", 16), acs=ROOT_ACS,
                 regions=["I/O behind bridge: [disabled] [32-bit]", "Memory behind bridge: e5000000-e60fffff [size=17M] [32-bit]", "Prefetchable memory behind bridge: 0000238000000000-000023c001ffffff [size=257G] [64-bit]"]))
    D.append(Dev("%s:00.0" % gbus, "3D controller", "0302", "NVIDIA Corporation GA102GL [A40]", "10de:2235", "ep", group="gpu", rev="a1",
                 subsys="NVIDIA Corporation Device [10de:145a]", numa=gpu_numa, driver="vfio-pci", modules="nvidiafb, nouveau", irq=("A", 92), link=("16GT/s", 16), flr=True, msi="msi",
                 regions=["Region 0: Memory at e5000000 (32-bit, non-prefetchable) [size=16M]", "Region 1: Memory at 23a000000000 (64-bit, prefetchable) [size=64G]", "Region 3: Memory at 23c000000000 (64-bit, prefetchable) [size=32M]"]))
    number_groups(h)
    return h
