package dev.iommudoctor.collector;

import java.util.ArrayList;
import java.util.List;

/**
 * What one source produced: files and skips. Each source writes into its own output so that a source
 * that times out contributes nothing half-written; the collector merges outputs of finished sources.
 */
public final class SourceOutput {

    private final List<BundleFile> files = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    public synchronized void file(String path, byte[] content, String source, boolean truncated) {
        files.add(new BundleFile(path, content, source, truncated));
    }

    public synchronized void skip(String source, SkipReason reason, String detail) {
        skipped.add(new Skipped(source, reason, detail));
    }

    public synchronized List<BundleFile> files() {
        return List.copyOf(files);
    }

    public synchronized List<Skipped> skipped() {
        return List.copyOf(skipped);
    }
}
