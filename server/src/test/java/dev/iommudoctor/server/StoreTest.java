package dev.iommudoctor.server;

import static org.junit.jupiter.api.Assertions.*;

import dev.iommudoctor.rules.report.AnalysisDocument;
import dev.iommudoctor.server.search.IncidentSearcher;
import dev.iommudoctor.server.search.SearchRequest;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path data;

    private static final Path RMRR = SampleCases.caseDir("RMRR-BAD-FIRMWARE", "fires-when-bios-reports-bad-rmrr");

    @Test
    void restartKeepsIncidentsStatusAndNotes() throws Exception {
        String id;
        try (IncidentStore store = SampleCases.openStore(data)) {
            id = store.ingest(SampleCases.uploads(RMRR), "alice", List.of("lab"), 10_000_000).id();
            store.updateStatus(id, Incident.RESOLVED, "BIOS 1801 fixed it");
        }
        try (IncidentStore store = SampleCases.openStore(data)) {
            Incident again = store.get(id).orElseThrow();
            assertEquals("alice", again.uploader());
            assertEquals(Incident.RESOLVED, again.status());
            assertEquals("BIOS 1801 fixed it", again.note());
            assertEquals("RMRR-BAD-FIRMWARE", again.analysis().findings().get(0).ruleId());
            assertEquals(1, store.count(), "a status change replaces the document, never duplicates it");
        }
    }

    @Test
    void sameBytesUploadedTwiceAreStoredOnce() throws Exception {
        try (IncidentStore store = SampleCases.openStore(data)) {
            Incident a = store.ingest(SampleCases.uploads(RMRR), "a", List.of(), 10_000_000);
            Incident b = store.ingest(SampleCases.uploads(RMRR), "b", List.of(), 10_000_000);
            assertNotEquals(a.id(), b.id());
            assertEquals(a.files(), b.files());
            try (Stream<Path> s = Files.walk(data.resolve("bundles"))) {
                long stored = s.filter(Files::isRegularFile).count();
                assertEquals(SampleCases.files(RMRR).size(), stored);
            }
        }
    }

    @Test
    void reindexReanalysesFromStoredBundlesKeepingMetadata() throws Exception {
        try (IncidentStore store = SampleCases.openStore(data)) {
            Incident fresh = store.prepare(SampleCases.uploads(RMRR), "alice", List.of("lab"), 10_000_000);
            // as if analysed by an older version that had no RMRR rule
            AnalysisDocument a = fresh.analysis();
            AnalysisDocument old = new AnalysisDocument(a.schema(), a.schemaVersion(), "0.0.1", a.partial(), a.host(),
                    a.summary(), List.of(), a.notEvaluated(), a.notApplicable(), a.devices(), a.inputs(), a.skipped(),
                    a.ruleErrors());
            store.addAll(List.of(fresh.withAnalysis(fresh.devices(), old, fresh.time())));
            store.updateStatus(fresh.id(), Incident.RESOLVED, "note survives");
            IncidentSearcher searcher = new IncidentSearcher(store);
            assertEquals(0, searcher.search(SearchRequest.of("rule:RMRR-BAD-FIRMWARE")).total());

            List<String> seen = new ArrayList<>();
            IncidentStore.ReindexResult result = store.reindex(i -> seen.add(i.id()));
            assertEquals(new IncidentStore.ReindexResult(1, 1, List.of()), result);
            assertEquals(List.of(fresh.id()), seen);
            assertEquals(1, searcher.search(SearchRequest.of("rule:RMRR-BAD-FIRMWARE")).total());
            Incident after = store.get(fresh.id()).orElseThrow();
            assertEquals("test", after.analysis().toolVersion());
            assertEquals("note survives", after.note());
            assertEquals(Incident.RESOLVED, after.status());
            assertEquals(fresh.time(), after.time());
        }
    }

    /**
     * A child JVM ingests in a loop and prints each id once {@code ingest} returned (= acknowledged);
     * it is killed with SIGKILL mid-flight; every printed id must be in the reopened index.
     */
    @Test
    void killDuringIngestLosesNoAcknowledgedIncident() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dsamples.dir=" + SampleCases.root().getParent(),
                IngestLoop.class.getName(), data.toString())
                .redirectErrorStream(false).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(line.strip());
                if (acknowledged.size() == 12) {
                    child.destroyForcibly();   // SIGKILL: no shutdown hook, no close
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(12, acknowledged.size(), "child did not acknowledge 12 uploads");
        try (IncidentStore store = SampleCases.openStore(data)) {
            for (String id : acknowledged) {
                assertTrue(store.get(id).isPresent(), "acknowledged incident lost: " + id);
            }
            assertTrue(store.count() >= acknowledged.size());
        }
    }

    /** The child of {@link #killDuringIngestLosesNoAcknowledgedIncident}. */
    public static final class IngestLoop {
        public static void main(String[] args) throws Exception {
            IncidentStore store = SampleCases.openStore(Path.of(args[0]));
            List<Path> cases = SampleCases.all();
            for (int i = 0; ; i++) {
                Incident incident = store.ingest(SampleCases.uploads(cases.get(i % cases.size())), "loop", List.of(),
                        10_000_000);
                System.out.println(incident.id());
                System.out.flush();
            }
        }
    }
}
