package dev.iommudoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collect} and {@code analyze --live} as a user runs them. */
class CollectCommandTest {

    @TempDir
    Path tmp;

    private static Path hosts() {
        String dir = System.getProperty("samples.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "hosts")), "samples/hosts not found");
        return Path.of(dir, "hosts");
    }

    @Test
    void collectsAFakeRootAndAnalysesTheBundle() throws Exception {
        Path bundle = tmp.resolve("b.tar.gz");
        CliRun c = CliRun.of("collect", "--root", hosts().resolve("amd-no-lspci").toString(), "-o", bundle.toString(), "--redact");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.err().contains("redacted") && c.err().contains("lspci: ABSENT"), c.err());
        CliRun a = CliRun.of("analyze", bundle.toString(), "--no-color");
        assertEquals(1, a.exit(), a.err());
        assertTrue(a.out().contains("NUMA-HUGEPAGES-REMOTE") && a.out().contains("PCIE-LINK-DEGRADED"), a.out());
        assertTrue(!a.out().contains("epyc-node07"), "redacted hostname in the report");
    }

    @Test
    void analyzeWantsInputsOrLiveButNotBoth() {
        assertEquals(ExitCodes.USAGE, CliRun.of("analyze").exit());
        assertEquals(ExitCodes.USAGE, CliRun.of("analyze", "--live", "x.log").exit());
    }

    @Test
    void analyzeLiveRunsOnThisMachine() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "not Linux");
        CliRun r = CliRun.of("analyze", "--live", "--no-color", "--fail-on", "never", "-f", "json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"manifest.json\"") || r.out().contains("manifest.json"), r.out());
    }

    @Test
    void collectRejectsARootThatIsNotADirectory() {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.of("collect", "--root", tmp.resolve("nope").toString(), "-o", tmp.resolve("x.tar.gz").toString()).exit());
    }
}
