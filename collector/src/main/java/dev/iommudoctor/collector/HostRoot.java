package dev.iommudoctor.collector;

import java.nio.file.Path;

/**
 * Where host paths are read: {@code /} on a live host, or a fake root tree ({@code --root
 * samples/hosts/proxmox-gpu-vfio}) in which {@code /proc/cmdline} is {@code <root>/proc/cmdline}.
 * Under a fake root no command runs: captured outputs are read from {@code <root>/commands/}.
 *
 * @param live true for the real host (commands run, OSHI is asked)
 */
public record HostRoot(Path root, boolean live) {

    public static HostRoot liveHost() {
        return new HostRoot(Path.of("/"), true);
    }

    public static HostRoot fake(Path dir) {
        return new HostRoot(dir.toAbsolutePath().normalize(), false);
    }

    /** {@code /proc/cmdline} -> the file under this root. */
    public Path path(String absolute) {
        String rel = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    /** Where a captured command output lives under a fake root: {@code <root>/commands/<name>}. */
    public Path capturedCommand(String name) {
        return root.resolve("commands").resolve(name);
    }
}
