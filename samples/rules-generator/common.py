from lib import *
from plat import *

def cmdline(h): return h.cmdline + "\n"

def md(title, host, story, findings):
    out = ["# " + title, "", "Host: " + host, "", story, "", "Expected findings (complete list for this folder):"]
    if not findings: out.append("- none")
    for f in findings: out.append("- " + f)
    return "\n".join(out) + "\n"

VFIO_CONF_PVE = """# /etc/modprobe.d/vfio.conf
options vfio-pci ids={ids} disable_vga=1
softdep nvidia pre: vfio-pci
softdep nouveau pre: vfio-pci
softdep snd_hda_intel pre: vfio-pci
"""

def vfio_conf(ids, softdep=True, extra=""):
    s = "options vfio-pci ids=%s disable_vga=1\n" % ids
    if softdep:
        s += "softdep nvidia pre: vfio-pci\nsoftdep nouveau pre: vfio-pci\nsoftdep snd_hda_intel pre: vfio-pci\n"
    return s + extra

def grub_debian(cmd, commented=None, distributor="`( . /etc/os-release; echo ${NAME:-Debian} ) 2>/dev/null || echo Debian`"):
    s = """# If you change this file, run 'update-grub' afterwards to update
# /boot/grub/grub.cfg.
# For full documentation of the options in this file, see:
#   info -f grub -n 'Simple configuration'

GRUB_DEFAULT=0
GRUB_TIMEOUT=5
GRUB_DISTRIBUTOR=%s
""" % distributor
    if commented: s += "#GRUB_CMDLINE_LINUX_DEFAULT=\"%s\"\n" % commented
    s += """GRUB_CMDLINE_LINUX_DEFAULT="%s"
GRUB_CMDLINE_LINUX=""

# If your computer has multiple operating systems installed, then you
# probably want to run os-prober. However, if your computer is a host
# for guest OSes installed via Proxmox VE, then you want to run os-prober
# only if you need it.
#GRUB_DISABLE_OS_PROBER=false

# Uncomment to enable BadRAM filtering, modify to suit your needs
#GRUB_BADRAM="0x01234567,0xfefefefe,0x89abcdef,0xefefefef"

# Uncomment to disable graphical terminal
#GRUB_TERMINAL=console

# Uncomment to disable generation of recovery mode menu entries
#GRUB_DISABLE_RECOVERY="true"
""" % cmd
    return s

def vfio_late(h, ids, bound, t=6.812004, console=True, fail=False):
    """vfio-pci module load with ids=: probe (vgaarb or failure) happens inside pci_add_dynid, before each 'add' line"""
    L = [(t, "VFIO - User Level meta-driver version: 0.3")]
    for i in ids:
        for d in sorted(h.devs, key=lambda d: d.bdf):
            if d.ids != i: continue
            if fail:
                L.append("vfio-pci: probe of 0000:%s failed with error -22" % d.bdf); continue
            if d.bdf not in bound: continue
            if d.clscode == "0300":
                if console and d.bdf == h.boot_vga: L.append("vfio-pci 0000:%s: vgaarb: deactivate vga console" % d.bdf)
                L.append("vfio-pci 0000:%s: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=none:owns=%s" % (d.bdf, "io+mem" if d.bdf == h.boot_vga else "none"))
        L.append("vfio_pci: add [%s[ffffffff:ffffffff]] class 0x000000/00000000" % i)
    return L

def base_late(h, storage="nvme", nic=None, t0=1.402113):
    L = [(t0, "nvme nvme0: pci function 0000:%s" % [d.bdf for d in h.devs if d.clscode == "0108"][0])] if storage == "nvme" else []
    if storage == "nvme":
        L += ["nvme nvme0: 16/0/0 default/read/poll queues", " nvme0n1: p1 p2 p3"]
    if storage == "ahci":
        L += [(t0, "ahci 0000:%s: AHCI 0001.0301 32 slots 6 ports 6 Gbps 0x3f impl SATA mode" % [d.bdf for d in h.devs if d.clscode == "0106"][0]),
              "scsi host0: ahci", "ata1: SATA max UDMA/133 abar m2048@0x93f00000 port 0x93f00100 irq 40"]
    if nic: L += nic
    return L

def igc_lines(h, bdf="03:00.0", ifname="enp3s0", t=1.512330):
    return [(t, "igc 0000:%s: PTM enabled, 4ns granularity" % bdf),
            "igc 0000:%s (unnamed net_device) (uninitialized): PHC added" % bdf,
            "igc 0000:%s: 4.000 Gb/s available PCIe bandwidth (5.0 GT/s PCIe x1 link)" % bdf,
            "igc 0000:%s eth0: MAC: 58:11:22:a0:3c:01" % bdf,
            "igc 0000:%s %s: renamed from eth0" % (bdf, ifname)]

def pve_bridge_lines(t, nic="enp3s0", br="vmbr0"):
    return [(t, "%s: port 1(%s) entered blocking state" % (br, nic)), "%s: port 1(%s) entered disabled state" % (br, nic),
            "igc 0000:03:00.0 %s: entered allmulticast mode" % nic, "igc 0000:03:00.0 %s: entered promiscuous mode" % nic,
            (t + 3.1, "igc 0000:03:00.0 %s: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX/TX" % nic),
            "%s: port 1(%s) entered blocking state" % (br, nic), "%s: port 1(%s) entered forwarding state" % (br, nic)]

def pve_vm_start(t, vmid, bdfs, br="vmbr0"):
    L = [(t, "tap%di0: entered promiscuous mode" % vmid),
         "%s: port 2(fwpr%dp0) entered blocking state" % (br, vmid), "%s: port 2(fwpr%dp0) entered disabled state" % (br, vmid),
         "fwpr%dp0: entered allmulticast mode" % vmid, "fwpr%dp0: entered promiscuous mode" % vmid,
         "%s: port 2(fwpr%dp0) entered blocking state" % (br, vmid), "%s: port 2(fwpr%dp0) entered forwarding state" % (br, vmid),
         "fwbr%di0: port 1(fwln%di0) entered blocking state" % (vmid, vmid), "fwbr%di0: port 1(fwln%di0) entered forwarding state" % (vmid, vmid),
         "fwbr%di0: port 2(tap%di0) entered blocking state" % (vmid, vmid), "fwbr%di0: port 2(tap%di0) entered forwarding state" % (vmid, vmid)]
    for b in bdfs:
        L.append((t + 0.9, "vfio-pci 0000:%s: enabling device (0000 -> %s)" % (b, "0003" if b.endswith(".0") else "0002")))
    L.append((t + 1.2, "vfio-pci 0000:%s: resetting" % bdfs[0]))
    L.append((t + 1.31, "vfio-pci 0000:%s: reset done" % bdfs[0]))
    return L

def libvirt_log(vm, t_start, libvirt, qemu, kernel, hostname, devices, machine="pc-q35-7.2", mem_mb=16384, smp=8,
                hugepages=None, errors=None, extra_args=None, shutdown=True, uuid="5c1f3b2a-8d0e-4c77-9a1e-2f6d3c4b5a69", domid=3, tail=None, membackend=None, home=None):
    """devices: list of (bdf, id, bus). errors: list of lines after startup (already timestamped text)."""
    date, time = t_start
    L = ["%s %s.118+0000: starting up libvirt version: %s, qemu version: %s, kernel: %s, hostname: %s" % (date, time, libvirt, qemu, kernel, hostname),
         "LC_ALL=C \\", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\",
         "HOME=/var/lib/libvirt/qemu/domain-%d-%s \\" % (domid, vm),
         "XDG_DATA_HOME=/var/lib/libvirt/qemu/domain-%d-%s/.local/share \\" % (domid, vm),
         "XDG_CACHE_HOME=/var/lib/libvirt/qemu/domain-%d-%s/.cache \\" % (domid, vm),
         "XDG_CONFIG_HOME=/var/lib/libvirt/qemu/domain-%d-%s/.config \\" % (domid, vm),
         "/usr/bin/qemu-system-x86_64 \\", "-name guest=%s,debug-threads=on \\" % vm, "-S \\",
         "-object '{\"qom-type\":\"secret\",\"id\":\"masterKey0\",\"format\":\"raw\",\"file\":\"/var/lib/libvirt/qemu/domain-%d-%s/master-key.aes\"}' \\" % (domid, vm),
         "-blockdev '{\"driver\":\"file\",\"filename\":\"/usr/share/OVMF/OVMF_CODE_4M.ms.fd\",\"node-name\":\"libvirt-pflash0-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}' \\",
         "-machine %s,usb=off,vmport=off,smm=on,dump-guest-core=off,memory-backend=pc.ram,hpet=off,acpi=on \\" % machine,
         "-accel kvm \\", "-cpu host,migratable=on,hv-time=on,hv-relaxed=on,hv-vapic=on,hv-spinlocks=0x1fff \\",
         "-m size=%dk \\" % (mem_mb * 1024)]
    if membackend:
        L += [m + " \\" for m in membackend]
    elif hugepages:
        L.append("-object '{\"qom-type\":\"memory-backend-file\",\"id\":\"pc.ram\",\"mem-path\":\"%s\",\"x-use-canonical-path-for-ramblock-id\":false,\"prealloc\":true,\"size\":%d}' \\" % (hugepages, mem_mb * 1048576))
    else:
        L.append("-object '{\"qom-type\":\"memory-backend-ram\",\"id\":\"pc.ram\",\"size\":%d}' \\" % (mem_mb * 1048576))
    L += ["-overcommit mem-lock=off \\", "-smp %d,sockets=1,dies=1,cores=%d,threads=1 \\" % (smp, smp)]
    for a in (extra_args or []): L.append(a + " \\")
    L += ["-uuid %s \\" % uuid, "-no-user-config \\", "-nodefaults \\",
          "-chardev socket,id=charmonitor,fd=31,server=on,wait=off \\", "-mon chardev=charmonitor,id=monitor,mode=control \\",
          "-rtc base=localtime,driftfix=slew \\", "-global kvm-pit.lost_tick_policy=delay \\", "-no-shutdown \\",
          "-global ICH9-LPC.disable_s3=1 \\", "-global ICH9-LPC.disable_s4=1 \\", "-boot strict=on \\",
          "-device '{\"driver\":\"pcie-root-port\",\"port\":16,\"chassis\":1,\"id\":\"pci.1\",\"bus\":\"pcie.0\",\"multifunction\":true,\"addr\":\"0x2\"}' \\",
          "-blockdev '{\"driver\":\"file\",\"filename\":\"/var/lib/libvirt/images/%s.qcow2\",\"node-name\":\"libvirt-1-storage\",\"auto-read-only\":true,\"discard\":\"unmap\"}' \\" % vm,
          "-netdev '{\"type\":\"tap\",\"fd\":\"33\",\"vhost\":true,\"vhostfd\":\"35\",\"id\":\"hostnet0\"}' \\",
          "-device '{\"driver\":\"virtio-net-pci\",\"netdev\":\"hostnet0\",\"id\":\"net0\",\"mac\":\"52:54:00:3a:7c:11\",\"bus\":\"pci.1\",\"addr\":\"0x0\"}' \\"]
    for bdf, did, bus in devices:
        L.append("-device '{\"driver\":\"vfio-pci\",\"host\":\"0000:%s\",\"id\":\"%s\",\"bus\":\"%s\",\"addr\":\"0x0\"}' \\" % (bdf, did, bus))
    L += ["-sandbox on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny \\", "-msg timestamp=on",
          "char device redirected to /dev/pts/3 (label charserial0)"]
    for e in (errors or []): L.append(e)
    if tail: L += tail
    out = "\n".join(L) + "\n"
    if home: out = out.replace("/var/lib/libvirt/qemu/domain-", home + "/domain-")
    return out
