package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.SkipReason;
import dev.iommudoctor.collector.SourceOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code /dev/vfio} with owners and modes, written as {@code stat -c '%A %U %G %n'} lines
 * ({@code crw-rw---- root kvm /dev/vfio/12}) to {@code commands/dev-vfio.txt}. A fake root cannot
 * hold device nodes with owners, so there the captured {@code commands/dev-vfio.txt} is read.
 */
public final class DevVfioSource implements Source {

    static final String FILE = "dev-vfio.txt";

    private final Path dir;

    public DevVfioSource() {
        this(Path.of("/dev/vfio"));
    }

    /** @param dir the directory listed on a live host (tests point it at a temporary directory) */
    public DevVfioSource(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return "dev-vfio";
    }

    @Override
    public void collect(CollectContext ctx, SourceOutput out) {
        if (!ctx.root().live()) {
            ctx.command(List.of("stat"), FILE, ctx.limits().fileCap()).into(out, "commands/" + FILE, name());
            return;
        }
        if (!Files.isDirectory(dir)) {
            out.skip(name(), SkipReason.ABSENT, "/dev/vfio does not exist (vfio not loaded, or no IOMMU)");
            return;
        }
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir, 2)) {
            for (Path p : s.filter(p -> !p.equals(dir)).sorted().toList()) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                char type = a.isDirectory() ? 'd' : a.isSymbolicLink() ? 'l' : a.isOther() ? 'c' : '-';
                b.append(type).append(PosixFilePermissions.toString(a.permissions())).append(' ')
                        .append(a.owner().getName()).append(' ').append(a.group().getName()).append(' ').append(Path.of("/dev/vfio").resolve(dir.relativize(p))).append('\n');
            }
        } catch (IOException | UnsupportedOperationException | java.io.UncheckedIOException e) {
            out.skip(name(), e instanceof java.nio.file.AccessDeniedException ? SkipReason.PERMISSION_DENIED : SkipReason.FAILED,
                    "/dev/vfio: " + e.getMessage());
            return;
        }
        out.file("commands/" + FILE, b.toString().getBytes(StandardCharsets.UTF_8), name(), false);
    }
}
