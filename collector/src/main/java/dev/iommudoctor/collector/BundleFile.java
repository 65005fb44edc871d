package dev.iommudoctor.collector;

/**
 * One file of a bundle, held in memory until the archive is written (sizes are capped per source).
 *
 * @param path      path inside the bundle, no leading slash ({@code proc/cmdline})
 * @param source    the source that produced it ({@code cmdline}, {@code kernel-log/dmesg})
 * @param truncated true when the size cap cut it
 */
public record BundleFile(String path, byte[] content, String source, boolean truncated) {
}
