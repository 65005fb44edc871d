package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.Capture;
import dev.iommudoctor.collector.CommandRunner;
import dev.iommudoctor.collector.FileCapture;
import dev.iommudoctor.collector.HostRoot;
import dev.iommudoctor.collector.Limits;
import dev.iommudoctor.collector.SkipReason;
import java.nio.file.Files;
import java.util.List;

/** What sources share: the root to read under, the limits, and the command runner. */
public record CollectContext(HostRoot root, Limits limits, CommandRunner runner) {

    /**
     * Runs a command on a live host; under a fake root reads its captured output
     * {@code <root>/commands/<captured>} instead, so tests never depend on the build machine.
     */
    public Capture command(List<String> argv, String captured, int cap) {
        if (root.live()) {
            return runner.run(argv, cap);
        }
        var file = root.capturedCommand(captured);
        if (!Files.exists(file)) {
            return Capture.failed(SkipReason.ABSENT, "commands are not run under --root and commands/" + captured
                    + " holds no captured output");
        }
        return FileCapture.head(file, cap);
    }
}
