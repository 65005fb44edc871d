import os, re, glob
R = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules")
for case in sorted(glob.glob(R + "/*/*/")):
    name = case[len(R)+1:-1]; files = {os.path.basename(p): open(p).read() for p in glob.glob(case + "*")}
    md = files["case.md"]; exp = set(re.findall(r"^- ([A-Z0-9-]+) \(", md, re.M))
    issues = []
    dm = files.get("dmesg.txt", "")
    g_d = dict(re.findall(r"pci 0000:(\S+): Adding to iommu group (\d+)", dm)) or dict(re.findall(r"iommu: Adding device 0000:(\S+) to group (\d+)", dm))
    g_f = {m[1]: m[0] for m in re.findall(r"/sys/kernel/iommu_groups/(\d+)/devices/0000:(\S+)", files.get("iommu-groups.txt", ""))}
    if "iommu-groups.txt" in files and g_d and g_d != g_f: issues.append("groups dmesg!=file %s" % (set(g_d.items()) ^ set(g_f.items())))
    lsp = files.get("lspci-nnvvv.txt", "")
    blocks = [b for b in lsp.split("\n\n") if b.strip()]
    info = {}
    for b in blocks:
        bdf = b.split()[0]
        grp = re.search(r"IOMMU group: (\d+)", b); drv = re.search(r"Kernel driver in use: (\S+)", b)
        mps = re.search(r"DevCtl:.*\n.*\n\t\t\tMaxPayload (\d+)", b); flr = re.search(r"FLReset([+-]) Slot", b)
        info[bdf] = (grp and grp.group(1), drv and drv.group(1), mps and int(mps.group(1)), flr and flr.group(1), b)
        if g_d and (grp and grp.group(1)) != g_d.get(bdf): issues.append("lspci group %s %s vs dmesg %s" % (bdf, grp and grp.group(1), g_d.get(bdf)))
    # MPS: children vs bridge
    for b, (g, d, m, f, text) in info.items():
        bus = re.search(r"secondary=(\w\w)", text)
        if bus and m:
            for c, (g2, d2, m2, f2, t2) in info.items():
                if c.startswith(bus.group(1) + ":") and m2 and m2 != m: issues.append("MPS %s %d vs %s %d" % (b, m, c, m2))
        if d == "vfio-pci" and f == "-": issues.append("FLReset- on vfio " + b)
    # ACS / host-driver hazards
    ids = re.findall(r"^options vfio-pci ids=(\S+)", files.get("modprobe-vfio.conf", ""), re.M)
    idset = set(ids[0].split(",")) if ids else set()
    for b, (g, d, m, f, text) in info.items():
        vid = re.search(r"\[([0-9a-f]{4}:[0-9a-f]{4})\]( \(rev \w+\))?( \(prog-if.*\))?$", text.split("\n")[0])
        if vid and vid.group(1) in idset and d not in ("vfio-pci", None) and "VFIO-HOST-DRIVER-BOUND" not in exp: issues.append("host driver unlisted " + b)
    if g_f:
        bygrp = {}
        for bdf, g in g_f.items(): bygrp.setdefault(g, []).append(bdf)
        vf = set(re.findall(r"vfio-pci 0000:(\S+): (?:vgaarb|enabling)", dm)) | {b for b, v in info.items() if v[1] == "vfio-pci"}
        for g, mem in bygrp.items():
            if set(mem) & vf:
                slots = {x[:5] for x in mem if x in vf}
                others = [x for x in mem if x[:5] not in slots and not re.search(r"pci 0000:%s: \[\w+:\w+\] type 01" % re.escape(x), dm)]
                if others and "ACS-SHARED-GROUP" not in exp and "ACS-OVERRIDE-IN-USE" not in exp: issues.append("shared group %s %s" % (g, others))
    rel = re.search(r"Linux version (\S+)", dm)
    cl = files.get("cmdline", "")
    if rel and cl and rel.group(1) not in cl: issues.append("release not in cmdline")
    if rel:
        mj = tuple(int(x) for x in re.match(r"(\d+)\.(\d+)", rel.group(1)).groups())
        if mj < (5, 15) and "KERNEL-TOO-OLD" not in exp: issues.append("old kernel unlisted")
        intel = "GenuineIntel" in dm and ("ACPI: DMAR" in dm)
        if intel and mj < (6, 8) and "intel_iommu=on" not in cl and "IOMMU-NOT-ENABLED" not in exp: issues.append("NOT-ENABLED unlisted")
    vfio = "vfio-pci" in lsp or re.search(r"vfio-pci 0000:\S+: (vgaarb|enabling)", dm)
    if vfio and "Default domain type: Translated" in dm and "ADVISE-IOMMU-PT" not in exp: issues.append("ADVISE-IOMMU-PT unlisted")
    if "amd_iommu=on" in cl and "IOMMU-INVALID-OPTION" not in exp: issues.append("amd_iommu=on unlisted")
    if "pcie_acs_override" in cl and "ACS-OVERRIDE-IN-USE" not in exp: issues.append("acs override unlisted")
    if "Only allocated" in dm and "HUGEPAGES-1G-NOT-ALLOCATED" not in exp: issues.append("hp alloc unlisted")
    if re.search(r"^options vfio_iommu_type1 allow_unsafe", files.get("modprobe-vfio.conf", ""), re.M) and not exp & {"IRQ-UNSAFE-INTERRUPTS", "ADVISE-UNSAFE-INTERRUPTS-UNNEEDED"}: issues.append("unsafe unlisted")
    for l in dm.splitlines():
        if l and not l.startswith("[") and not l.startswith(" "): issues.append("bad dmesg line " + l[:40])
    ts = [float(x) for x in re.findall(r"^\[\s*(\d+\.\d+)\]", dm, re.M)]
    if ts != sorted(ts): issues.append("timestamps not monotonic")
    print(("OK   " if not issues else "FAIL ") + name + ("" if not issues else "\n      " + "\n      ".join(issues)))
