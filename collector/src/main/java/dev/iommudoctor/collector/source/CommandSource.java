package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.Capture;
import dev.iommudoctor.collector.FileCapture;
import dev.iommudoctor.collector.SourceOutput;
import java.util.List;
import java.util.Optional;

/**
 * One command's output ({@code lspci -nnvvv -k}, {@code ip -d link}, {@code lsmod}), stored as
 * {@code commands/<file>}; optionally a file that says the same when the command is missing
 * ({@code /proc/modules} for {@code lsmod}).
 */
public final class CommandSource implements Source {

    private final String name;
    private final List<String> argv;
    private final String file;
    private final Optional<String> fallbackPath;
    private final boolean bigOutput;

    public CommandSource(String name, List<String> argv, String file, Optional<String> fallbackPath, boolean bigOutput) {
        this.name = name;
        this.argv = List.copyOf(argv);
        this.file = file;
        this.fallbackPath = fallbackPath;
        this.bigOutput = bigOutput;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void collect(CollectContext ctx, SourceOutput out) {
        int cap = bigOutput ? ctx.limits().logCap() : ctx.limits().fileCap();
        Capture c = ctx.command(argv, file, cap);
        if (c.into(out, "commands/" + file, name) || fallbackPath.isEmpty()) {
            return;
        }
        String path = fallbackPath.get();
        FileCapture.head(ctx.root().path(path), cap).into(out, path.substring(1), name + path);
    }
}
