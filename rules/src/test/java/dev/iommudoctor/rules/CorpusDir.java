package dev.iommudoctor.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real logs (../shared/corpus). CI has it; a developer machine may not: then the
 * tests that need it are reported as skipped with the reason, never silently passed.
 */
final class CorpusDir {

    private CorpusDir() {
    }

    static Path require() {
        String prop = System.getProperty("corpus.dir", "../../shared/corpus");
        Path dir = Path.of(prop);
        boolean present = Files.isDirectory(dir.resolve("public"));
        if (!present) {
            System.err.println("CORPUS ABSENT: " + dir.toAbsolutePath() + " not found; corpus accuracy tests are SKIPPED");
        }
        Assumptions.assumeTrue(present, "corpus not found at " + dir.toAbsolutePath() + " (set -Dcorpus.dir)");
        return dir;
    }
}
