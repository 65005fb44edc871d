package dev.iommudoctor.rules.analysis;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.input.BundleLimits;
import dev.iommudoctor.parser.input.InputWalker;
import dev.iommudoctor.parser.input.SkippedInput;
import dev.iommudoctor.rules.engine.RuleEngine;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.HostModelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The main job: read every input of a bundle (files, directories, archives, sosreports), correlate the
 * events into one host model and run the rule base. Inputs are recognised by content; unreadable
 * ones are reported in the model, never fatal.
 */
public final class Analyzer {

    private final RuleEngine engine;
    private final ParseLimits parseLimits;
    private final BundleLimits bundleLimits;

    public Analyzer(RuleEngine engine, ParseLimits parseLimits, BundleLimits bundleLimits) {
        this.engine = engine;
        this.parseLimits = parseLimits;
        this.bundleLimits = bundleLimits;
    }

    public static Analyzer withDefaults() {
        return new Analyzer(RuleEngine.builtIn(), ParseLimits.DEFAULT, BundleLimits.DEFAULT);
    }

    public RuleEngine engine() {
        return engine;
    }

    /** Analyses files and directories given on a command line as one host. */
    public Analysis analyze(List<Path> paths, ProgressListener progress) throws IOException {
        HostModelBuilder builder = new HostModelBuilder();
        InputWalker walker = new InputWalker(bundleLimits);
        for (Path path : paths) {
            walker.walk(path, (name, in, before) -> read(name, in, before, builder, walker, progress));
        }
        return finish(builder, walker);
    }

    /** Analyses one uploaded stream (a bundle or a loose file) named {@code name}. */
    public Analysis analyze(String name, InputStream in) throws IOException {
        HostModelBuilder builder = new HostModelBuilder();
        InputWalker walker = new InputWalker(bundleLimits);
        walker.walk(name, in, (n, s, before) -> read(n, s, before, builder, walker, ProgressListener.NONE));
        return finish(builder, walker);
    }

    /** Analyses several uploaded streams as one host; each pair is (name, stream). */
    public Analysis analyzeAll(List<NamedStream> streams) throws IOException {
        HostModelBuilder builder = new HostModelBuilder();
        InputWalker walker = new InputWalker(bundleLimits);
        for (NamedStream s : streams) {
            try (InputStream in = s.open()) {
                walker.walk(s.name(), in, (n, st, before) -> read(n, st, before, builder, walker, ProgressListener.NONE));
            }
        }
        return finish(builder, walker);
    }

    /** A named stream opened on demand. */
    public interface NamedStream {
        String name();

        InputStream open() throws IOException;
    }

    private void read(String name, InputStream in, int linesBefore, HostModelBuilder builder, InputWalker walker,
                      ProgressListener progress) throws IOException {
        ParseSummary summary = Parsers.parse(name, in, null, parseLimits, builder, linesBefore);
        builder.input(summary);
        progress.inputDone(name, walker.totalBytes());
    }

    private Analysis finish(HostModelBuilder builder, InputWalker walker) {
        for (SkippedInput s : walker.skipped()) {
            builder.skipped(s);
        }
        HostModel host = builder.build();
        boolean partial = walker.truncated() || host.inputs().stream().anyMatch(ParseSummary::partial);
        return new Analysis(host, engine.run(host), partial);
    }
}
