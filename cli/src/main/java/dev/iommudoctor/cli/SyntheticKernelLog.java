package dev.iommudoctor.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a realistic kernel log of a given size for {@code iommu-doctor bench}: boot and runtime messages
 * as real machines print them, about 4% of them IOMMU/DMAR/AMD-Vi/vfio lines (faults, group assignment,
 * RMRR warnings with continuation lines), alternating between plain dmesg blocks
 * ({@code [   12.345678] msg}) and rsyslog kern.log blocks ({@code Nov  5 10:00:01 pve kernel: [ 12.3] msg}).
 * Seeded, so every run benchmarks the same bytes.
 */
final class SyntheticKernelLog {

    private static final String[] COMMON = {
        "x86/fpu: Supporting XSAVE feature 0x002: 'SSE registers'",
        "BIOS-e820: [mem 0x0000000000100000-0x000000003fffffff] usable",
        "ACPI: SSDT 0x000000008C5A4000 0013A5 (v02 INTEL  PegSsdt  00001000 INTL 20160422)",
        "PCI: Using configuration type 1 for base access",
        "pci 0000:00:1c.0: PME# supported from D0 D3hot D3cold",
        "pci 0000:00:14.0: [8086:a36d] type 00 class 0x0c0330",
        "pci_bus 0000:00: root bus resource [mem 0x000a0000-0x000bffff window]",
        "clocksource: tsc: mask: 0xffffffffffffffff max_cycles: 0x2b9e8d5d2a6, max_idle_ns: 440795273112 ns",
        "usb 1-4: new full-speed USB device number 3 using xhci_hcd",
        "usb 1-4: New USB device found, idVendor=046d, idProduct=c52b, bcdDevice=12.11",
        "input: Logitech USB Receiver as /devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4:1.0/0003:046D:C52B.0001/input/input5",
        "EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. Quota mode: none.",
        "nvme nvme0: 8/0/0 default/read/poll queues",
        "e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
        "IPv6: ADDRCONF(NETDEV_CHANGE): eno1: link becomes ready",
        "audit: type=1400 audit(1700000000.123:42): apparmor=\"STATUS\" operation=\"profile_load\" name=\"lsb_release\"",
        "[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0",
        "[TTM] Zone  kernel: Available graphics memory: 16337446 KiB",
        "snd_hda_intel 0000:00:1f.3: enabling device (0000 -> 0002)",
        "vmbr0: port 2(tap100i0) entered forwarding state",
        "fwbr100i0: port 1(fwln100i0) entered blocking state",
        "kvm: SMP vm created on host with unstable TSC; guest TSC will not be reliable",
        "Freeing unused kernel image (initmem) memory: 2904K",
        "systemd[1]: Started Journal Service.",
        "perf: interrupt took too long (2503 > 2500), lowering kernel.perf_event_max_sample_rate to 79800",
        "mce: [Hardware Error]: Machine check events logged",
    };

    private static final String[] IOMMU = {
        "DMAR: IOMMU enabled",
        "DMAR: Host address width 39",
        "DMAR: DRHD base: 0x000000fed90000 flags: 0x0",
        "DMAR-IR: Enabled IRQ remapping in x2apic mode",
        "iommu: Default domain type: Translated",
        "pci 0000:01:00.0: Adding to iommu group 13",
        "pci 0000:01:00.1: Adding to iommu group 13",
        "AMD-Vi: Interrupt remapping enabled",
        "AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:05:00.0 domain=0x0012 address=0x00000000ff6101b0 flags=0x0070]",
        "DMAR: DRHD: handling fault status reg 3",
        "DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x70ad5000 [fault reason 0x07] Next page table ptr is invalid",
        "vfio-pci 0000:01:00.0: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=io+mem:owns=none",
        "vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0x50000000-0x51ffffff 64bit pref]",
        "vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)",
        "vfio_iommu_type1_attach_group: No interrupt remapping support.  Use the module param \"allow_unsafe_interrupts\" to enable VFIO IOMMU support on this platform",
        "HugeTLB: registered 1.00 GiB page size, pre-allocated 0 pages",
    };

    private static final String RMRR = "DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x000000003e2e0000-0x000000003e2fffff]";
    private static final String RMRR_CONT = "BIOS vendor: American Megatrends Inc.; Ver: 3.11.2150; Product Version: 1";
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private SyntheticKernelLog() {
    }

    /** Writes at least {@code bytes} bytes of log to {@code file}; returns the number of lines written. */
    static long write(Path file, long bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(20261125);
        StringBuilder line = new StringBuilder(256);
        long written = 0;
        long lines = 0;
        double mono = 0;
        long seconds = 0;
        boolean syslog = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            while (written < bytes) {
                if (lines % 5000 == 0) {
                    syslog = !syslog;
                }
                mono += random.nextInt(1, 4000) / 1e6;
                seconds = (long) mono;
                boolean iommu = random.nextInt(100) < 4;
                String msg = iommu ? IOMMU[random.nextInt(IOMMU.length)] : COMMON[random.nextInt(COMMON.length)];
                line.setLength(0);
                if (syslog) {
                    syslogPrefix(line, seconds);
                }
                long micros = Math.round(mono * 1e6);
                line.append('[');
                pad(line, micros / 1000000, 5, ' ');
                line.append('.');
                pad(line, micros % 1000000, 6, '0');
                line.append("] ");
                int prefixLength = line.length();
                line.append(msg).append('\n');
                if (iommu && random.nextInt(20) == 0) {
                    line.append(line, 0, prefixLength).append(RMRR).append('\n');
                    line.append(" ".repeat(prefixLength)).append(RMRR_CONT).append('\n');
                    lines += 2;
                }
                byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
                out.write(b);
                written += b.length;
                lines++;
            }
        }
        return lines;
    }

    /** {@code Nov  5 10:00:01 pve kernel: } for a time {@code seconds} after the (fixed) boot time. */
    private static void syslogPrefix(StringBuilder b, long seconds) {
        long t = 26 * 86400L + 3600 * 10 + seconds;
        b.append(MONTHS[(int) (t / 86400 / 28 % 12)]).append(' ');
        pad(b, t / 86400 % 28 + 1, 2, ' ');
        b.append(' ');
        pad(b, t / 3600 % 24, 2, '0');
        b.append(':');
        pad(b, t / 60 % 60, 2, '0');
        b.append(':');
        pad(b, t % 60, 2, '0');
        b.append(" pve kernel: ");
    }

    private static void pad(StringBuilder b, long value, int width, char fill) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append(fill);
        }
        b.append(digits);
    }
}
