# Generator library for iommu-doctor rule samples (not part of the repo).
import os, random, re, hashlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules")

def kver(rel):
    m = re.match(r"(\d+)\.(\d+)", rel)
    return (int(m.group(1)), int(m.group(2)))

class Dev:
    def __init__(self, bdf, cls, clscode, name, ids, kind, group=None, driver=None, modules=None,
                 rev=None, progif=None, subsys=None, numa=None, mps_cap=256, mps_ctl=256, mrrs=512,
                 flr=None, acs=None, sriov=None, regions=None, irq=None, bus=None, link=("8GT/s", 4),
                 pm=True, msi="msi", rom=None, extra=None, sec_ports=None, typename=None, ari=False, vf=False):
        self.__dict__.update(locals()); del self.__dict__["self"]
        self.vid, self.did = ids.split(":")

class Host:
    def __init__(self, **kw):
        self.hostname = "pve-lab1"; self.vendor = "intel"; self.release = "6.8.12-4-pve"
        self.banner = None; self.dmi = ""; self.cpu = ""; self.cmdline = ""
        self.iommu = "on"          # on | off | absent | notenabled
        self.iommu_msg = None      # 'enabled' prints DMAR: IOMMU enabled, 'disabled' prints DMAR: IOMMU disabled
        self.domain = "Translated" # or "Passthrough (set via kernel command line)"
        self.ir = "x2apic"         # x2apic | xapic | optout | none | erratum
        self.hypervisor = None
        self.devs = []
        self.nodes = 1; self.ncpu = 24; self.memk = 65762432
        self.hp1g = 0; self.hp2m = 0
        self.early = []; self.after_cmdline = []; self.dmar_extra = []; self.pci_extra = []
        self.late = []             # list of (ts, text) or text
        self.before_init = []      # builtin driver lines printed before /init
        self.acpi_oem = ("ALASKA", "A M I ")
        self.pciutils = "3.9"
        self.boot_vga = None
        self.rmrr = [("0x0000007b800000", "0x0000007fffffff")]
        self.drhd = 2
        self.efi = True
        self.dmar_oem = "INTEL  EDK2    "
        self.swiotlb = None
        self.__dict__.update(kw)
    def kv(self): return kver(self.release)

class Clock:
    def __init__(self, seed):
        self.r = random.Random(seed); self.t = 0.0
    def at(self, t):
        self.t = max(self.t + self.r.uniform(0.000002, 0.00002), t + self.r.uniform(0.000001, 0.0004)); return self.t
    def step(self, lo=0.000002, hi=0.00004):
        self.t += self.r.uniform(lo, hi); return self.t

def ts(t): return "[%12.6f] " % t

def fmt_lines(entries):
    out = []
    for t, text in entries:
        if t is None: out.append(text)
        else: out.append(ts(t) + text)
    return out

def pci_type_str(d):
    return {"root": "PCIe Root Port", "legacy": "PCIe Legacy Endpoint", "ep": "PCIe Endpoint",
            "rciep": "PCIe Root Complex Integrated Endpoint", "conv": "conventional PCI endpoint",
            "down": "PCIe Switch Downstream Port", "up": "PCIe Switch Upstream Port",
            "convbridge": "conventional PCI bridge"}[d.kind]

def hdr_type(d): return "01" if d.kind in ("root", "down", "up", "convbridge") else "00"

def dmesg(h, seed=1):
    c = Clock(seed); E = []
    def e(text, t=None, lo=0.000002, hi=0.00004):
        E.append((c.step(lo, hi) if t is None else c.at(t), text))
    def z(text): E.append((0.0, text))
    intel = h.vendor == "intel"; kv = h.kv()
    z("Linux version " + h.release + " " + h.banner)
    z("Command line: " + h.cmdline)
    for l in ["KERNEL supported cpus:", "  Intel GenuineIntel", "  AMD AuthenticAMD", "  Hygon HygonGenuine",
              "  Centaur CentaurHauls", "  zhaoxin   Shanghai  "]:
        z(l)
    z("x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'")
    z("x86/fpu: Supporting XSAVE feature 0x002: 'SSE registers'")
    z("x86/fpu: Supporting XSAVE feature 0x004: 'AVX registers'")
    z("x86/fpu: Enabled xstate features 0x207, context size is 840 bytes, using 'compacted' format.")
    z("BIOS-provided physical RAM map:")
    top = 0x100000000 + h.memk * 1024 - 0x80000000
    for a, b, k in [(0, 0x9efff, "usable"), (0x9f000, 0xfffff, "reserved"), (0x100000, 0x6c7a1fff, "usable"),
                    (0x6c7a2000, 0x6e2a1fff, "reserved"), (0x6e2a2000, 0x6e3f9fff, "ACPI data"),
                    (0x6e3fa000, 0x6f0fffff, "ACPI NVS"), (0x6f100000, 0x7fffffff, "reserved"),
                    (0xe0000000, 0xefffffff, "reserved"), (0xfe000000, 0xfe010fff, "reserved"),
                    (0x100000000, top - 1, "usable")]:
        z("BIOS-e820: [mem 0x%016x-0x%016x] %s" % (a, b, k))
    for l in h.early: z(l)
    z("NX (Execute Disable) protection: active")
    if h.hypervisor:
        z("SMBIOS 3.0.0 present.")
    elif not h.efi:
        z("SMBIOS 2.6 present.")
    else:
        z("efi: EFI v2.8 by American Megatrends")
        z("efi: ACPI=0x6e3f9000 ACPI 2.0=0x6e3f9014 SMBIOS=0x6eea9000 SMBIOS 3.0=0x6eea8000 MEMATTR=0x66d4e018 ")
        z("SMBIOS 3.5.0 present.")
    z("DMI: " + h.dmi)
    if h.hypervisor:
        z("Hypervisor detected: " + h.hypervisor)
        z("kvm-clock: Using msrs 4b564d01 and 4b564d00")
    z("tsc: Detected %s MHz processor" % ("3417.600" if intel else "3700.012"))
    z("e820: update [mem 0x00000000-0x00000fff] usable ==> reserved")
    z("e820: remove [mem 0x000a0000-0x000fffff] usable")
    z("x86/PAT: Configuration [0-7]: WB  WC  UC- UC  WB  WP  UC- WT  ")
    E.append((c.at(0.004113), "ACPI: Early table checksum verification disabled"))
    oem, creator = h.acpi_oem
    e("ACPI: RSDP 0x00000000000F05B0 000024 (v02 %-6s)" % oem)
    e("ACPI: XSDT 0x000000006E3F8728 0000EC (v01 %-6s %-8s 01072009 AMI  01000013)" % (oem, creator))
    e("ACPI: FACP 0x000000006E3E3000 000114 (v06 %-6s %-8s 01072009 AMI  01000013)" % (oem, creator))
    e("ACPI: DSDT 0x000000006E38D000 055D5A (v02 %-6s %-8s 01072009 INTL 20200717)" % (oem, creator))
    e("ACPI: FACS 0x000000006F0C8000 000040")
    e("ACPI: MCFG 0x000000006E3E1000 00003C (v01 %-6s %-8s 01072009 MSFT 00000097)" % (oem, creator))
    e("ACPI: APIC 0x000000006E3E2000 0001DC (v05 %-6s %-8s 01072009 AMI  00010013)" % (oem, creator))
    e("ACPI: HPET 0x000000006E3E0000 000038 (v01 %-6s %-8s 01072009 AMI  01000013)" % (oem, creator))
    if h.iommu != "absent" and not h.hypervisor:
        if intel:
            e("ACPI: DMAR 0x000000006E3D7000 000088 (v01 %s 00000002      01000013)" % h.dmar_oem)
        else:
            e("ACPI: IVRS 0x000000006E3D7000 0000D0 (v02 AMD    AmdTable 00000001 AMD  00000001)")
    e("ACPI: SSDT 0x000000006E3D8000 0027A6 (v02 %-6s %-8s 00003000 INTL 20200717)" % (oem, "CpuSsdt"))
    e("ACPI: Reserving FACP table memory at [mem 0x6e3e3000-0x6e3e3113]")
    e("ACPI: Reserving DSDT table memory at [mem 0x6e38d000-0x6e3e2d59]")
    if h.iommu != "absent" and not h.hypervisor:
        e("ACPI: Reserving %s table memory at [mem 0x6e3d7000-0x6e3d7%s]" % (("DMAR", "087") if intel else ("IVRS", "0cf")))
    if h.nodes > 1:
        e("SRAT: PXM 0 -> APIC 0x00 -> Node 0")
        e("SRAT: PXM 1 -> APIC 0x40 -> Node 1")
        e("ACPI: SRAT: Node 0 PXM 0 [mem 0x00000000-0x107fffffff]")
        e("ACPI: SRAT: Node 1 PXM 1 [mem 0x1080000000-0x207fffffff]")
        e("NUMA: Initialized distance table, cnt=2")
        e("NODE_DATA(0) allocated [mem 0x107ffd5000-0x107fffffff]")
        e("NODE_DATA(1) allocated [mem 0x207ffd4000-0x207fffefff]")
    else:
        e("No NUMA configuration found")
        e("Faking a node at [mem 0x0000000000000000-0x%016x]" % (top - 1))
    e("Zone ranges:")
    e("  DMA      [mem 0x0000000000001000-0x0000000000ffffff]")
    e("  DMA32    [mem 0x0000000001000000-0x00000000ffffffff]")
    e("  Normal   [mem 0x0000000100000000-0x%016x]" % (top - 1))
    e("ACPI: PM-Timer IO Port: 0x1808" if intel else "ACPI: PM-Timer IO Port: 0x808")
    e("IOAPIC[0]: apic_id 2, version 32, address 0xfec00000, GSI 0-119" if intel else "IOAPIC[0]: apic_id 33, version 33, address 0xfec00000, GSI 0-23")
    e("smpboot: Allowing %d CPUs, 0 hotplug CPUs" % h.ncpu)
    e("Booting paravirtualized kernel on " + ("KVM" if h.hypervisor else "bare hardware"))
    e("setup_percpu: NR_CPUS:8192 nr_cpumask_bits:%d nr_cpu_ids:%d nr_node_ids:%d" % (h.ncpu, h.ncpu, h.nodes))
    E.append((c.at(0.061202), "Kernel command line: " + h.cmdline))
    for l in h.after_cmdline: e(l)
    unknown = [p for p in h.cmdline.split() if p.startswith("BOOT_IMAGE=")]
    if kv >= (5, 14) and unknown:
        e('Unknown kernel command line parameters "%s", will be passed to user space.' % " ".join(unknown))
    e("Memory: %dK/%dK available (20480K kernel code, 3637K rwdata, 13300K rodata, 4740K init, 18916K bss, %dK reserved, 0K cma-reserved)"
      % (h.memk - 812000, h.memk + 300000, 1112000), t=0.118000)
    e("SLUB: HWalign=64, Order=0-3, MinObjects=0, CPUs=%d, Nodes=%d" % (h.ncpu, h.nodes))
    e("rcu: Preemptible hierarchical RCU implementation.")
    e("NR_IRQS: 524544, nr_irqs: 2216, preallocated irqs: 16")
    e("Console: colour dummy device 80x25")
    e(("printk: legacy console [tty0] enabled" if kv >= (6, 7) else "printk: console [tty0] enabled"))
    e("ACPI: Core revision 20230628", t=0.124105)
    ir_on = False
    if intel and h.iommu != "absent" and not h.hypervisor:
        e("DMAR: Host address width 39", t=0.128311)
        base = ["fed90000", "fed91000"][:h.drhd]
        caps = [("1c0000c40660462", "29a00f0505e"), ("d2008c40660462", "f050da")]
        for i, b in enumerate(base):
            e("DMAR: DRHD base: 0x000000%s flags: 0x%d" % (b, 1 if i == len(base) - 1 else 0))
            e("DMAR: dmar%d: reg_base_addr %s ver %s cap %s ecap %s" % (i, b, "4:0" if i == 0 and h.drhd > 1 else "1:0", caps[i][0], caps[i][1]))
        for a, b in h.rmrr:
            e("DMAR: RMRR base: %s end: %s" % (a, b))
        for l in h.dmar_extra:
            if isinstance(l, tuple): E.append((E[-1][0], l[1]) if l[0] == "same" else (None, l[1]))
            else: e(l)
        if h.ir != "none":
            e("DMAR-IR: IOAPIC id 2 under DRHD base  0x%s IOMMU %d" % (base[-1], len(base) - 1))
            e("DMAR-IR: HPET id 0 under DRHD base 0x%s" % base[-1])
        if h.ir == "x2apic":
            e("DMAR-IR: Queued invalidation will be enabled to support x2apic and Intr-remapping.")
            e("DMAR-IR: Enabled IRQ remapping in x2apic mode", lo=0.0012, hi=0.0016); ir_on = True
            e("x2apic enabled")
            e("APIC: Switched APIC routing to: cluster x2apic" if kv >= (6, 8) else "Switched APIC routing to cluster x2apic.")
        elif h.ir == "optout":
            e("DMAR-IR: x2apic is disabled because BIOS sets x2apic opt out bit.")
            e("DMAR-IR: Use 'intremap=no_x2apic_optout' to override the BIOS setting.")
            e("DMAR-IR: Enabled IRQ remapping in xapic mode", lo=0.0012, hi=0.0016); ir_on = True
            e("x2apic: IRQ remapping doesn't support X2APIC mode")
        elif h.ir == "erratum":
            e("DMAR-IR: This system BIOS has enabled interrupt remapping")
            for l in ["on a chipset that contains an erratum making that", "feature unstable.  To maintain system stability",
                      "interrupt remapping is being disabled.  Please", "contact your BIOS vendor for an update"]:
                E.append((None, " " * 15 + l))
            e("x2apic: IRQ remapping doesn't support X2APIC mode")
        elif h.ir in ("none", "off"):
            e("x2apic: IRQ remapping doesn't support X2APIC mode")
        if h.ir in ("none", "off", "erratum"):
            e("APIC: Switched APIC routing to: physical flat" if kv >= (6, 8) else "Switched APIC routing to physical flat.")
    elif not intel and h.iommu not in ("absent", "off") and not h.hypervisor:
        e("APIC: Switch to symmetric I/O mode setup", t=0.125301)
        e("AMD-Vi: Using global IVHD EFR:0x246577efa2254afa, EFR2:0x0" if kv >= (6, 5) else "AMD-Vi: ivrs, add hid:AMDI0020, uid:\\_SB.FUR0, rdevid:160")
        e("APIC: Switched APIC routing to: physical flat" if kv >= (6, 8) else "Switched APIC routing to physical flat.")
    else:
        e("x2apic: IRQ remapping doesn't support X2APIC mode" if not h.hypervisor else "x2apic enabled")
        e("APIC: Switched APIC routing to: physical flat" if kv >= (6, 8) else "Switched APIC routing to physical flat.")
    e("..TIMER: vector=0x30 apic1=0 pin1=2 apic2=-1 pin2=-1", lo=0.0004, hi=0.0009)
    e("clocksource: tsc-early: mask: 0xffffffffffffffff max_cycles: 0x3144f9a5a2e, max_idle_ns: 440795331548 ns", lo=0.004, hi=0.006)
    e("Calibrating delay loop (skipped), value calculated using timer frequency.. %s BogoMIPS (lpj=%d)" % (("6835.20", 3417600) if intel else ("7400.02", 3700012)))
    e("smpboot: CPU0: " + h.cpu, t=0.262110)
    e("smp: Brought up %d node%s, %d CPUs" % (h.nodes, "s" if h.nodes > 1 else "", h.ncpu), lo=0.05, hi=0.09)
    e("devtmpfs: initialized", lo=0.002, hi=0.004)
    e("PCI: ECAM [mem 0xe0000000-0xefffffff] (base 0xe0000000) for domain 0000 [bus 00-ff]" if kv >= (6, 8) else "PCI: MMCONFIG for domain 0000 [bus 00-ff] at [mem 0xe0000000-0xefffffff] (base 0xe0000000)", lo=0.02, hi=0.03)
    e("PCI: Using configuration type 1 for base access")
    if kv >= (6, 0):
        e("HugeTLB: registered 1.00 GiB page size, pre-allocated %d pages" % h.hp1g, lo=0.004, hi=0.006)
        e("HugeTLB: 16380 KiB vmemmap can be freed for a 1.00 GiB page", lo=0, hi=0.000001)
        e("HugeTLB: registered 2.00 MiB page size, pre-allocated %d pages" % h.hp2m, lo=0, hi=0.000001)
        e("HugeTLB: 28 KiB vmemmap can be freed for a 2.00 MiB page", lo=0, hi=0.000001)
    else:
        e("HugeTLB registered 1.00 GiB page size, pre-allocated %d pages" % h.hp1g, lo=0.004, hi=0.006)
        e("HugeTLB registered 2.00 MiB page size, pre-allocated %d pages" % h.hp2m, lo=0, hi=0.000001)
    e("ACPI: Interpreter enabled", lo=0.01, hi=0.02)
    e('PCI: Using host bridge windows from ACPI; if necessary, use "pci=nocrs" and report a bug', lo=0.001, hi=0.002)
    multi_root = any(d.bdf[:2] >= "10" and not any(x.bus and x.bus[1] <= d.bdf[:2] <= x.bus[2] for x in h.devs) for d in h.devs if not d.vf)
    e(("ACPI: PCI Root Bridge [PC00] (domain 0000 [bus 00-%s])" % ("16" if multi_root else "fe")) if intel else "ACPI: PCI Root Bridge [PCI0] (domain 0000 [bus 00-ff])", lo=0.01, hi=0.02)
    # depth-first like pci_scan_child_bus(): a bus's devices, then each bridge's subtree, then "PCI bridge to"
    devs = [d for d in h.devs if not d.vf]
    secondaries = {d.bus[1] for d in devs if d.bus}
    def scan(bus):
        here = sorted([d for d in devs if d.bdf[:2] == bus], key=lambda d: d.bdf)
        for d in here:
            suffix = (" " + pci_type_str(d)) if kv >= (6, 8) else ""
            e("pci 0000:%s: [%s:%s] type %s class 0x%s%s" % (d.bdf, d.vid, d.did, hdr_type(d), d.clscode + (d.progif[0] if d.progif else "00"), suffix), lo=0.0001, hi=0.0004)
        for d in here:
            if d.bus:
                scan(d.bus[1])
                e("pci 0000:%s: PCI bridge to [bus %s]" % (d.bdf, d.bus[1] if d.bus[1] == d.bus[2] else d.bus[1] + "-" + d.bus[2]))
    for root in sorted({d.bdf[:2] for d in devs} - secondaries):
        if root != "00": e("ACPI: PCI Root Bridge [PC%02X] (domain 0000 [bus %s-%02x])" % (int(root, 16) // 16, root, min(int(root, 16) + 0x1f, 0xff)), lo=0.01, hi=0.02)
        scan(root)
    for l in h.pci_extra: e(l)
    vgas = [d for d in h.devs if d.clscode == "0300"]
    for d in vgas:
        if d.bdf == (h.boot_vga or vgas[0].bdf):
            e("pci 0000:%s: vgaarb: setting as boot VGA device" % d.bdf)
        e("pci 0000:%s: vgaarb: VGA device added: decodes=io+mem,owns=%s,locks=none" % (d.bdf, "io+mem" if d.bdf == (h.boot_vga or vgas[0].bdf) else "none"))
    if vgas:
        e("vgaarb: loaded")
    e("SCSI subsystem initialized", lo=0.001, hi=0.002)
    if kv >= (5, 2) and not (h.hypervisor and h.iommu == "absent" and False):
        e("iommu: Default domain type: " + h.domain, lo=0.0005, hi=0.001)
        if not h.domain.startswith("Passthrough") and kv >= (5, 15):
            e("iommu: DMA domain TLB invalidation policy: lazy mode")
    e("PCI: Using ACPI for IRQ routing", lo=0.001, hi=0.002)
    e("clocksource: Switched to clocksource tsc-early", lo=0.03, hi=0.05)
    e("pnp: PnP ACPI: found 6 devices", lo=0.01, hi=0.02)
    e("NET: Registered PF_INET protocol family", lo=0.002, hi=0.004)
    e("PCI: CLS 64 bytes, default 64", lo=0.005, hi=0.01)
    groups_on = h.iommu == "on"
    def group_lines():
        for d in sorted(h.devs, key=lambda d: d.bdf):
            if d.group is None or d.vf: continue
            if kv >= (5, 0): e("pci 0000:%s: Adding to iommu group %d" % (d.bdf, d.group), lo=0.000005, hi=0.00003)
            else: e("iommu: Adding device 0000:%s to group %d" % (d.bdf, d.group), lo=0.000005, hi=0.00003)
    if intel and groups_on:
        e("DMAR: No ATSR found"); e("DMAR: No SATC found") if kv >= (5, 14) else None
        for i in range(h.drhd): e("DMAR: dmar%d: Using Queued invalidation" % i)
        group_lines()
        e("DMAR: Intel(R) Virtualization Technology for Directed I/O")
    elif not intel and groups_on:
        e("pci 0000:00:00.2: AMD-Vi: IOMMU performance counters supported")
        group_lines()
        if kv < (6, 5): e("pci 0000:00:00.2: AMD-Vi: Found IOMMU cap 0x40")
        e("AMD-Vi: Extended features (0x246577efa2254afa, 0x0): PPR NX GT [5] IA GA PC GA_vAPIC")
        if h.ir != "none":
            e("AMD-Vi: Interrupt remapping enabled"); ir_on = True
            if h.ir == "x2apic": e("AMD-Vi: X2APIC enabled")
        else:
            e("AMD-Vi: Disabling interrupt remapping")
        e("PCI-DMA: Using software bounce buffering for IO (SWIOTLB)")
        e("software IO TLB: mapped [mem 0x0000000064a1a000-0x0000000068a1a000] (64MB)")
        e("AMD-Vi: Virtual APIC enabled", lo=0.1, hi=0.2)
        e("perf/amd_iommu: Detected AMD IOMMU #0 (2 banks, 4 counters/bank).")
    else:
        e("PCI-DMA: Using software bounce buffering for IO (SWIOTLB)")
        e("software IO TLB: mapped [mem 0x0000000064a1a000-0x0000000068a1a000] (64MB)")
    e("Initialise system trusted keyrings", lo=0.01, hi=0.02)
    for l in h.before_init: e(l, lo=0.002, hi=0.02)
    e("Freeing unused kernel image (initmem) memory: 4740K", lo=0.4, hi=0.6)
    e("Write protecting the kernel read-only data: 34816k")
    e("Run /init as init process", lo=0.002, hi=0.004)
    for item in h.late:
        if isinstance(item, tuple):
            if item[0] is None: E.append((None, item[1]))
            else: E.append((c.at(item[0]), item[1]))
        else: e(item, lo=0.00001, hi=0.0006)
    return "\n".join(fmt_lines(E)) + "\n"

# ---------------- lspci -nnvvv -k ----------------
def lspci(h, only=None):
    out = []
    new = tuple(int(x) for x in h.pciutils.split(".")) >= (3, 11)
    for d in sorted(h.devs, key=lambda d: d.bdf):
        if only is not None and not any(d.bdf.startswith(o) for o in only): continue
        rev = " (rev %s)" % d.rev if d.rev else ""
        pi = " (prog-if %s [%s])" % d.progif if d.progif else ""
        out.append("%s %s [%s]: %s [%s]%s%s" % (d.bdf, d.cls, d.clscode, d.name, d.ids, rev, pi))
        T = "\t"
        if d.subsys: out.append(T + "Subsystem: " + d.subsys)
        bridge = d.kind in ("root", "down", "up", "convbridge")
        out.append(T + "Control: I/O%s Mem+ BusMaster%s SpecCycle- MemWINV- VGASnoop- ParErr- Stepping- SERR- FastB2B- DisINTx%s"
                   % ("+" if (bridge or d.clscode in ("0300", "0106", "0601")) else "-", "+" if d.driver or bridge else "-", "+" if d.msi else "-"))
        out.append(T + "Status: Cap%s 66MHz- UDF- FastB2B- ParErr- DEVSEL=fast >TAbort- <TAbort- <MAbort- >SERR- <PERR- INTx-" % ("+" if d.pm else "-"))
        if d.driver or bridge: out.append(T + "Latency: 0" + (", Cache Line Size: 64 bytes" if d.kind != "conv" else ""))
        if d.irq: out.append(T + "Interrupt: pin %s routed to IRQ %d" % d.irq)
        if d.numa is not None: out.append(T + "NUMA node: %d" % d.numa)
        if d.group is not None: out.append(T + "IOMMU group: %d" % d.group)
        if bridge and d.bus:
            out.append(T + "Bus: primary=%s, secondary=%s, subordinate=%s, sec-latency=0" % d.bus)
            for l in (d.regions or []): out.append(T + l)
            out.append(T + "Secondary status: 66MHz- FastB2B- ParErr- DEVSEL=fast >TAbort- <TAbort- <MAbort- <SERR- <PERR-")
            out.append(T + "BridgeCtl: Parity- SERR+ NoISA- VGA%s VGA16+ MAbort- >Reset- FastB2B-" % ("+" if any(x.clscode == "0300" and x.bdf.startswith(d.bus[1] + ":") for x in h.devs) else "-"))
            out.append(T + T + "PriDiscTmr- SecDiscTmr- DiscTmrStat- DiscTmrSERREn-")
        else:
            for l in (d.regions or []): out.append(T + l)
        if d.rom: out.append(T + d.rom)
        if d.pm:
            out.append(T + "Capabilities: [%s] Power Management version 3" % ("60" if d.kind != "legacy" else "60"))
            out.append(T + T + "Flags: PMEClk- DSI- D1- D2- AuxCurrent=0mA PME(D0%s,D1-,D2-,D3hot%s,D3cold%s)" % (("+", "+", "+") if bridge or d.kind == "rciep" else ("-", "-", "-")))
            out.append(T + T + "Status: D0 NoSoftRst+ PME-Enable- DSel=0 DScale=0 PME-")
        if d.msi == "msi":
            out.append(T + "Capabilities: [68] MSI: Enable%s Count=1/1 Maskable- 64bit+" % ("+" if d.driver else "-"))
            out.append(T + T + "Address: %s  Data: 0000" % ("00000000fee00538" if d.driver else "0000000000000000"))
        elif d.msi == "msix":
            out.append(T + "Capabilities: [b0] MSI-X: Enable%s Count=%d Masked-" % ("+" if d.driver else "-", 64 if d.clscode == "0200" else 9))
            out.append(T + T + "Vector table: BAR=%d offset=00003000" % (3 if d.clscode == "0200" else 0))
            out.append(T + T + "PBA: BAR=%d offset=00002000" % (3 if d.clscode == "0200" else 0))
        if d.kind != "conv":
            typ = {"root": "Root Port (Slot+)", "legacy": "Legacy Endpoint", "ep": "Endpoint", "rciep": "Root Complex Integrated Endpoint",
                   "down": "Downstream Port (Slot+)", "up": "Upstream Port"}.get(d.kind, "Endpoint")
            out.append(T + "Capabilities: [78] Express (v2) %s, %s" % (typ, "IntMsgNum 0" if new else "MSI 00"))
            lat = ", Latency L0s unlimited, L1 <64us" if d.kind in ("ep", "legacy", "rciep") else ""
            out.append(T + T + "DevCap:\tMaxPayload %d bytes, PhantFunc 0%s" % (d.mps_cap, lat))
            flr = ""
            if d.flr is not None: flr = " FLReset%s" % ("+" if d.flr else "-")
            if d.kind in ("ep", "legacy", "rciep"):
                out.append(T + T + T + "ExtTag+ AttnBtn- AttnInd- PwrInd- RBE+%s SlotPowerLimit %s%s" % (flr, "75W" if d.kind == "legacy" else "25W", " TEE-IO-" if new else ""))
            else:
                out.append(T + T + T + "ExtTag- RBE+%s" % (" TEE-IO-" if new else ""))
            out.append(T + T + "DevCtl:\tCorrErr- NonFatalErr- FatalErr- UnsupReq-")
            out.append(T + T + T + "RlxdOrd+ ExtTag+ PhantFunc- AuxPwr- NoSnoop+%s" % (" FLReset-" if d.flr else ""))
            out.append(T + T + T + "MaxPayload %d bytes, MaxReadReq %d bytes" % (d.mps_ctl, d.mrrs))
            out.append(T + T + "DevSta:\tCorrErr- NonFatalErr- FatalErr- UnsupReq- AuxPwr- TransPend-")
            if d.kind != "rciep":
                sp, w = d.link
                out.append(T + T + "LnkCap:\tPort #%d, Speed %s, Width x%d, ASPM L1, Exit Latency L1 <8us" % (0 if d.kind in ("ep", "legacy") else 1, sp, w))
                out.append(T + T + T + "ClockPM%s Surprise- LLActRep%s BwNot%s ASPMOptComp+" % ("+" if d.kind in ("ep", "legacy") else "-", "-" if d.kind in ("ep", "legacy") else "+", "-" if d.kind in ("ep", "legacy") else "+"))
                out.append(T + T + "LnkCtl:\tASPM Disabled; RCB 64 bytes, %s- CommClk+" % ("LnkDisable" if new else "Disabled"))
                out.append(T + T + T + "ExtSynch- ClockPM- AutWidDis- BWInt- AutBWInt-%s" % (" FltModeDis-" if new else ""))
                out.append(T + T + "LnkSta:\tSpeed %s, Width x%d" % (sp, w))
                out.append(T + T + T + "TrErr- Train- SlotClk+ DLActive%s BWMgmt- ABWMgmt-" % ("+" if d.kind in ("root", "down") else "-"))
        if d.kind in ("root", "down", "up"):
            out.append(T + "Capabilities: [100 v1] Advanced Error Reporting")
            out.append(T + T + "UESta:\tDLP- SDES- TLP- FCP- CmpltTO- CmpltAbrt- UnxCmplt- RxOF- MalfTLP- ECRC- UnsupReq- ACSViol-")
            out.append(T + T + "CESta:\tRxErr- BadTLP- BadDLLP- Rollover- Timeout- AdvNonFatalErr-")
        if d.ari:
            out.append(T + "Capabilities: [150 v1] Alternative Routing-ID Interpretation (ARI)")
            out.append(T + T + "ARICap:\tMFVC- ACS-, Next Function: %d" % (1 if d.bdf.endswith(".0") else 0))
            out.append(T + T + "ARICtl:\tMFVC- ACS-, Function Group: 0")
        if d.acs:
            out.append(T + "Capabilities: [220 v1] Access Control Services")
            out.append(T + T + "ACSCap:\t" + d.acs[0])
            out.append(T + T + "ACSCtl:\t" + d.acs[1])
        if d.sriov:
            s = d.sriov
            out.append(T + "Capabilities: [160 v1] Single Root I/O Virtualization (SR-IOV)")
            out.append(T + T + ("IOVCap:\tMigration- 10BitTagReq- IntMsgNum 0" if new else "IOVCap:\tMigration- 10BitTagReq- Interrupt Message Number: 000"))
            out.append(T + T + "IOVCtl:\tEnable%s Migration- Interrupt- MSE%s ARIHierarchy%s 10BitTagReq-" % (("+", "+", "+") if s["num"] else ("-", "-", "+" if d.bdf.endswith(".0") else "-")))
            out.append(T + T + "IOVSta:\tMigration-")
            out.append(T + T + "Initial VFs: %d, Total VFs: %d, Number of VFs: %d, Function Dependency Link: %s" % (s["total"], s["total"], s["num"], d.bdf[-1].rjust(2, "0")))
            out.append(T + T + "VF offset: %d, stride: %d, Device ID: %s" % (s["offset"], s["stride"], s["vfid"]))
            out.append(T + T + "Supported Page Size: 00000553, System Page Size: 00000001")
            out.append(T + T + "Region 0: Memory at %s (64-bit, prefetchable)" % s["bar0"])
            out.append(T + T + "Region 3: Memory at %s (64-bit, prefetchable)" % s["bar3"])
            out.append(T + T + "VF Migration: offset: 00000000, BIR: 0")
        for l in (d.extra or []): out.append(T + l)
        if d.driver: out.append(T + "Kernel driver in use: " + d.driver)
        if d.modules: out.append(T + "Kernel modules: " + d.modules)
        out.append("")
    return "\n".join(out)

def groups_txt(h, seed=3):
    r = random.Random(seed)
    gs = sorted({d.group for d in h.devs if d.group is not None})
    # sysfs readdir order is not numeric; emulate a stable shuffled order
    order = sorted(gs, key=lambda g: hashlib.md5(str(g).encode()).hexdigest())
    out = []
    for g in order:
        for d in sorted([d for d in h.devs if d.group == g], key=lambda d: d.bdf):
            out.append("/sys/kernel/iommu_groups/%d/devices/0000:%s" % (g, d.bdf))
    return "\n".join(out) + ("\n" if out else "")

def meminfo(memk, hp_total=0, hp_free=None, hpsize=2048, anon_huge=0, hugetlb_extra=0, mlocked=0):
    if hp_free is None: hp_free = hp_total
    hugetlb = hp_total * hpsize + hugetlb_extra
    free = memk - hugetlb - int(memk * 0.12)
    rows = [("MemTotal", memk), ("MemFree", free), ("MemAvailable", free + int(memk * 0.05)), ("Buffers", 412316),
            ("Cached", int(memk * 0.04)), ("SwapCached", 0), ("Active", int(memk * 0.03)), ("Inactive", int(memk * 0.05)),
            ("Active(anon)", int(memk * 0.01)), ("Inactive(anon)", int(memk * 0.02)), ("Active(file)", int(memk * 0.02)),
            ("Inactive(file)", int(memk * 0.03)), ("Unevictable", mlocked), ("Mlocked", mlocked), ("SwapTotal", 8388604), ("SwapFree", 8388604),
            ("Zswap", 0), ("Zswapped", 0), ("Dirty", 148), ("Writeback", 0), ("AnonPages", int(memk * 0.03)), ("Mapped", 301244),
            ("Shmem", 52688), ("KReclaimable", 221904), ("Slab", 612884), ("SReclaimable", 221904), ("SUnreclaim", 390980),
            ("KernelStack", 16640), ("PageTables", 21336), ("SecPageTables", 0), ("NFS_Unstable", 0), ("Bounce", 0),
            ("WritebackTmp", 0), ("CommitLimit", (memk - hugetlb) // 2 + 8388604), ("Committed_AS", int(memk * 0.08)),
            ("VmallocTotal", 34359738367), ("VmallocUsed", 201376), ("VmallocChunk", 0), ("Percpu", 29952),
            ("HardwareCorrupted", 0), ("AnonHugePages", anon_huge), ("ShmemHugePages", 0), ("ShmemPmdMapped", 0),
            ("FileHugePages", 0), ("FilePmdMapped", 0), ("Unaccepted", 0)]
    out = ["%-16s%8d kB" % (k + ":", v) if v < 10**8 else "%-15s %d kB" % (k + ":", v) for k, v in rows]
    out += ["HugePages_Total:   %5d" % hp_total, "HugePages_Free:    %5d" % hp_free, "HugePages_Rsvd:        0",
            "HugePages_Surp:        0", "Hugepagesize:   %8d kB" % hpsize, "Hugetlb:        %8d kB" % hugetlb,
            "DirectMap4k:      %8d kB" % 1153240, "DirectMap2M:     %8d kB" % 24950784, "DirectMap1G:     %8d kB" % (memk // 1048576 * 1048576 - 25165824 if memk > 30000000 else 8388608)]
    return "\n".join(out) + "\n"

def write_case(rule, name, files, md):
    d = os.path.join(ROOT, rule, name)
    os.makedirs(d, exist_ok=True)
    for fn, content in files.items():
        with open(os.path.join(d, fn), "w") as f: f.write(content)
    # resolve {file:text} references into file:line
    def ref(m):
        fn, needle = m.group(1), m.group(2)
        occ = 1
        mm = re.match(r"(.*)#(\d+)$", needle)
        if mm: needle, occ = mm.group(1), int(mm.group(2))
        lines = files[fn].split("\n"); n = 0
        for i, l in enumerate(lines):
            if needle in l:
                n += 1
                if n == occ: return "`%s:%d`" % (fn, i + 1)
        raise SystemExit("evidence not found: %s/%s: %s in %s" % (rule, name, needle, fn))
    md = re.sub(r"\{([\w.\-]+):(.+?)\}", ref, md)
    with open(os.path.join(d, "case.md"), "w") as f: f.write(md.strip() + "\n")
    for fn, content in files.items():
        n = content.count("\n")
        if n > 250 or (n < 30 and fn.startswith(("dmesg", "lspci"))):
            print("WARN size", rule, name, fn, n)
