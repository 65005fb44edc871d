package dev.iommudoctor.collector;

/**
 * A source (or one attempt of a source with fallbacks) that is not in the bundle.
 *
 * @param source the source name ({@code kernel-log/dmesg}, {@code lspci}, {@code /etc/default/grub})
 * @param detail what happened, e.g. {@code dmesg: read kernel buffer failed: Operation not permitted}
 */
public record Skipped(String source, SkipReason reason, String detail) {
}
