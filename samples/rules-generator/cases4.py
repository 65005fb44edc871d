from common import *
from cases2 import UBU_LV, UBU_QEMU, UBU24_LV, UBU24_QEMU, DEB_LV, DEB_QEMU, snd_lines
import iplink

def pve_epyc(nvfs=4, **kw):
    h = epyc(release="6.8.12-4-pve", banner=PVE68, hostname="pve-epyc1", nvfs=nvfs, cmd="quiet iommu=pt", **kw)
    h.cmdline = h.cmdline.replace("/vmlinuz-6.8.12-4-pve root=/dev/mapper/ubuntu--vg-ubuntu--lv", "/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root")
    h.domain = "Passthrough (set via kernel command line)"
    return h

def i40e_boot(h, t=2.110330):
    L = [(t, "i40e: Intel(R) Ethernet Connection XL710 Network Driver"), "i40e: Copyright (c) 2013 - 2019 Intel Corporation."]
    for fn in (0, 1):
        L += ["i40e 0000:01:00.%d: fw 9.120.73026 api 1.15 nvm 9.20 0x8000d8c5 1.3429.0 [8086:1572] [8086:0007]" % fn,
              "i40e 0000:01:00.%d: MAC address: 3c:ec:ef:10:20:3%d" % (fn, fn),
              "i40e 0000:01:00.%d: PCI-Express: Speed 8.0GT/s Width x8" % fn,
              "i40e 0000:01:00.%d: Features: PF-id[%d] VFs: 64 VSIs: 66 QP: 64 RSS FD_ATR FD_SB NTUPLE DCB VxLAN Geneve PTP VEPA" % (fn, fn)]
    L += ["i40e 0000:01:00.0 enp1s0f0: renamed from eth0", "i40e 0000:01:00.1 enp1s0f1: renamed from eth1"]
    return L

def c_mtu():
    h = pve_epyc(nvfs=0)
    h.late = base_late(h) + i40e_boot(h) + [(11.402113, "bond0: (slave enp1s0f0): Enslaving as a backup interface with a down link"),
              "bond0: (slave enp1s0f1): Enslaving as a backup interface with a down link", "vmbr0: port 1(bond0) entered blocking state",
              "vmbr0: port 1(bond0) entered disabled state", "bond0: entered allmulticast mode", "bond0: entered promiscuous mode",
              (14.810225, "i40e 0000:01:00.0 enp1s0f0: NIC Link is Up, 10 Gbps Full Duplex, Flow Control: None"),
              "i40e 0000:01:00.1 enp1s0f1: NIC Link is Up, 10 Gbps Full Duplex, Flow Control: None",
              "bond0: (slave enp1s0f0): link status definitely up, 10000 Mbps full duplex", "bond0: active interface up!",
              "vmbr0: port 1(bond0) entered blocking state", "vmbr0: port 1(bond0) entered forwarding state"] + \
             [(88.120331, "tap100i0: entered promiscuous mode"), "vmbr0: port 2(tap100i0) entered blocking state", "vmbr0: port 2(tap100i0) entered disabled state",
              "tap100i0: entered allmulticast mode", "vmbr0: port 2(tap100i0) entered blocking state", "vmbr0: port 2(tap100i0) entered forwarding state"]
    br = "3c:ec:ef:10:20:30"
    ifs = [dict(idx=2, name="enp1s0f0", flags="BROADCAST,MULTICAST,SLAVE,UP,LOWER_UP", mtu=9000, qdisc="mq", master="bond0", state="UP", mac=br, kind="phys", pci="01:00.0"),
           dict(idx=3, name="enp1s0f1", flags="BROADCAST,MULTICAST,SLAVE,UP,LOWER_UP", mtu=9000, qdisc="mq", master="bond0", state="UP", mac=br, kind="phys", pci="01:00.1"),
           dict(idx=4, name="bond0", flags="BROADCAST,MULTICAST,MASTER,UP,LOWER_UP", mtu=9000, qdisc="noqueue", master="vmbr0", state="UP", mac=br, kind="bond", brmac=br, maxmtu=65535),
           dict(idx=5, name="vmbr0", flags="BROADCAST,MULTICAST,UP,LOWER_UP", mtu=1500, qdisc="noqueue", state="UP", mac=br, kind="bridge", maxmtu=65535),
           dict(idx=6, name="tap100i0", flags="BROADCAST,MULTICAST,PROMISC,UP,LOWER_UP", mtu=1500, qdisc="pfifo_fast", master="vmbr0", state="UNKNOWN", mac="9a:3e:51:c0:7d:12", kind="tap", brmac=br, maxmtu=65521)]
    f = {"dmesg.txt": dmesg(h, 71), "cmdline": cmdline(h), "ip-d-link.txt": iplink.render(ifs)}
    write_case("MTU-MISMATCH", "fires-when-jumbo-bond-sits-under-a-1500-bridge", f, md(
        "Jumbo-frame bond under a 1500-byte Proxmox bridge",
        "pve-epyc1, Proxmox VE 8 (kernel 6.8.12-4-pve), EPYC 9354P on Supermicro H13SSL-N, X710 ports enp1s0f0/enp1s0f1 in LACP bond0.",
        "`mtu 9000` was set on bond0 and its slaves but not on vmbr0, which ifupdown2 brings up with 1500; the VM tap tap100i0 inherits 1500. Jumbo frames arriving from the switch cannot be forwarded to guests and the bridge and its uplink disagree.",
        ["MTU-MISMATCH (warning) vmbr0: bridge {ip-d-link.txt:5: vmbr0:} (mtu 1500) has port {ip-d-link.txt:4: bond0:} (mtu 9000, slaves {ip-d-link.txt:2: enp1s0f0:}, {ip-d-link.txt:3: enp1s0f1:}) and tap {ip-d-link.txt:6: tap100i0:} (mtu 1500)"]))
    return h

def c_mtu_quiet():
    h = pve_epyc(nvfs=0)
    h.late = base_late(h) + i40e_boot(h)
    br = "3c:ec:ef:10:20:30"
    ifs = [dict(idx=2, name="enp1s0f0", flags="BROADCAST,MULTICAST,UP,LOWER_UP", mtu=1500, qdisc="mq", master="vmbr0", state="UP", mac=br, kind="phys", pci="01:00.0",
                extra=[iplink.BRIDGE_SLAVE % (2, 1, 1, 7, br, br, 64, 64, "parentbus pci parentdev 0000:01:00.0 ")]),
           dict(idx=3, name="enp1s0f1", flags="BROADCAST,MULTICAST,UP,LOWER_UP", mtu=9000, qdisc="mq", state="UP", mac="3c:ec:ef:10:20:31", kind="phys", pci="01:00.1"),
           dict(idx=4, name="vmbr0", flags="BROADCAST,MULTICAST,UP,LOWER_UP", mtu=1500, qdisc="noqueue", state="UP", mac=br, kind="bridge", maxmtu=65535),
           dict(idx=5, name="tap100i0", flags="BROADCAST,MULTICAST,PROMISC,UP,LOWER_UP", mtu=1500, qdisc="pfifo_fast", master="vmbr0", state="UNKNOWN", mac="9a:3e:51:c0:7d:12", kind="tap", brmac=br, maxmtu=65521)]
    f = {"dmesg.txt": dmesg(h, 72), "cmdline": cmdline(h), "ip-d-link.txt": iplink.render(ifs)}
    write_case("MTU-MISMATCH", "quiet-when-jumbo-port-is-a-separate-storage-link", f, md(
        "A 9000-byte storage port next to a consistent 1500-byte VM bridge",
        "pve-epyc1, Proxmox VE 8 (kernel 6.8.12-4-pve), EPYC 9354P, X710: enp1s0f0 is the vmbr0 uplink, enp1s0f1 a dedicated Ceph/storage link.",
        "enp1s0f1 runs at mtu 9000 but is not enslaved to any bridge or bond (no `master`); vmbr0, its port enp1s0f0 and tap100i0 all use 1500. Different MTUs on unrelated links are fine.",
        []))

def c_mps():
    h = pve_epyc(nvfs=0)
    dev(h, "00:01.1").mps_ctl = 128
    h.late = base_late(h) + i40e_boot(h)
    f = {"dmesg.txt": dmesg(h, 73), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "01:00"])}
    write_case("PCIE-MPS-MISMATCH", "fires-when-x710-payload-exceeds-root-port-setting", f, md(
        "X710 functions programmed for 256-byte payloads under a 128-byte root port",
        "pve-epyc1, Proxmox VE 8 (kernel 6.8.12-4-pve), EPYC 9354P; X710 01:00.0/01:00.1 behind GPP bridge 00:01.1.",
        "After a firmware-driven hot reset the root port was left at MaxPayload 128 while both NIC functions keep 256 in DevCtl. TLPs larger than the port's setting are malformed for the receiver (AER/packet loss under load). Fix: `pci=pcie_bus_safe` or reboot so the kernel re-negotiates MPS.",
        ["PCIE-MPS-MISMATCH (warning) 0000:01:00.0 and 0000:01:00.1 (DevCtl {lspci-nnvvv.txt:MaxPayload 256 bytes, MaxReadReq}) under root port 0000:00:01.1 (DevCtl {lspci-nnvvv.txt:MaxPayload 128 bytes, MaxReadReq})"]))

def c_mps_quiet():
    h = pve_epyc(nvfs=0)
    h.late = base_late(h) + i40e_boot(h)
    f = {"dmesg.txt": dmesg(h, 74), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "01:00", "00:05.2", "03:00.0"])}
    write_case("PCIE-MPS-MISMATCH", "quiet-when-only-devcap-maximums-differ", f, md(
        "Different MaxPayload capabilities, identical programmed values",
        "pve-epyc1, Proxmox VE 8 (kernel 6.8.12-4-pve), EPYC 9354P; X710 behind 00:01.1, ASPEED BMC bridge behind 00:05.2.",
        "DevCap advertises 512 bytes on the root ports, 2048 on the X710 and 128 on the AST1150 bridge, but DevCtl (what is actually programmed) matches on every link: 256/256 under 00:01.1 and 128/128 under 00:05.2. Only DevCtl values must agree.",
        []))

def c_numa(gpu_numa=1):
    h = dell_r750(gpu_numa=gpu_numa)
    g = "ca:00.0" if gpu_numa == 1 else "4b:00.0"
    h.late = [(2.440110, "bnxt_en 0000:32:00.0 eth0: Broadcom BCM57414 NetXtreme-E 10Gb/25Gb RDMA Ethernet Controller found at mem 20ffe0410000, node addr 58:11:22:c4:00:01"),
              "bnxt_en 0000:32:00.0 eno12399np0: renamed from eth0"] + vfio_late(h, ["10de:2235"], [g], t=4.402551) + \
             [(733.012440, "vfio-pci 0000:%s: enabling device (0000 -> 0002)" % g), (733.420551, "vfio-pci 0000:%s: resetting" % g), (733.531102, "vfio-pci 0000:%s: reset done" % g)]
    mb = ["-object '{\"qom-type\":\"thread-context\",\"id\":\"tc-ram-node0\",\"node-affinity\":[0]}'",
          "-object '{\"qom-type\":\"memory-backend-file\",\"id\":\"ram-node0\",\"mem-path\":\"/dev/hugepages/libvirt/qemu/4-sim-vm\",\"x-use-canonical-path-for-ramblock-id\":false,\"prealloc\":true,\"size\":68719476736,\"host-nodes\":[0],\"policy\":\"bind\",\"prealloc-context\":\"tc-ram-node0\"}'",
          "-numa node,nodeid=0,cpus=0-31,memdev=ram-node0"]
    q = libvirt_log("sim-vm", ("2026-11-23", "08:15:44"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "hpc-kvm2", [(g, "hostdev0", "pci.5")], machine="pc-q35-8.2",
                    mem_mb=65536, smp=32, membackend=mb, domid=4)
    q = q.replace("-machine pc-q35-8.2,usb=off,vmport=off,smm=on,dump-guest-core=off,memory-backend=pc.ram,hpet=off,acpi=on", "-machine pc-q35-8.2,usb=off,vmport=off,smm=on,dump-guest-core=off,hpet=off,acpi=on")
    f = {"dmesg.txt": dmesg(h, 75 + gpu_numa), "cmdline": cmdline(h), "lspci-nnvvv.txt": lspci(h, [g[:2] == "ca" and "c9:02.0" or "4a:02.0", g]),
         "iommu-groups.txt": groups_txt(h), "meminfo": meminfo(h.memk, hp_total=128, hp_free=64, hpsize=1048576), "qemu-sim-vm.log": q,
         "modprobe-vfio.conf": "options vfio-pci ids=10de:2235\nsoftdep nouveau pre: vfio-pci\n"}
    if gpu_numa == 1:
        write_case("NUMA-REMOTE-DEVICE", "fires-when-a40-on-socket-1-serves-vm-bound-to-node-0", f, md(
            "A40 on socket 1, VM memory and vCPUs bound to node 0",
            "hpc-kvm2, Ubuntu 24.04 (kernel 6.8.0-49-generic), Dell PowerEdge R750, 2x Xeon Gold 6338 (2 NUMA nodes), 128 x 1 GiB hugepages; NVIDIA A40 ca:00.0 on vfio-pci for VM sim-vm.",
            "The GPU hangs off a root port of CPU 1 ({lspci-nnvvv.txt:NUMA node: 1}) while libvirt binds all 64 GiB of guest RAM to host node 0 (`host-nodes:[0], policy:bind`, single guest node with 32 vCPUs; the vCPU pinning to node-0 cores is in the domain XML). Every GPU DMA and interrupt crosses the UPI link; pin the VM to node 1 instead.",
            ["NUMA-REMOTE-DEVICE (warning) 0000:ca:00.0 on node 1: {lspci-nnvvv.txt:NUMA node: 1#2}; VM sim-vm memory on node 0: {qemu-sim-vm.log:\"host-nodes\":[0]}, {qemu-sim-vm.log:-numa node,nodeid=0}"]))
    else:
        write_case("NUMA-REMOTE-DEVICE", "quiet-when-gpu-and-vm-share-node-0", f, md(
            "GPU and VM on the same NUMA node of a 2-socket host",
            "hpc-kvm2, Ubuntu 24.04 (kernel 6.8.0-49-generic), Dell PowerEdge R750, 2 NUMA nodes; NVIDIA A40 4b:00.0 (slot on CPU 0) on vfio-pci for VM sim-vm.",
            "The host has two nodes and the lspci dump shows `NUMA node:` lines, but the A40 is on node 0 ({lspci-nnvvv.txt:NUMA node: 0#2}) and the VM's memory is bound to node 0 as well. Nothing remote.",
            []))

def c_kernel_old():
    h = hp_dl380g9(release="4.18.0-80.el8.x86_64", banner=RHEL8)
    h.cmdline = "BOOT_IMAGE=(hd0,msdos1)/vmlinuz-4.18.0-80.el8.x86_64 root=/dev/mapper/rhel-root ro crashkernel=auto resume=/dev/mapper/rhel-swap rd.lvm.lv=rhel/root rd.lvm.lv=rhel/swap rhgb quiet intel_iommu=on iommu=pt"
    h.after_cmdline = ["DMAR: IOMMU enabled"]
    h.late = [(3.112093, "hpsa 0000:03:00.0: Logical aborts not supported"), "scsi host1: HP HPSA Driver (v 3.4.20-125-RH2)",
              (3.520141, "ixgbe 0000:04:00.1: Multiqueue Enabled: Rx Queue count = 56, Tx Queue count = 56 XDP Queue count = 0"),
              "ixgbe 0000:04:00.1: 32.000 Gb/s available PCIe bandwidth (5 GT/s x8 link)", "ixgbe 0000:04:00.1: Intel(R) 10 Gigabit Network Connection",
              "ixgbe 0000:04:00.1 ens1f1: renamed from eth1"] + vfio_late(h, ["8086:10fb"], [], t=9.402113)[:1] + \
             ["vfio-pci 0000:04:00.0: enabling device (0000 -> 0002)" if False else "vfio_pci: add [8086:10fb[ffffffff:ffffffff]] class 0x000000/00000000"]
    # vfio-pci was bound to 04:00.0 by a driverctl override; the 'add' line comes from the ids= option in the initramfs
    f = {"dmesg.txt": dmesg(h, 77), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h)}
    write_case("KERNEL-TOO-OLD", "fires-when-rhel-8-0-kernel-4-18-runs-passthrough", f, md(
        "RHEL 8.0 GA kernel on a passthrough host",
        "kvm-prod3, RHEL 8.0 (kernel 4.18.0-80.el8.x86_64), HP ProLiant DL380 Gen9, 82599ES port 04:00.0 on vfio-pci.",
        "Passthrough works, but 4.18 is older than the 5.15 baseline the rule base assumes (old log formats: `iommu: Adding device ... to group`, no `iommu: Default domain type` line, `HugeTLB registered` without colon). Recommend a current RHEL 8.x/9.x kernel.",
        ["KERNEL-TOO-OLD (warning) host: {dmesg.txt:Linux version 4.18.0-80.el8.x86_64}; vfio-pci in use {dmesg.txt:vfio_pci: add [8086:10fb}"]))

def c_kernel_ok():
    h = intel_desktop(release="5.15.0-91-generic", banner=UBU515, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="intel_iommu=on iommu=pt", hostname="gpu-ws2")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112)
    f = {"dmesg.txt": dmesg(h, 78), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("KERNEL-TOO-OLD", "quiet-when-kernel-is-exactly-5-15", f, md(
        "Ubuntu 22.04 GA kernel 5.15 is at the baseline",
        "gpu-ws2, Ubuntu 22.04 (kernel 5.15.0-91-generic), i7-13700K, RTX 3060 Ti on vfio-pci.",
        "{dmesg.txt:Linux version 5.15.0-91-generic} is not older than 5.15 (the trailing `5.15.131` upstream tag confirms it). Boundary case: must not fire.",
        []))

def c_dma_map():
    h = intel_desktop(release="5.15.0-91-generic", banner=UBU515, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="intel_iommu=on iommu=pt", hostname="gpu-ws2")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + \
             [(942.301102, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:01:00.0: vfio_ecap_init: hiding ecap 0x1e@0x258",
              "vfio-pci 0000:01:00.0: vfio_ecap_init: hiding ecap 0x19@0x900", "vfio-pci 0000:01:00.1: enabling device (0000 -> 0002)",
              (942.512883, "vfio_pin_pages_remote: RLIMIT_MEMLOCK (65536) exceeded")]
    dev_json = "{\"driver\":\"vfio-pci\",\"host\":\"0000:01:00.0\",\"id\":\"hostdev0\",\"bus\":\"pci.5\",\"addr\":\"0x0\"}"
    q = libvirt_log("win10", ("2026-11-24", "16:05:31"), UBU_LV, UBU_QEMU, "5.15.0-91-generic", "gpu-ws2", [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.6")],
                    machine="pc-q35-6.2", home="/home/alice/.config/libvirt/qemu/lib", domid=1,
                    errors=["2026-11-24T16:05:32.690114Z qemu-system-x86_64: -device %s: VFIO_MAP_DMA failed: Cannot allocate memory" % dev_json,
                            "2026-11-24T16:05:32.690412Z qemu-system-x86_64: -device %s: vfio 0000:01:00.0: failed to setup container for group 1: memory listener initialization failed: Region pc.ram: vfio_dma_map(0x55f1c3a0e2d0, 0x100000, 0x7ff00000, 0x7f1a13f00000) = -12 (Cannot allocate memory)" % dev_json],
                    tail=["2026-11-24 16:05:32.901+0000: shutting down, reason=failed"])
    q = q.replace("/var/lib/libvirt/images/win10.qcow2", "/home/alice/vms/win10.qcow2")
    f = {"dmesg.txt": dmesg(h, 79), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "qemu-win10.log": q}
    write_case("VFIO-DMA-MAP-FAILED", "fires-when-session-libvirt-hits-memlock-limit", f, md(
        "qemu:///session VM cannot pin guest RAM: RLIMIT_MEMLOCK 64 KiB",
        "gpu-ws2, Ubuntu 22.04 (kernel 5.15.0-91-generic), libvirt 8.0 in session mode (log from ~/.cache/libvirt/qemu/log/win10.log), RTX 3060 Ti on vfio-pci.",
        "An unprivileged libvirt session cannot raise the locked-memory limit, so VFIO's pinning of the 16 GiB guest fails at the first 64 KiB. Fix: use qemu:///system, or raise `memlock` for the user in /etc/security/limits.d (>= guest RAM + ~1 GiB).",
        ["VFIO-DMA-MAP-FAILED (error) 0000:01:00.0 / VM win10: {qemu-win10.log:VFIO_MAP_DMA failed: Cannot allocate memory}, {dmesg.txt:vfio_pin_pages_remote: RLIMIT_MEMLOCK (65536) exceeded}"]))

def c_dma_map_quiet():
    h = intel_desktop(release="5.15.0-91-generic", banner=UBU515, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="intel_iommu=on iommu=pt", hostname="gpu-ws2")
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + \
             [(942.301102, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:01:00.0: vfio_ecap_init: hiding ecap 0x1e@0x258",
              "vfio-pci 0000:01:00.0: vfio_ecap_init: hiding ecap 0x19@0x900", "vfio-pci 0000:01:00.1: enabling device (0000 -> 0002)"]
    q = libvirt_log("win10", ("2026-11-24", "16:31:02"), UBU_LV, UBU_QEMU, "5.15.0-91-generic", "gpu-ws2", [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.6")],
                    machine="pc-q35-6.2", mem_mb=32768)
    f = {"dmesg.txt": dmesg(h, 80), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b"), "qemu-win10.log": q}
    write_case("VFIO-DMA-MAP-FAILED", "quiet-when-system-libvirt-pins-32g-guest", f, md(
        "32 GiB passthrough guest under qemu:///system",
        "gpu-ws2, Ubuntu 22.04 (kernel 5.15.0-91-generic), libvirt 8.0 system instance, RTX 3060 Ti + audio on vfio-pci.",
        "libvirtd raises the QEMU process memlock limit itself for VFIO guests; the log shows `-overcommit mem-lock=off` (guest RAM is not mlock()ed, which is unrelated to VFIO pinning) and the start succeeds. dmesg has the usual `vfio_ecap_init: hiding ecap` lines and no RLIMIT_MEMLOCK warning.",
        []))

def c_bar():
    h = amd_b450(release="6.8.12-4-pve", banner=PVE68, hostname="pve-amd1", cmd_extra="iommu=pt")
    h.cmdline = h.cmdline.replace("root=UUID=8e1f3b1c-52d4-4b8e-9a53-1f0c7d2e6a41", "root=/dev/mapper/pve-root")
    h.domain = "Passthrough (set via kernel command line)"
    h.before_init = ["[drm] Initialized simpledrm 1.0.0 20200625 for simple-framebuffer.0 on minor 0", "fbcon: Deferring console take-over",
                     "simple-framebuffer simple-framebuffer.0: [drm] fb0: simpledrmdrmfb frame buffer device"]
    h.late = base_late(h) + vfio_late(h, ["10de:2484", "10de:228b"], ["07:00.0", "07:00.1"], t=5.118802) + pve_vm_start(96.30, 100, ["07:00.0", "07:00.1"]) + \
             [(97.512201, "vfio-pci 0000:07:00.0: BAR 1: can't reserve [mem 0xc0000000-0xcfffffff 64bit pref]"),
              (97.690044, "vfio-pci 0000:07:00.0: BAR 1: can't reserve [mem 0xc0000000-0xcfffffff 64bit pref]"),
              (98.101880, "vfio-pci 0000:07:00.0: BAR 1: can't reserve [mem 0xc0000000-0xcfffffff 64bit pref]")]
    h.late = [x for x in h.late if not (isinstance(x, str) and "bridge" in x and False)]
    f = {"dmesg.txt": dmesg(h, 81), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:03.1", "07:00"]),
         "modprobe-vfio.conf": vfio_conf("10de:2484,10de:228b")}
    write_case("VFIO-BAR-CONFLICT", "fires-when-simpledrm-holds-boot-gpu-framebuffer", f, md(
        "Single-GPU host: simpledrm keeps the boot framebuffer inside the GPU's BAR 1",
        "pve-amd1, Proxmox VE 8 (kernel 6.8.12-4-pve), Ryzen 7 3700X (no iGPU), RTX 3070 07:00.0 is the only and boot VGA device and is passed to VM 100.",
        "sysfb registers the firmware framebuffer as simple-framebuffer and simpledrm claims that memory, which lies in the GPU's prefetchable BAR 1 (`Region 1: Memory at c0000000` in lspci). When QEMU maps the BARs, vfio-pci cannot reserve BAR 1; the guest shows a black screen or error 43. Fix: `initcall_blacklist=sysfb_init` (or `video=simplefb:off`) on the kernel command line.",
        ["VFIO-BAR-CONFLICT (error) 0000:07:00.0: {dmesg.txt:BAR 1: can't reserve [mem 0xc0000000-0xcfffffff 64bit pref]} (3x); framebuffer owner {dmesg.txt:Initialized simpledrm}; boot GPU {dmesg.txt:vgaarb: setting as boot VGA device}"]))

def c_bar_quiet():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    h.pci_extra = ["pci 0000:00:1f.5: can't claim BAR 0 [mem 0xfe010000-0xfe010fff]: no compatible bridge window"]
    h.before_init = ["[drm] Initialized simpledrm 1.0.0 20200625 for simple-framebuffer.0 on minor 0", "fbcon: Deferring console take-over",
                     "simple-framebuffer simple-framebuffer.0: [drm] fb0: simpledrmdrmfb frame buffer device"]
    h.late = base_late(h, nic=igc_lines(h)) + [(2.911320, "i915 0000:00:02.0: vgaarb: deactivate vga console"),
              "i915 0000:00:02.0: [drm] Finished loading DMC firmware i915/adls_dmc_ver2_01.bin (v2.1)",
              "[drm] Initialized i915 1.6.0 20230929 for 0000:00:02.0 on minor 1", "fbcon: i915drmfb (fb0) is primary device",
              "i915 0000:00:02.0: [drm] fb0: i915drmfb frame buffer device"] + \
             vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + pve_bridge_lines(9.71) + pve_vm_start(44.10, 100, ["01:00.0", "01:00.1"])
    f = {"dmesg.txt": dmesg(h, 82), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("VFIO-BAR-CONFLICT", "quiet-when-framebuffer-is-on-the-igpu", f, md(
        "simpledrm on the iGPU, passthrough dGPU untouched",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K; boot VGA is the iGPU 00:02.0, RTX 3060 Ti 01:00.0 passed to VM 100.",
        "simpledrm/simple-framebuffer exist but cover the iGPU framebuffer (then handed to i915); the RTX is not the boot device and VM 100 starts without BAR errors. The only resource message is {dmesg.txt:can't claim BAR 0 [mem 0xfe010000-0xfe010fff]} for the SPI flash controller at enumeration time, which is harmless and not a vfio-pci reservation failure.",
        []))

RX580 = ("Ellesmere [Radeon RX 470/480/570/570X/580/580X/590]", "1002:67df", "Ellesmere HDMI Audio [Radeon RX 470/480 / 570/580/590]", "1002:aaf0", "Advanced Micro Devices, Inc. [AMD/ATI]")

def c_no_reset():
    h = intel_desktop(release="6.8.0-49-generic", banner=UBU68, root_dev="/dev/mapper/ubuntu--vg-ubuntu--lv", extra_cmd="splash intel_iommu=on iommu=pt vt.handoff=7", hostname="gpu-ws2",
                      gpu=RX580, flr=False)
    h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    for b, sub in (("01:00.0", "Sapphire Technology Limited Nitro+ Radeon RX 580 4GB [1da2:e366]"), ("01:00.1", "Sapphire Technology Limited Device [1da2:aaf0]")):
        dev(h, b).subsys = sub; dev(h, b).rev = "e7"
    dev(h, "01:00.0").modules = "amdgpu"; dev(h, "01:00.0").link = ("8GT/s", 16); dev(h, "01:00.1").link = ("8GT/s", 16)
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["1002:67df", "1002:aaf0"], ["01:00.0", "01:00.1"], t=3.902112) + \
             [(610.220113, "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)"), "vfio-pci 0000:01:00.1: enabling device (0000 -> 0002)",
              (2450.661023, "vfio-pci 0000:01:00.0: Unable to change power state from D3cold to D0, device inaccessible"),
              (2450.662114, "vfio-pci 0000:01:00.0: Unable to change power state from D3cold to D0, device inaccessible"),
              (2450.702331, "vfio-pci 0000:01:00.1: Unable to change power state from D3cold to D0, device inaccessible")]
    dj = lambda b, i, bus: "{\"driver\":\"vfio-pci\",\"host\":\"0000:%s\",\"id\":\"hostdev%d\",\"bus\":\"%s\",\"addr\":\"0x0\"}" % (b, i, bus)
    q1 = libvirt_log("win10", ("2026-11-24", "11:02:40"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "gpu-ws2", [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.6")], machine="pc-q35-8.2",
                     tail=["2026-11-24 11:38:12.551+0000: shutting down, reason=shutdown"])
    q2 = libvirt_log("win10", ("2026-11-24", "11:39:31"), UBU24_LV, UBU24_QEMU, "6.8.0-49-generic", "gpu-ws2", [("01:00.0", "hostdev0", "pci.5"), ("01:00.1", "hostdev1", "pci.6")], machine="pc-q35-8.2", domid=4,
                     errors=["2026-11-24T11:39:33.020551Z qemu-system-x86_64: vfio: Cannot reset device 0000:01:00.1, no available reset mechanism.",
                             "2026-11-24T11:39:33.021102Z qemu-system-x86_64: vfio: Cannot reset device 0000:01:00.0, no available reset mechanism.",
                             "2026-11-24T11:39:33.411870Z qemu-system-x86_64: vfio_err_notifier_handler(0000:01:00.0) Unrecoverable error detected. Please collect any data possible and then kill the guest"],
                     tail=["2026-11-24 11:40:02.118+0000: shutting down, reason=destroyed"])
    f = {"dmesg.txt": dmesg(h, 83), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.0", "01:00"]),
         "modprobe-vfio.conf": vfio_conf("1002:67df,1002:aaf0", softdep=False) + "softdep amdgpu pre: vfio-pci\nsoftdep snd_hda_intel pre: vfio-pci\n", "qemu-win10.log": q1 + q2}
    write_case("VFIO-NO-RESET", "fires-when-rx580-without-flr-cannot-be-reset", f, md(
        "Radeon RX 580 without FLR: second VM start fails",
        "gpu-ws2, Ubuntu 24.04 (kernel 6.8.0-49-generic), libvirt 10.0, i7-13700K; Sapphire RX 580 01:00.0 + HDMI audio 01:00.1 on vfio-pci.",
        "Neither function advertises Function Level Reset (`FLReset-` in DevCap) and the PM reset does not work on Polaris. The first boot of win10 is fine; after guest shutdown the card falls into D3cold and becomes inaccessible, and the next start cannot reset it. Workarounds: vendor-reset module, keep the VM running, or a card with FLR.",
        ["VFIO-NO-RESET (error) 0000:01:00.0 and 0000:01:00.1: {lspci-nnvvv.txt:FLReset-}; {qemu-win10.log:Cannot reset device 0000:01:00.0, no available reset mechanism}; {dmesg.txt:Unable to change power state from D3cold to D0, device inaccessible}"]))

def c_no_reset_quiet():
    h = intel_desktop(extra_cmd="iommu=pt")
    h.domain = "Passthrough (set via kernel command line)"
    dev(h, "03:00.0").flr = False
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + pve_bridge_lines(9.71) + \
             pve_vm_start(44.10, 100, ["01:00.0", "01:00.1"]) + [(1801.220441, "vfio-pci 0000:01:00.0: resetting"), (1801.331550, "vfio-pci 0000:01:00.0: reset done")]
    f = {"dmesg.txt": dmesg(h, 84), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["01:00", "03:00.0"]),
         "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("VFIO-NO-RESET", "quiet-when-only-a-host-nic-lacks-flr", f, md(
        "FLReset- on a host-owned NIC, FLR-capable GPU passed through",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K; RTX 3060 Ti + audio (FLReset+) passed to VM 100; onboard I226-V 03:00.0 stays on igc.",
        "The only device without FLR ({lspci-nnvvv.txt:RBE+ FLReset-}; the `FLReset-` in the GPU's DevCtl is the initiate-FLR control bit, not the capability) is the NIC used by the host bridge vmbr0, which is never assigned to a VM. The GPU resets cleanly on VM stop ({dmesg.txt:reset done#2}).",
        []))

def c_sriov_no_vfs():
    h = epyc(nvfs=0, hostname="epyc-kvm1", cmd="amd_iommu=force_isolation")
    h.cmdline = h.cmdline.replace(" amd_iommu=force_isolation", "")
    h.late = base_late(h) + i40e_boot(h) + [(5.402210, "VFIO - User Level meta-driver version: 0.3"), "vfio_pci: add [8086:154c[ffffffff:ffffffff]] class 0x000000/00000000"]
    f = {"dmesg.txt": dmesg(h, 85), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "01:00"]),
         "modprobe-vfio.conf": "# X710 VFs for the NFV guests\noptions vfio-pci ids=8086:154c\n"}
    write_case("SRIOV-NO-VFS", "fires-when-vf-passthrough-is-prepared-but-no-vfs-exist", f, md(
        "vfio-pci waits for X710 VFs that were never created",
        "epyc-kvm1, Ubuntu 24.04 (kernel 6.8.0-49-generic), EPYC 9354P on Supermicro H13SSL-N, X710-2 01:00.0/01:00.1 (i40e).",
        "vfio.conf claims the X710 VF id 8086:154c, but `sriov_numvfs` was never written (the systemd unit that did it was lost in a reinstall): both PFs show `Total VFs: 64, Number of VFs: 0`, no VF appears in dmesg or the groups. VMs referencing 01:02.x cannot start.",
        ["SRIOV-NO-VFS (warning) 0000:01:00.0 (and 0000:01:00.1): {lspci-nnvvv.txt:Number of VFs: 0}, VF device ID {lspci-nnvvv.txt:Device ID: 154c}; expected by {modprobe-vfio.conf:options vfio-pci ids=8086:154c}",
         "ADVISE-IOMMU-PT (info) host: {dmesg.txt:iommu: Default domain type: Translated}, VF ids requested for vfio-pci ({modprobe-vfio.conf:options vfio-pci ids=8086:154c}), no iommu=pt in {cmdline:BOOT_IMAGE}"]))
    return h

def c_sriov_no_vfs_quiet():
    h = epyc(nvfs=0, hostname="epyc-kvm1")
    h.late = base_late(h) + i40e_boot(h)
    f = {"dmesg.txt": dmesg(h, 86), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "01:00"])}
    write_case("SRIOV-NO-VFS", "quiet-when-sriov-capable-nic-is-not-meant-for-vfs", f, md(
        "SR-IOV capable X710 without VFs on a host that does not use them",
        "epyc-kvm1, Ubuntu 24.04 (kernel 6.8.0-49-generic), EPYC 9354P, X710-2 used as plain host NIC.",
        "lspci shows the SR-IOV capability with `Number of VFs: 0`, but nothing on the host (no vfio ids, no cmdline) prepares VF passthrough. Zero VFs is the default and correct here.",
        []))

def hp_with_vfs(iommu_on):
    h = hp_dl380g9(cmd="intel_iommu=on iommu=pt" if iommu_on else "")
    h.cmdline = h.cmdline.rstrip()
    if not iommu_on:
        h.iommu = "notenabled"
        for d in h.devs: d.group = None
    else:
        h.after_cmdline = ["DMAR: IOMMU enabled"]; h.domain = "Passthrough (set via kernel command line)"
    pf = dev(h, "04:00.0"); pf.driver = "ixgbe"
    pf.sriov = {"total": 63, "num": 8, "offset": 128, "stride": 2, "vfid": "10ed", "bar0": "0000000092b00000", "bar3": "0000000092c00000"}
    vfs = ["10.0", "10.2", "10.4", "10.6", "11.0", "11.2", "11.4", "11.6"]
    ng = max([d.group for d in h.devs if d.group is not None], default=-1)
    for i, v in enumerate(vfs):
        h.devs.append(Dev("04:" + v, "Ethernet controller", "0200", "Intel Corporation 82599 Ethernet Controller Virtual Function", "8086:10ed", "ep",
                          group=(ng + 1 + i) if iommu_on else None, rev="01", subsys="Hewlett-Packard Company Device [103c:17d3]", numa=0, driver="ixgbevf", modules="ixgbevf",
                          link=("5GT/s", 8), flr=True, msi="msix", pm=False, vf=True,
                          regions=["Region 0: Memory at 92b%05x (64-bit, prefetchable) [virtual] [size=16K]" % (i * 0x4000), "Region 3: Memory at 92c%05x (64-bit, prefetchable) [virtual] [size=16K]" % (i * 0x4000)]))
    L = [(3.112093, "hpsa 0000:03:00.0: Logical aborts not supported"), "scsi host1: HP HPSA Driver (v 3.4.20-200)",
         (3.520141, "ixgbe 0000:04:00.0: Multiqueue Enabled: Rx Queue count = 56, Tx Queue count = 56 XDP Queue count = 0"),
         "ixgbe 0000:04:00.0: 32.000 Gb/s available PCIe bandwidth (5.0 GT/s PCIe x8 link)", "ixgbe 0000:04:00.0: Intel(R) 10 Gigabit Network Connection",
         "ixgbe 0000:04:00.0 ens1f0: renamed from eth0", "ixgbe 0000:04:00.1 ens1f1: renamed from eth1",
         (21.330155, "ixgbe 0000:04:00.0 ens1f0: SR-IOV enabled with 8 VFs")]
    for i, v in enumerate(vfs):
        L.append("pci 0000:04:%s: [8086:10ed] type 00 class 0x020000" % v)
        if iommu_on: L.append("pci 0000:04:%s: Adding to iommu group %d" % (v, ng + 1 + i))
    L += ["ixgbe 0000:04:00.0: Enabling SR-IOV VF features" if False else "ixgbe 0000:04:00.0: removed PHC on ens1f0",
          (21.402331, "ixgbevf: Intel(R) 10 Gigabit PCI Express Virtual Function Network Driver"),
          "ixgbevf 0000:04:10.0: enabling device (0000 -> 0002)", "ixgbevf 0000:04:10.0: PF still in reset state.  Is the PF interface up?",
          "ixgbevf 0000:04:10.0: Assigning random MAC address", "ixgbevf 0000:04:10.0: 5a:11:3c:0e:72:01", "ixgbevf 0000:04:10.0: Intel(R) 82599 Virtual Function"]
    h.late = L
    return h

def c_sriov_no_iommu():
    h = hp_with_vfs(False)
    f = {"dmesg.txt": dmesg(h, 87), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "04:00.0", "04:10.0"])}
    write_case("SRIOV-VFS-WITHOUT-IOMMU", "fires-when-82599-vfs-exist-but-vt-d-is-not-on", f, md(
        "82599 VFs created on a host whose IOMMU is not enabled",
        "kvm-prod3, Ubuntu 22.04 (kernel 5.15.0-91-generic), HP ProLiant DL380 Gen9, 82599ES 04:00.0 with 8 VFs (ixgbevf).",
        "The VFs exist ({dmesg.txt:SR-IOV enabled with 8 VFs}, `Number of VFs: 8`) but intel_iommu=on is missing on this pre-6.8 kernel, so there are no IOMMU groups and the VFs cannot be assigned to guests safely (vfio-pci would refuse). Cross-rule: IOMMU-NOT-ENABLED also applies. Both are warnings here: the VFs run ixgbevf on the host and nothing (vfio ids, hostdevs, vfio-pci devices) sets up passthrough yet; with passthrough configured both would be errors.",
        ["SRIOV-VFS-WITHOUT-IOMMU (warning) 0000:04:00.0: {lspci-nnvvv.txt:Number of VFs: 8}, {dmesg.txt:SR-IOV enabled with 8 VFs}; no groups (iommu-groups.txt empty)",
         "IOMMU-NOT-ENABLED (warning) host: {dmesg.txt:Linux version 5.15.0-91-generic}, {dmesg.txt:ACPI: DMAR}, no intel_iommu= in {cmdline:BOOT_IMAGE}"]))

def c_sriov_no_iommu_quiet():
    h = hp_with_vfs(True)
    f = {"dmesg.txt": dmesg(h, 88), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "lspci-nnvvv.txt": lspci(h, ["00:01.1", "04:00.0", "04:10.0"])}
    write_case("SRIOV-VFS-WITHOUT-IOMMU", "quiet-when-vfs-get-their-own-groups", f, md(
        "82599 VFs with VT-d on: each VF in its own group",
        "kvm-prod3, Ubuntu 22.04 (kernel 5.15.0-91-generic), HP ProLiant DL380 Gen9, intel_iommu=on iommu=pt, 82599ES 04:00.0 with 8 VFs (ixgbevf on the host for now).",
        "Same SR-IOV setup as the firing case, but with DMA remapping enabled: every VF is added to a fresh group as it appears ({dmesg.txt:pci 0000:04:10.0: Adding to iommu group}).",
        []))

def c_advise_pt():
    h = intel_desktop()
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112) + pve_bridge_lines(9.71) + pve_vm_start(44.10, 100, ["01:00.0", "01:00.1"])
    f = {"dmesg.txt": dmesg(h, 89), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("ADVISE-IOMMU-PT", "fires-when-passthrough-host-translates-host-dma", f, md(
        "Passthrough host running host devices in translated mode",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, RTX 3060 Ti on vfio-pci for VM 100; command line is just `quiet`.",
        "Everything works. The host's own devices (NVMe, NIC) go through the IOMMU's DMA API ({dmesg.txt:iommu: Default domain type: Translated}); `iommu=pt` would identity-map host devices and save IOTLB overhead without affecting the vfio-pci devices. Informational only.",
        ["ADVISE-IOMMU-PT (info) host: {dmesg.txt:iommu: Default domain type: Translated}, vfio-pci bound ({dmesg.txt:vfio_pci: add [10de:2489}), no iommu=pt in {cmdline:BOOT_IMAGE}"]))

def c_advise_pt_quiet():
    h = intel_desktop(extra_cmd="iommu.passthrough=1")
    h.domain = "Passthrough (set via kernel command line)"
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"], t=3.902112)
    f = {"dmesg.txt": dmesg(h, 90), "cmdline": cmdline(h), "iommu-groups.txt": groups_txt(h), "modprobe-vfio.conf": vfio_conf("10de:2489,10de:228b")}
    write_case("ADVISE-IOMMU-PT", "quiet-when-passthrough-set-via-iommu-passthrough-1", f, md(
        "Identity domain requested with the iommu.passthrough=1 spelling",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), i7-13700K, RTX 3060 Ti on vfio-pci.",
        "There is no `iommu=pt` token, but `iommu.passthrough=1` is the equivalent core option and the kernel confirms {dmesg.txt:Default domain type: Passthrough (set via kernel command line)}.",
        []))

for fn in [c_mtu, c_mtu_quiet, c_mps, c_mps_quiet, lambda: c_numa(1), lambda: c_numa(0), c_kernel_old, c_kernel_ok, c_dma_map, c_dma_map_quiet,
           c_bar, c_bar_quiet, c_no_reset, c_no_reset_quiet, c_sriov_no_vfs, c_sriov_no_vfs_quiet, c_sriov_no_iommu, c_sriov_no_iommu_quiet, c_advise_pt, c_advise_pt_quiet]:
    fn()
