package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.SkipReason;
import dev.iommudoctor.collector.SourceOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code find}-style listing of a sysfs tree: {@code /sys/kernel/iommu_groups/12/devices/0000:01:00.0}
 * (the form the IOMMU group parser reads) and {@code /sys/class/iommu/dmar0 -> ../../devices/...}.
 * An empty listing is kept: "no groups" on a host meant for passthrough is itself a finding.
 */
public final class ListingSource implements Source {

    private final String name;
    private final String hostDir;
    private final int depth;
    private final String bundlePath;
    private final boolean showLinks;

    /** @param showLinks append {@code -> target} to links (not for iommu_groups: its parser wants bare paths) */
    public ListingSource(String name, String hostDir, int depth, String bundlePath, boolean showLinks) {
        this.showLinks = showLinks;
        this.name = name;
        this.hostDir = hostDir;
        this.depth = depth;
        this.bundlePath = bundlePath;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void collect(CollectContext ctx, SourceOutput out) {
        Path dir = ctx.root().path(hostDir);
        if (!Files.isDirectory(dir)) {
            out.skip(name, SkipReason.ABSENT, hostDir + " does not exist on this host");
            return;
        }
        StringBuilder b = new StringBuilder();
        List<Path> entries;
        try (Stream<Path> s = Files.walk(dir, depth)) {
            entries = s.filter(p -> dir.relativize(p).getNameCount() == depth).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            out.skip(name, SkipReason.FAILED, hostDir + ": " + e.getMessage());
            return;
        }
        for (Path p : entries) {
            b.append(hostDir).append('/').append(dir.relativize(p).toString().replace('\\', '/'));
            if (showLinks && Files.isSymbolicLink(p)) {
                try {
                    b.append(" -> ").append(Files.readSymbolicLink(p));
                } catch (IOException e) {
                    // the name alone is the fact
                }
            }
            b.append('\n');
        }
        out.file(bundlePath, b.toString().getBytes(StandardCharsets.UTF_8), name, false);
    }
}
