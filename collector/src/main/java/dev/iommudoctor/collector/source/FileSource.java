package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.FileCapture;
import dev.iommudoctor.collector.SkipReason;
import dev.iommudoctor.collector.SourceOutput;
import java.nio.file.Files;
import java.util.List;

/**
 * Host files copied into the bundle at their own path ({@code /proc/cmdline} -> {@code proc/cmdline}),
 * patterns allowed ({@code /etc/modprobe.d/*}). Directories, and files that fail, are skipped with the
 * reason; a pattern that matches nothing is recorded as absent.
 */
public final class FileSource implements Source {

    private final String name;
    private final List<String> patterns;

    public FileSource(String name, String... patterns) {
        this.name = name;
        this.patterns = List.of(patterns);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void collect(CollectContext ctx, SourceOutput out) {
        for (String pattern : patterns) {
            List<String> paths = Globs.expand(ctx.root(), pattern);
            boolean any = false;
            for (String path : paths) {
                var file = ctx.root().path(path);
                if (Files.isDirectory(file)) {
                    continue;
                }
                if (!Files.exists(file)) {
                    continue;
                }
                any = true;
                FileCapture.head(file, ctx.limits().fileCap()).into(out, path.substring(1), name);
            }
            if (!any) {
                out.skip(name, SkipReason.ABSENT, pattern + " does not exist on this host");
            }
        }
    }
}
