package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.PciAddress;
import java.util.Locale;

/**
 * The envelope of one physical log line, as found by {@link KernelLogEnvelopeScanner} or by the
 * ANTLR grammar {@code KernelLogLineParser}. Mutable and reused line after line so that the hot path
 * allocates nothing but the strings it must keep.
 *
 * <p>For {@code Nov  5 10:00:01 pve kernel: [   12.345678] vfio-pci 0000:01:00.0: enabling device}
 * the scanner fills: style SYSLOG, wallClock "Nov  5 10:00:01", host "pve", monotonic 12.345678,
 * origin "vfio-pci", device 0000:01:00.0, bodyStart at the "v" of "vfio-pci".
 */
final class LineEnvelope {

    /** Which line shape the envelope had; decides which continuation rules apply. */
    enum Style {
        /** Only whitespace. */
        BLANK,
        /** Indented line without a stamp: a continuation of the record before it. */
        INDENTED,
        /** A {@code  KEY=value} dictionary line after a /dev/kmsg record. */
        KMSG_DICT,
        /** {@code -- Boot 3f2c... --} and other journalctl separators. */
        JOURNAL_MARK,
        /** No prefix at all ({@code dmesg -t}, hw-probe, QEMU stderr). */
        BARE,
        /** {@code [   12.345678] msg}, with an optional {@code <6>} or {@code kern  :info  : } before it. */
        DMESG,
        /** {@code [Wed Nov 25 10:00:01 2026] msg}. */
        DMESG_CTIME,
        /** {@code [Nov25 10:00] msg} / {@code [  +0.000123] msg} (dmesg -e / -H). */
        DMESG_RELTIME,
        /** {@code 2026-11-25T10:00:01,061644+00:00 msg}. */
        DMESG_ISO,
        /** {@code 6,532,61644,-;msg}. */
        KMSG,
        /** {@code Nov  5 10:00:01 host tag: msg}, {@code 2026-...T... host tag: msg}, {@code [ 1.2] host kernel: msg}. */
        SYSLOG,
        /** {@code 2022-11-21 19:11:06.123+0000: 1234: info : msg}. */
        LIBVIRT,
        /** {@code 2022-11-21T19:11:06.123456Z qemu-system-x86_64: msg}: an ISO stamp and a bare body. */
        ISO_BARE
    }

    Style style;
    /** Seconds since boot, NaN when the line has no monotonic stamp. */
    double monotonic;
    /** True when the monotonic stamp came through the syslog(2)/kmsg path ({@code <N>} or {@code kernel: [..]}). */
    boolean syslogPath;
    String wallClock;
    String host;
    /** printk level 0..7, -1 when absent. */
    int level;
    String origin;
    PciAddress device;
    /** Index in the line where the body (the LogRecord text) starts. */
    int bodyStart;
    /** kmsg flags character ('-', 'c', '+'), 0 when not a kmsg record. */
    char kmsgFlag;

    void reset() {
        style = Style.BARE;
        monotonic = Double.NaN;
        syslogPath = false;
        wallClock = null;
        host = null;
        level = -1;
        origin = null;
        device = null;
        bodyStart = 0;
        kmsgFlag = 0;
    }

    boolean hasMonotonic() {
        return !Double.isNaN(monotonic);
    }

    /** A stable one-line form used by the grammar-versus-scanner differential test. */
    String describe(String line) {
        return String.format(Locale.ROOT, "style=%s mono=%s wall=%s host=%s level=%d origin=%s device=%s body=[%s]",
                style, hasMonotonic() ? String.format(Locale.ROOT, "%.6f", monotonic) : "-", wallClock, host, level,
                origin, device, line.substring(Math.min(bodyStart, line.length())));
    }
}
