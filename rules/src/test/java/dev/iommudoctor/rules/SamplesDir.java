package dev.iommudoctor.rules;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code samples/}: from the Surefire property, else by walking up from the working directory (IDE runs). */
final class SamplesDir {

    private SamplesDir() {
    }

    static Path get() {
        String prop = System.getProperty("samples.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/rules"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/ not found; set -Dsamples.dir");
    }
}
