package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.HostRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a host path pattern with {@code *} segments ({@code /sys/module/vfio*}{@code /parameters/*})
 * under a root, in sorted order. Unreadable directories are simply not expanded.
 */
final class Globs {

    private Globs() {
    }

    /** Matching host paths (absolute, as on the host: {@code /sys/module/vfio_pci/parameters/ids}). */
    static List<String> expand(HostRoot root, String pattern) {
        List<String> current = List.of("");
        for (String segment : pattern.substring(1).split("/")) {
            List<String> next = new ArrayList<>();
            for (String base : current) {
                if (!segment.contains("*") && !segment.contains("?") && !segment.contains("{")) {
                    next.add(base + "/" + segment);
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + segment);
                Path dir = root.path(base.isEmpty() ? "/" : base);
                List<String> names = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    for (Path p : ds) {
                        if (m.matches(p.getFileName())) {
                            names.add(p.getFileName().toString());
                        }
                    }
                } catch (IOException | SecurityException e) {
                    continue;
                }
                names.stream().sorted().forEach(n -> next.add(base + "/" + n));
            }
            current = next;
        }
        return current;
    }
}
