package dev.iommudoctor.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest, search and reindex against a scratch data directory filled with the rule sample cases. */
class IncidentCommandsTest {

    @TempDir
    Path data;

    private static Path samples() {
        return Path.of(System.getProperty("samples.dir", "../samples")).resolve("rules");
    }

    @Test
    void ingestSearchReindex() {
        Path rmrr = samples().resolve("RMRR-BAD-FIRMWARE");
        long cases;
        try (var dirs = java.nio.file.Files.list(rmrr)) {
            cases = dirs.filter(java.nio.file.Files::isDirectory).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun ingest = CliRun.of("ingest", "--data", data.toString(), "--tag", "cli-test", rmrr.toString());
        assertEquals(0, ingest.exit(), ingest.err());
        assertTrue(ingest.out().contains("ingested " + cases + " of " + cases), ingest.out());

        CliRun search = CliRun.of("search", "--data", data.toString(), "--facets", "rule:rmrr-*", "AND", "\"bad RMRR\"");
        assertEquals(0, search.exit(), search.err());
        assertTrue(search.out().matches("(?s)[1-9]\\d* incident\\(s\\).*"), search.out());
        assertTrue(search.out().contains("RMRR-BAD-FIRMWARE"), search.out());
        assertTrue(search.out().contains("[bad RMRR]"), "highlight shown in brackets: " + search.out());

        CliRun tagged = CliRun.of("search", "--data", data.toString(), "tag:cli-test");
        assertTrue(tagged.out().startsWith(cases + " incident(s)"), tagged.out());

        CliRun bad = CliRun.of("search", "--data", data.toString(), "rule:(");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.err().contains("malformed query"), bad.err());

        CliRun reindex = CliRun.of("reindex", "--data", data.toString());
        assertEquals(0, reindex.exit(), reindex.err());
        assertTrue(reindex.out().contains("re-analysed " + cases + " of " + cases), reindex.out());
    }

    @Test
    void serveRefusesAnOpenBindWithoutTokens() {
        CliRun serve = CliRun.of("serve", "--data", data.toString(), "--bind", "0.0.0.0", "--port", "0");
        assertEquals(ExitCodes.USAGE, serve.exit());
        assertTrue(serve.err().contains("requires access tokens"), serve.err());
    }
}
