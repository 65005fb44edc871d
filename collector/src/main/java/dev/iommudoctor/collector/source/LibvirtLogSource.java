package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.Capture;
import dev.iommudoctor.collector.FileCapture;
import dev.iommudoctor.collector.SkipReason;
import dev.iommudoctor.collector.SourceOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * libvirt's per-guest QEMU logs ({@code /var/log/libvirt/qemu/*.log}) of guests that use host devices:
 * only logs that mention {@code vfio-pci} or a hostdev are kept, each capped to its end (errors are
 * the last lines). Guests without passthrough say nothing useful and may be many.
 */
public final class LibvirtLogSource implements Source {

    @Override
    public String name() {
        return "libvirt-qemu-logs";
    }

    @Override
    public void collect(CollectContext ctx, SourceOutput out) {
        List<String> logs = Globs.expand(ctx.root(), "/var/log/libvirt/qemu/*.log");
        if (logs.isEmpty()) {
            out.skip(name(), SkipReason.ABSENT, "/var/log/libvirt/qemu/*.log: no guest logs (libvirt not used, or not readable)");
            return;
        }
        for (String path : logs) {
            Capture c = FileCapture.tail(ctx.root().path(path), ctx.limits().vmLogCap());
            if (!c.ok()) {
                c.into(out, path.substring(1), name());
                continue;
            }
            String text = new String(c.content().get(), StandardCharsets.UTF_8);
            if (text.contains("vfio-pci") || text.contains("hostdev") || text.contains("vfio")) {
                c.into(out, path.substring(1), name());
            }
        }
    }
}
