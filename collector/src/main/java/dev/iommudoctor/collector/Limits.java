package dev.iommudoctor.collector;

import java.time.Duration;

/**
 * Timeouts and size caps: a collector must finish and stay small on any host.
 *
 * @param sourceTimeout  wall time for one source (a command, a sysfs walk)
 * @param fileCap        bytes kept of an ordinary file or command output
 * @param logCap         bytes kept of a kernel log or lspci dump
 * @param vmLogCap       bytes kept of one libvirt/QEMU guest log (its end: errors come last)
 * @param totalCap       bytes of the whole bundle before compression
 * @param maxPciDevices  PCI functions read from sysfs
 */
public record Limits(Duration sourceTimeout, int fileCap, int logCap, int vmLogCap, long totalCap, int maxPciDevices) {

    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(20), 1 << 20, 16 << 20, 2 << 20, 128L << 20, 4096);

    public Limits withTimeout(Duration timeout) {
        return new Limits(timeout, fileCap, logCap, vmLogCap, totalCap, maxPciDevices);
    }
}
