package dev.iommudoctor.cli;

import dev.iommudoctor.rules.report.Escapes;
import dev.iommudoctor.rules.analysis.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr that appears only when reading takes over a second and stderr is a
 * terminal: small bundles print nothing extra, pipes and CI logs stay clean.
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;

    private final long start = System.nanoTime();
    private final boolean enabled = System.console() != null && System.getenv("IOMMU_DOCTOR_NO_PROGRESS") == null;
    private ProgressBar bar;

    @Override
    public void inputDone(String name, long bytesSoFar) {
        if (!enabled) {
            return;
        }
        if (bar == null && System.nanoTime() - start > DELAY_NANOS) {
            bar = new ProgressBarBuilder().setTaskName("Reading").setInitialMax(-1).setUnit(" MB", 1_000_000)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .showSpeed().build();
        }
        if (bar != null) {
            bar.stepTo(bytesSoFar);
            bar.setExtraMessage(" " + Escapes.terminal(shortName(name)));
        }
    }

    private static String shortName(String name) {
        return name.length() <= 40 ? name : "..." + name.substring(name.length() - 37);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
