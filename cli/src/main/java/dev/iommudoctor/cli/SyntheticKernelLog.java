package dev.iommudoctor.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the kernel log of a long-running virtualisation host for {@code iommu-doctor bench}, shaped like a
 * real {@code /var/log/kern.log}: rsyslog lines ({@code Nov  5 10:00:01 pve kernel: [ 2839.442981] msg}; every
 * third boot in the RFC 3339 form newer rsyslog writes, {@code 2026-11-05T10:00:01.123456+00:00 pve kernel: msg}).
 *
 * <ul>
 *   <li>a boot section once per boot (a reboot about every 200 MB): version, command line, DMI, ACPI and DMAR
 *       tables, RMRR ranges, ~140 PCI functions each enumerated ({@code [vvvv:dddd] type 00 class ...} plus
 *       BAR/PME lines) and later added to an IOMMU group, the RMRR firmware bug with its continuation line;</li>
 *   <li>then mostly runtime noise with varying numbers: firewall drops, apparmor audits, bridge port states,
 *       link flaps, USB plugging, perf/mce/segfault lines;</li>
 *   <li>now and then a VM start (vfio-pci enabling the device, vgaarb, sometimes a {@code BAR 3: can't
 *       reserve} flood of up to a few hundred identical lines);</li>
 *   <li>now and then a DMA fault storm (Intel {@code DMAR: [DMA Read NO_PASID] ...} with varying addresses
 *       and the {@code dmar_fault: N callbacks suppressed} rate-limit lines, or AMD {@code IO_PAGE_FAULT}
 *       events with varying addresses).</li>
 * </ul>
 * Seeded, so every run benchmarks the same bytes; {@link Mix} says what was written.
 */
final class SyntheticKernelLog {

    /** Lines written per kind: boot, runtime noise, VM start (vfio), fault storm. */
    record Mix(long lines, long boot, long runtime, long vfio, long faults, int boots) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d boots; lines: boot %.2f%%, runtime noise %.1f%%, vfio/VM start %.1f%%,"
                    + " DMA fault storms %.1f%%", boots, pct(boot), pct(runtime), pct(vfio), pct(faults));
        }

        private double pct(long n) {
            return lines == 0 ? 0 : 100.0 * n / lines;
        }
    }

    private static final long BOOT_EVERY_BYTES = 200L << 20;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] CLASSES = {"0x060000", "0x060400", "0x0c0330", "0x010802", "0x020000", "0x030000",
        "0x040300", "0x0c0500", "0x088000", "0x010601", "0x078000", "0x0c8000"};
    private static final String[] BOOT_NOISE = {
        "x86/fpu: Supporting XSAVE feature 0x002: 'SSE registers'",
        "BIOS-e820: [mem 0x0000000000100000-0x000000003fffffff] usable",
        "PCI: Using configuration type 1 for base access",
        "pci_bus 0000:00: root bus resource [mem 0x000a0000-0x000bffff window]",
        "clocksource: tsc: mask: 0xffffffffffffffff max_cycles: 0x2b9e8d5d2a6, max_idle_ns: 440795273112 ns",
        "[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0",
        "[TTM] Zone  kernel: Available graphics memory: 16337446 KiB",
        "snd_hda_intel 0000:00:1f.3: enabling device (0000 -> 0002)",
        "Freeing unused kernel image (initmem) memory: 2904K",
        "EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.",
        "nvme nvme0: 8/0/0 default/read/poll queues",
        "systemd[1]: Started Journal Service.",
        "HugeTLB: registered 1.00 GiB page size, pre-allocated 0 pages",
        "HugeTLB: registered 2.00 MiB page size, pre-allocated 0 pages",
        "input: Power Button as /devices/LNXSYSTM:00/LNXPWRBN:00/input/input0",
        "ACPI: SSDT 0x000000008C5A4000 0013A5 (v02 INTEL  PegSsdt  00001000 INTL 20160422)",
    };

    private final SplittableRandom random = new SplittableRandom(20261125);
    private final StringBuilder line = new StringBuilder(512);
    private final StringBuilder out = new StringBuilder(1 << 16);
    private double mono;
    private long wall = 308L * 86400 + 10 * 3600; // Nov  5 10:00:00 of a non-leap year, seconds since Jan 1
    private boolean iso;
    private long lines;
    private long boot;
    private long runtime;
    private long vfio;
    private long faults;
    private int boots;

    private SyntheticKernelLog() {
    }

    /** Writes at least {@code bytes} bytes of log to {@code file}; returns what was written. */
    static Mix write(Path file, long bytes) throws IOException {
        return new SyntheticKernelLog().run(file, bytes);
    }

    private Mix run(Path file, long bytes) throws IOException {
        long written = 0;
        long nextBoot = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            while (written < bytes) {
                if (written >= nextBoot) {
                    boot();
                    nextBoot += BOOT_EVERY_BYTES;
                } else {
                    int r = random.nextInt(100_000);
                    if (r < 10) {
                        faultStorm();
                    } else if (r < 30) {
                        vmStart();
                    } else {
                        runtime++;
                        emit(runtimeLine());
                    }
                }
                if (out.length() > (1 << 15)) {
                    byte[] b = out.toString().getBytes(StandardCharsets.UTF_8);
                    os.write(b);
                    written += b.length;
                    out.setLength(0);
                }
            }
            byte[] b = out.toString().getBytes(StandardCharsets.UTF_8);
            os.write(b);
        }
        return new Mix(lines, boot, runtime, vfio, faults, boots);
    }

    private void boot() {
        boots++;
        iso = boots % 3 == 0;
        mono = 0;
        wall += 120;
        long before = lines;
        tick(0);
        emit("Linux version 6.8.12-4-pve (build@proxmox) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z) ()");
        emit("Command line: BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve root=/dev/mapper/pve-root ro quiet intel_iommu=on iommu=pt vfio-pci.ids=10de:1b80,10de:10f0");
        emit("DMI: ASUS System Product Name/PRIME Z390-A, BIOS 2004 11/23/2021");
        emit("ACPI: DMAR 0x000000008C5C9000 0000A8 (v01 INTEL  EDK2     00000002      01000013)");
        for (int i = 0; i < 60; i++) {
            emit(BOOT_NOISE[random.nextInt(BOOT_NOISE.length)]);
        }
        emit("DMAR: IOMMU enabled");
        emit("DMAR: Host address width 39");
        emit("DMAR: DRHD base: 0x000000fed90000 flags: 0x0");
        emit("DMAR: DRHD base: 0x000000fed91000 flags: 0x1");
        emit("DMAR: RMRR base: 0x0000003e2e0000 end: 0x0000003e2fffff");
        emit("DMAR: RMRR base: 0x0000003f000000 end: 0x0000003f7fffff");
        emit("DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x000000003e2e0000-0x000000003e2fffff]");
        line.setLength(0);
        line.append("BIOS vendor: American Megatrends Inc.; Ver: 3.11.2150; Product Version: 1");
        emitRaw(true);
        emit("DMAR-IR: Enabled IRQ remapping in x2apic mode");
        emit("x2apic enabled");
        emit("iommu: Default domain type: Passthrough (set via kernel command line)");
        int devices = 0;
        String[] bdfs = new String[140];
        for (int bus = 0; bus < 64 && devices < bdfs.length; bus++) {
            int slots = bus == 0 ? 24 : 1 + random.nextInt(3);
            for (int dev = 0; dev < slots && devices < bdfs.length; dev++) {
                int fns = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 1;
                for (int fn = 0; fn < fns && devices < bdfs.length; fn++) {
                    String bdf = String.format(Locale.ROOT, "0000:%02x:%02x.%d", bus, bus == 0 ? dev + 1 : dev, fn);
                    bdfs[devices++] = bdf;
                    emit(String.format(Locale.ROOT, "pci %s: [%04x:%04x] type %s class %s", bdf,
                            random.nextInt(3) == 0 ? 0x10de : 0x8086, random.nextInt(0x10000), bus > 0 && dev == 0 ? "01" : "00",
                            CLASSES[random.nextInt(CLASSES.length)]));
                    emit(String.format(Locale.ROOT, "pci %s: reg 0x10: [mem 0x%08x-0x%08x 64bit]", bdf,
                            0xa0000000 + random.nextInt(0x1000) * 0x10000, 0xa000ffff + random.nextInt(0x1000) * 0x10000));
                    if (random.nextBoolean()) {
                        emit("pci " + bdf + ": PME# supported from D0 D3hot D3cold");
                    }
                }
            }
        }
        for (int i = 0; i < 40; i++) {
            emit(BOOT_NOISE[random.nextInt(BOOT_NOISE.length)]);
        }
        for (int i = 0; i < devices; i++) {
            emit("pci " + bdfs[i] + ": Adding to iommu group " + (i * 2 / 3));
        }
        emit("VFIO - User Level meta-driver version: 0.3");
        emit("vfio_pci: add [10de:1b80[ffffffff:ffffffff]] class 0x000000/00000000");
        for (int i = 0; i < 200; i++) {
            emit(BOOT_NOISE[random.nextInt(BOOT_NOISE.length)]);
        }
        boot += lines - before;
    }

    private void vmStart() {
        long before = lines;
        int vm = 100 + random.nextInt(20);
        emit("vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)");
        emit("vfio-pci 0000:01:00.0: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=io+mem:owns=none");
        emit("vmbr0: port 2(tap" + vm + "i0) entered blocking state");
        emit("vmbr0: port 2(tap" + vm + "i0) entered forwarding state");
        emit("kvm: SMP vm created on host with unstable TSC; guest TSC will not be reliable");
        if (random.nextInt(3) == 0) {
            // the classic flood when the boot GPU is passed through while efifb still holds its BAR
            int n = 10 + random.nextInt(400);
            for (int i = 0; i < n; i++) {
                emit("vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0x50000000-0x51ffffff 64bit pref]");
            }
        }
        vfio += lines - before;
    }

    private void faultStorm() {
        long before = lines;
        int n = 20 + random.nextInt(300);
        boolean amd = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            long addr = random.nextLong(0x1_0000_0000L) & ~0xfffL;
            if (amd) {
                emit(String.format(Locale.ROOT, "vfio-pci 0000:05:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x%04x address=0x%x flags=0x%04x]",
                        0x12, addr, random.nextBoolean() ? 0x20 : 0x70));
            } else {
                if (i % 10 == 0) {
                    emit("DMAR: DRHD: handling fault status reg " + (2 + random.nextInt(2)));
                }
                emit(String.format(Locale.ROOT, "DMAR: [DMA %s NO_PASID] Request device [03:00.%d] fault addr 0x%x [fault reason 0x06] PTE Read access is not set",
                        random.nextBoolean() ? "Read" : "Write", random.nextInt(2), addr));
            }
            if (i % 10 == 9) {
                emit((amd ? "amd_iommu_report_page_fault: " : "dmar_fault: ") + (1 + random.nextInt(200)) + " callbacks suppressed");
            }
        }
        faults += lines - before;
    }

    private String runtimeLine() {
        int k = random.nextInt(20);
        int tap = 100 + random.nextInt(20);
        return switch (k) {
            case 0 -> String.format(Locale.ROOT, "[UFW BLOCK] IN=vmbr0 OUT= MAC=01:00:5e:00:00:01:%02x:%02x:%02x:%02x:%02x:%02x:08:00"
                    + " SRC=192.168.%d.%d DST=224.0.0.1 LEN=36 TOS=0x00 PREC=0xC0 TTL=1 ID=0 DF PROTO=2",
                    random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256),
                    random.nextInt(256), random.nextInt(4), random.nextInt(256));
            case 1 -> String.format(Locale.ROOT, "audit: type=1400 audit(%d.%03d:%d): apparmor=\"DENIED\" operation=\"mount\""
                    + " class=\"mount\" info=\"failed flags match\" error=-13 profile=\"lxc-%d_</var/lib/lxc>\" name=\"/run/systemd/unit-root/\""
                    + " pid=%d comm=\"(ostnamed)\" srcname=\"/\" flags=\"rw, rbind\"",
                    1730800000 + (long) mono, random.nextInt(1000), random.nextInt(100000), tap, random.nextInt(4_000_000));
            case 2, 3, 4, 5, 6, 7 -> "vmbr0: port " + (2 + random.nextInt(6)) + "(tap" + tap + "i0) entered "
                    + (random.nextBoolean() ? "blocking" : "forwarding") + " state";
            case 8, 9 -> "fwbr" + tap + "i0: port 1(fwln" + tap + "i0) entered " + (random.nextBoolean() ? "disabled" : "blocking") + " state";
            case 10 -> "tap" + tap + "i0: entered promiscuous mode";
            case 11 -> "e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx";
            case 12, 13 -> "usb 1-" + (1 + random.nextInt(8)) + ": new full-speed USB device number " + random.nextInt(128) + " using xhci_hcd";
            case 14 -> "perf: interrupt took too long (" + (2500 + random.nextInt(3000)) + " > 2500), lowering kernel.perf_event_max_sample_rate to "
                    + (40000 + random.nextInt(40000));
            case 15 -> String.format(Locale.ROOT, "traps: node[%d] general protection fault ip:%x sp:7ffd%08x error:0 in node[%x+%x]",
                    random.nextInt(4_000_000), random.nextLong(0x7fffffffffffL), random.nextInt(Integer.MAX_VALUE), 0x55d000000000L, 0x2e3000);
            case 16, 17 -> "kvm [" + random.nextInt(4_000_000) + "]: ignored rdmsr: 0x" + Integer.toHexString(random.nextInt(0x1000)) + " data 0x0";
            case 18 -> "nfs: server 192.168.1." + random.nextInt(256) + " not responding, still trying";
            default -> "EXT4-fs (dm-" + random.nextInt(8) + "): mounted filesystem " + Long.toHexString(random.nextLong())
                    + " r/w with ordered data mode. Quota mode: none.";
        };
    }

    private void emit(String msg) {
        tick(random.nextInt(1, 40_000));
        line.setLength(0);
        prefix();
        line.append(msg);
        emitRaw(false);
    }

    /** Appends {@link #line}; a continuation repeats the record's prefix (as rsyslog does for a multi-line printk). */
    private void emitRaw(boolean continuation) {
        if (continuation) {
            StringBuilder text = new StringBuilder(line);
            line.setLength(0);
            prefix();
            line.append(text);
        }
        out.append(line).append('\n');
        lines++;
    }

    private void tick(int micros) {
        mono += micros / 1e6;
        wall += micros / 1_000_000 + (random.nextInt(1_000_000) < micros % 1_000_000 ? 1 : 0);
    }

    private void prefix() {
        long t = wall;
        int day = (int) (t / 86400 % 365);
        int month = Math.min(11, day / 31);
        int dom = day - month * 31 + 1;
        if (iso) {
            line.append(2026).append('-');
            pad(month + 1, 2, '0');
            line.append('-');
            pad(Math.min(dom, 28), 2, '0');
            line.append('T');
            clock(t);
            line.append('.');
            pad(Math.round(mono * 1e6) % 1_000_000, 6, '0');
            line.append("+00:00 pve kernel: ");
            return;
        }
        line.append(MONTHS[month]).append(' ');
        pad(Math.min(dom, 28), 2, ' ');
        line.append(' ');
        clock(t);
        line.append(" pve kernel: [");
        long micros = Math.round(mono * 1e6);
        pad(micros / 1_000_000, 5, ' ');
        line.append('.');
        pad(micros % 1_000_000, 6, '0');
        line.append("] ");
    }

    private void clock(long t) {
        pad(t / 3600 % 24, 2, '0');
        line.append(':');
        pad(t / 60 % 60, 2, '0');
        line.append(':');
        pad(t % 60, 2, '0');
    }

    private void pad(long value, int width, char fill) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            line.append(fill);
        }
        line.append(digits);
    }
}
