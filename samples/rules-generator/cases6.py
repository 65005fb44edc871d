from common import *
import cases1, cases3, datetime

def to_journal(dmesg_text, host, boot, kernlog=False):
    out = []; last = None
    for l in dmesg_text.rstrip("\n").split("\n"):
        m = re.match(r"^\[\s*(\d+\.\d+)\] (.*)$", l)
        if m:
            t = boot + datetime.timedelta(seconds=float(m.group(1)))
            stamp = t.strftime("%b %d %H:%M:%S") if not kernlog else t.strftime("%b ") + ("%2d" % t.day) + t.strftime(" %H:%M:%S")
            prefix = "%s %s kernel: " % (stamp, host)
            out.append(prefix + (("[%12.6f] " % float(m.group(1))) if kernlog else "") + m.group(2)); last = prefix
        else:
            if kernlog:  # imklog gives each line of the record its own prefix, same timestamp, no subsystem prefix
                out.append(out[-1].split(" kernel: ")[0] + " kernel: " + out[-1].split(" kernel: ")[1][:15] + l.strip())
            else:
                out.append(" " * len(last) + l.strip())
    return "\n".join(out) + "\n"

def c_rmrr_journal():
    h = intel_desktop(extra_cmd="iommu=pt", hostname="pve-lab1")
    h.domain = "Passthrough (set via kernel command line)"
    h.rmrr = [("0x0000006e800000", "0x00000072ffffff")]
    h.dmar_extra = ["DMAR: [Firmware Bug]: No firmware reserved region can cover this RMRR [0x000000006e800000-0x0000000072ffffff], contact BIOS vendor for fixes",
                    "DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x000000006e800000-0x0000000072ffffff]",
                    (None, " " * 15 + "BIOS vendor: American Megatrends Inc.; Ver: 1663; Product Version: System Product Name")]
    h.late = base_late(h, nic=igc_lines(h)) + vfio_late(h, ["10de:2489", "10de:228b"], ["01:00.0", "01:00.1"])
    d = to_journal(dmesg(h, 120), "pve-lab1", datetime.datetime(2026, 11, 24, 8, 59, 51))
    f = {"dmesg.txt": d, "cmdline": cmdline(h)}
    write_case("RMRR-BAD-FIRMWARE", "fires-when-bad-rmrr-appears-in-journalctl-k", f, md(
        "Bad RMRR seen in `journalctl -k -b` output",
        "pve-lab1, Proxmox VE 8 (kernel 6.8.12-4-pve), ASUS PRIME Z790-P BIOS 1663; the customer sent `journalctl -k -b > dmesg.txt` instead of dmesg.",
        "Same firmware bug as the dmesg case, in journalctl short format (`Nov 24 08:59:51 pve-lab1 kernel: ...`, no monotonic timestamps). journalctl indents the continuation line `BIOS vendor: ...` under the start of the message text; it belongs to the preceding record.",
        ["RMRR-BAD-FIRMWARE (warning) host: {dmesg.txt:Your BIOS is broken; bad RMRR}, {dmesg.txt:BIOS vendor: American Megatrends Inc.; Ver: 1663}"]))

def c_faults_kernlog():
    h = amd_b450(gpu_driver="nvidia", audio_driver="snd_hda_intel", hostname="ubu-ws4", release="5.15.0-91-generic", banner=UBU515)
    dev(h, "07:00.0").modules = "nvidiafb, nouveau, nvidia_drm, nvidia"
    fl = []; t = 14.220511
    for i, a in enumerate(["0xfffffff0", "0xfffffff0", "0xfffffef0", "0xfffffff0"]):
        fl.append((t, "ahci 0000:02:00.1: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000c address=%s flags=0x0020]" % a)); t += 0.00011
    h.late = [(1.312544, "ahci 0000:02:00.1: AHCI 0001.0301 32 slots 6 ports 6 Gbps 0x33 impl SATA mode"), "scsi host0: ahci",
              (1.790331, "ata1: SATA link up 6.0 Gbps (SStatus 133 SControl 300)"), (2.640015, "nvme nvme0: pci function 0000:01:00.0")] + fl + \
             [(44.881020, "ata1.00: exception Emask 0x0 SAct 0x40000 SErr 0x0 action 0x6 frozen"), "ata1: hard resetting link"]
    d = dmesg(h, 121)
    # /var/log/kern.log keeps only the tail of the boot (rotated), as rsyslog imklog lines
    lines = to_journal(d, "ubu-ws4", datetime.datetime(2026, 11, 5, 7, 41, 2), kernlog=True).split("\n")
    keep = lines[:1] + [l for l in lines if "Command line" in l or "DMI:" in l or "Kernel command line" in l] + [l for l in lines[4:] if "AMD-Vi" in l or "IVRS" in l or "iommu" in l or "ahci" in l or "ata1" in l or "nvme" in l]
    seen = set(); out = []
    for l in lines:
        if l in keep and l not in seen: out.append(l); seen.add(l)
    f = {"dmesg.txt": "\n".join(out) + "\n", "cmdline": cmdline(h)}
    write_case("DMA-FAULTS", "fires-when-kern-log-shows-io-page-faults", f, md(
        "AMD-Vi IO_PAGE_FAULTs in /var/log/kern.log (rsyslog format)",
        "ubu-ws4, Ubuntu 22.04 (kernel 5.15.0-91-generic), Ryzen 7 3700X on B450 AORUS M; the file is an excerpt of /var/log/kern.log written by rsyslog/imklog (`Nov  5 07:41:16 ubu-ws4 kernel: [   14.220...] ...`, day space-padded) filtered with `grep -E 'iommu|AMD-Vi|IVRS|ahci|ata1|nvme'` plus the boot header lines.",
        "Four IO page faults from the chipset SATA controller followed by a frozen command. The syslog wrapper (date, host, `kernel:`) must be stripped before the kernel text is classified.",
        ["DMA-FAULTS (warning) 0000:02:00.1 (ahci, 4 IO_PAGE_FAULT, domain 0x000c): first {dmesg.txt:IO_PAGE_FAULT domain=0x000c address=0xfffffff0}"]))

c_rmrr_journal(); c_faults_kernlog()
