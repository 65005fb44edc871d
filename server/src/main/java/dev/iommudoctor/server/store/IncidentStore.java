package dev.iommudoctor.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.report.AnalysisDocuments;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The incident store: an embedded Lucene index ({@code DATA/index}) and the uploaded files
 * ({@code DATA/bundles}). One {@link IndexWriter} and one {@link SearcherManager} are shared by every
 * request. An upload is acknowledged only after its document is committed, so a kill at any moment
 * leaves every acknowledged incident in the index (Lucene commits are atomic; an interrupted commit
 * rolls back to the previous one on open).
 */
public final class IncidentStore implements Closeable {

    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final BundleStore bundles;
    private final Analyzer analyzer;
    private final String toolVersion;
    private final Clock clock;
    private final IncidentDocuments documents;
    private final org.apache.lucene.store.Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SecureRandom random = new SecureRandom();
    /** Numbers every change handed to the writer; {@link #committed} is the highest one made durable. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private final Object commitLock = new Object();
    private long committed;

    private IncidentStore(Path dataDir, Analyzer analyzer, String toolVersion, Clock clock, ObjectMapper json)
            throws IOException {
        this(dataDir, analyzer, toolVersion, clock, json, false);
    }

    private IncidentStore(Path dataDir, Analyzer analyzer, String toolVersion, Clock clock, ObjectMapper json,
                          boolean readOnly) throws IOException {
        this.dataDir = dataDir;
        this.analyzer = analyzer;
        this.toolVersion = toolVersion;
        this.clock = clock;
        this.documents = new IncidentDocuments(json);
        this.bundles = new BundleStore(dataDir.resolve("bundles"));
        if (readOnly) {
            // Searching beside a running server: no write lock, a point-in-time view of the last commit.
            Path index = dataDir.resolve("index");
            if (!Files.isDirectory(index) || !org.apache.lucene.index.DirectoryReader.indexExists(FSDirectory.open(index))) {
                throw new java.io.FileNotFoundException("no incident index in " + dataDir + " (run 'iommu-doctor ingest' or 'serve' first)");
            }
            this.directory = FSDirectory.open(index);
            this.writer = null;
            this.searchers = new SearcherManager(directory, null);
            return;
        }
        this.directory = new SyncOnceDirectory(FSDirectory.open(Files.createDirectories(dataDir.resolve("index"))));
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        // an empty commit makes a fresh index readable at once
        writer.commit();
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the store under {@code dataDir}. */
    public static IncidentStore open(Path dataDir, Analyzer analyzer, String toolVersion, ObjectMapper json)
            throws IOException {
        return new IncidentStore(dataDir, analyzer, toolVersion, Clock.systemUTC(), json);
    }

    /** Opens an existing store for searching only: works while a server holds the write lock. */
    public static IncidentStore openReadOnly(Path dataDir, Analyzer analyzer, String toolVersion, ObjectMapper json)
            throws IOException {
        return new IncidentStore(dataDir, analyzer, toolVersion, Clock.systemUTC(), json, true);
    }

    public static IncidentStore open(Path dataDir, Analyzer analyzer, String toolVersion, ObjectMapper json,
                                     Clock clock) throws IOException {
        return new IncidentStore(dataDir, analyzer, toolVersion, clock, json);
    }

    public Path dataDir() {
        return dataDir;
    }

    public SearcherManager searchers() {
        return searchers;
    }

    public IncidentDocuments documents() {
        return documents;
    }

    public BundleStore bundles() {
        return bundles;
    }

    /**
     * Stores the uploaded parts, analyses them as one host, indexes and commits the incident: when this
     * returns the incident survives a crash.
     *
     * @param maxBytes limit of the sum of all parts
     * @throws BundleStore.TooLargeException over the limit (nothing is indexed)
     */
    public Incident ingest(List<Upload> parts, String uploader, List<String> tags, long maxBytes) throws IOException {
        Incident incident = prepare(parts, uploader, tags, maxBytes);
        writer.addDocument(documents.toDocument(incident));
        commitThrough(changes.incrementAndGet());
        return incident;
    }

    /**
     * Stores and analyses without indexing: {@link #addAll} indexes many at once with one commit
     * (bulk loading, where one fsync per bundle would dominate).
     */
    public Incident prepare(List<Upload> parts, String uploader, List<String> tags, long maxBytes) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no file in the upload");
        }
        List<Incident.StoredFile> files = new ArrayList<>();
        long left = maxBytes;
        for (Upload part : parts) {
            try (InputStream in = part.open()) {
                Incident.StoredFile f = bundles.put(safeName(part.name()), in, left);
                left -= f.size();
                files.add(f);
            }
        }
        Instant now = clock.instant();
        Analysed analysed = analyse(files);
        return new Incident(newId(now), now, uploader, tags, Incident.OPEN, "", "", now, files, analysed.devices(),
                analysed.document());
    }

    /** Indexes already prepared (or generated) incidents and commits once. */
    public void addAll(List<Incident> incidents) throws IOException {
        List<Document> docs = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            docs.add(documents.toDocument(i));
        }
        writer.addDocuments(docs);
        commitThrough(changes.incrementAndGet());
    }

    public Optional<Incident> get(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(IncidentFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(documents.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
        } finally {
            searchers.release(searcher);
        }
    }

    /** Sets status and resolution note (author unknown); empty when there is no such incident. */
    public Optional<Incident> updateStatus(String id, String status, String note) throws IOException {
        return updateStatus(id, status, note, "");
    }

    /** Sets status and resolution note, recording who did it; empty when there is no such incident. */
    public synchronized Optional<Incident> updateStatus(String id, String status, String note, String by)
            throws IOException {
        Optional<Incident> current = get(id);
        if (current.isEmpty()) {
            return current;
        }
        Incident updated = current.get().withStatus(status, note, by, clock.instant());
        writer.updateDocument(new Term(IncidentFields.ID, id), documents.toDocument(updated));
        commitThrough(changes.incrementAndGet());
        return Optional.of(updated);
    }

    /** Waits for background segment merges to finish (benchmarks measure a settled index). */
    public void awaitMerges() {
        if (writer.getConfig().getMergeScheduler() instanceof org.apache.lucene.index.ConcurrentMergeScheduler cms) {
            cms.sync();
        }
    }

    public int count() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Re-analyses every incident from its stored files with the current rules, keeping id, time,
     * uploader, tags, status and note. Incidents whose files are gone keep their old analysis.
     */
    public synchronized ReindexResult reindex(Consumer<Incident> progress) throws IOException {
        List<Incident> all = new ArrayList<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(new MatchAllDocsQuery(), Math.max(1, searcher.getIndexReader().maxDoc()))
                    .scoreDocs) {
                all.add(documents.fromDocument(stored.document(sd.doc)));
            }
        } finally {
            searchers.release(searcher);
        }
        all.sort(Comparator.comparing(Incident::time));
        int done = 0;
        List<String> failed = new ArrayList<>();
        for (Incident old : all) {
            if (old.files().isEmpty() || !old.files().stream().allMatch(bundles::exists)) {
                failed.add(old.id() + ": stored files missing");
                continue;
            }
            try {
                Analysed analysed = analyse(old.files());
                Incident updated = old.withAnalysis(analysed.devices(), analysed.document(), clock.instant());
                writer.updateDocument(new Term(IncidentFields.ID, old.id()), documents.toDocument(updated));
                done++;
                progress.accept(updated);
            } catch (IOException | RuntimeException e) {
                failed.add(old.id() + ": " + e.getMessage());
            }
        }
        commitThrough(changes.incrementAndGet());
        return new ReindexResult(all.size(), done, failed);
    }

    /** @param failed one line per incident that kept its old analysis, with why */
    public record ReindexResult(int total, int reanalysed, List<String> failed) {
    }

    /**
     * Group commit: returns once change number {@code seq} (taken after its document was handed to the
     * writer) is durable. Concurrent uploads waiting here share one commit (one fsync round) instead of
     * queueing one each; a lone upload still gets its own.
     */
    private void commitThrough(long seq) throws IOException {
        synchronized (commitLock) {
            if (committed >= seq) {
                return;
            }
            long target = changes.get();
            writer.commit();
            committed = target;
            searchers.maybeRefreshBlocking();
        }
    }

    private Analysed analyse(List<Incident.StoredFile> files) throws IOException {
        List<Analyzer.NamedStream> streams = new ArrayList<>();
        for (Incident.StoredFile f : files) {
            streams.add(new Analyzer.NamedStream() {
                @Override
                public String name() {
                    return f.name();
                }

                @Override
                public InputStream open() throws IOException {
                    return bundles.open(f);
                }
            });
        }
        Analysis analysis = analyzer.analyzeAll(streams);
        List<Incident.DeviceFacts> devices = analysis.host().pci().functions().stream()
                .filter(f -> !f.isBridge())
                .map(IncidentStore::facts)
                .toList();
        return new Analysed(AnalysisDocuments.of(analysis, toolVersion), devices);
    }

    private static Incident.DeviceFacts facts(PciFunction f) {
        return new Incident.DeviceFacts(f.address().toString(), f.vendorDevice().orElse(null),
                f.classCode().orElse(null), f.className().orElse(null), f.driver().orElse(null),
                f.iommuGroup().isPresent() ? f.iommuGroup().getAsInt() : null);
    }

    private record Analysed(dev.iommudoctor.rules.report.AnalysisDocument document, List<Incident.DeviceFacts> devices) {
    }

    private String newId(Instant now) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return ID_DAY.format(now) + "-" + HexFormat.of().formatHex(bytes);
    }

    /** Keeps the last path element of an uploaded name, printable characters only (it is shown, never opened). */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}]", "_");
        if (base.isBlank() || base.equals(".") || base.equals("..")) {
            return "upload";
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            if (writer != null) {
                writer.close();
            }
            directory.close();
        }
    }
}
