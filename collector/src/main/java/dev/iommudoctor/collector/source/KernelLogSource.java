package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.Capture;
import dev.iommudoctor.collector.FileCapture;
import dev.iommudoctor.collector.SourceOutput;
import java.util.List;

/**
 * The kernel log: {@code dmesg} (needs root where {@code kernel.dmesg_restrict=1}), else
 * {@code journalctl -k -b} (users in the {@code adm}/{@code systemd-journal} groups may read it), else
 * {@code /var/log/kern.log}. Each failed attempt is recorded; the first success ends the search.
 */
public final class KernelLogSource implements Source {

    @Override
    public String name() {
        return "kernel-log";
    }

    @Override
    public void collect(CollectContext ctx, SourceOutput out) {
        int cap = ctx.limits().logCap();
        Capture dmesg = ctx.command(List.of("dmesg"), "dmesg.txt", cap);
        if (usable(dmesg) && dmesg.into(out, "commands/dmesg.txt", "kernel-log/dmesg")) {
            return;
        }
        record(dmesg, out, "kernel-log/dmesg");
        Capture journal = ctx.command(List.of("journalctl", "-k", "-b", "--no-pager", "-o", "short-monotonic"), "journalctl-k.txt", cap);
        if (usable(journal) && journal.into(out, "commands/journalctl-k.txt", "kernel-log/journalctl")) {
            return;
        }
        record(journal, out, "kernel-log/journalctl");
        Capture kern = FileCapture.tail(ctx.root().path("/var/log/kern.log"), cap);
        kern.into(out, "var/log/kern.log", "kernel-log/kern.log");
    }

    /** journalctl prints "-- No entries --" and exits 0 when the user may not read the journal. */
    private static boolean usable(Capture c) {
        if (!c.ok()) {
            return false;
        }
        byte[] b = c.content().get();
        String head = new String(b, 0, Math.min(b.length, 200), java.nio.charset.StandardCharsets.UTF_8).strip();
        return !head.isEmpty() && !head.startsWith("-- No entries --") && !head.startsWith("No journal files were found");
    }

    private static void record(Capture c, SourceOutput out, String source) {
        if (c.ok()) {
            out.skip(source, dev.iommudoctor.collector.SkipReason.ABSENT, "empty output (no entries visible to this user)");
        } else {
            c.into(out, "", source);
        }
    }
}
