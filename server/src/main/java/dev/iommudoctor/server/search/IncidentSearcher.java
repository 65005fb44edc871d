package dev.iommudoctor.server.search;

import static dev.iommudoctor.server.store.IncidentFields.*;

import dev.iommudoctor.server.store.Analyzers;
import dev.iommudoctor.server.store.IncidentSummary;
import dev.iommudoctor.server.store.IncidentDocuments;
import dev.iommudoctor.server.store.IncidentStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Searches the incident index: parsed query plus date filter, exact total, facet counts and the
 * per-day histogram over all matches, one sorted page of hits with their matching evidence lines
 * highlighted. Each search runs on its own {@link IndexSearcher} over the shared reader so the time
 * limit of one request never leaks into another.
 */
public final class IncidentSearcher {

    /** Past this a search returns what it has, flagged {@code timedOut}. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 2_000;
    private static final int MAX_HIGHLIGHTS = 3;
    private static final int MAX_FACET_VALUES = 20;
    private static final int MAX_DAYS = 3_660;
    private static final java.util.Set<String> SUMMARY_ONLY = java.util.Set.of(SUMMARY);

    private final IncidentStore store;
    private final QueryParsing parsing = new QueryParsing();
    private final long timeoutMillis;
    private volatile SortedSetDocValuesReaderState facetState;

    public IncidentSearcher(IncidentStore store) {
        this(store, DEFAULT_TIMEOUT_MILLIS);
    }

    public IncidentSearcher(IncidentStore store, long timeoutMillis) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
    }

    public QueryParsing parsing() {
        return parsing;
    }

    public SearchResult search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        Query parsed = parsing.parse(request.q());
        Query query = withDateRange(parsed, request.from(), request.to());
        SearcherManager manager = store.searchers();
        IndexSearcher shared = manager.acquire();
        try {
            IndexReader reader = shared.getIndexReader();
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setTimeout(new QueryTimeoutImpl(timeoutMillis));
            int window = (request.page() + 1) * request.pageSize();
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, window,
                    sort(request.order()), true, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            ScoreDoc[] page = slice(top.scoreDocs, request.page() * request.pageSize(), request.pageSize());
            Map<String, List<String>> highlights = highlight(searcher, parsed, page);
            List<SearchResult.Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            IncidentDocuments docs = store.documents();
            for (ScoreDoc sd : page) {
                IncidentSummary s = docs.summaryOf(stored.document(sd.doc, SUMMARY_ONLY));
                hits.add(hit(s, sd.score, highlights.getOrDefault(s.id(), List.of())));
            }
            Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
            List<SearchResult.DayCount> histogram = new ArrayList<>();
            countFacets(reader, result.facetsCollector(), facets, histogram);
            long took = (System.nanoTime() - start) / 1_000_000;
            return new SearchResult(request.q(), top.totalHits.value, request.page(), request.pageSize(), hits, facets,
                    histogram, searcher.timedOut(), took);
        } finally {
            manager.release(shared);
        }
    }

    private static Query withDateRange(Query query, Instant from, Instant to) {
        if (from == null && to == null) {
            return query;
        }
        long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(TIME, lo, hi), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Sort sort(SearchRequest.Order order) {
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, new SortField(TIME, SortField.Type.LONG, true));
            case NEWEST -> new Sort(new SortField(TIME, SortField.Type.LONG, true));
            case OLDEST -> new Sort(new SortField(TIME, SortField.Type.LONG, false));
        };
    }

    private static ScoreDoc[] slice(ScoreDoc[] all, int offset, int size) {
        if (offset >= all.length) {
            return new ScoreDoc[0];
        }
        ScoreDoc[] out = new ScoreDoc[Math.min(size, all.length - offset)];
        System.arraycopy(all, offset, out, 0, out.length);
        return out;
    }

    /** Evidence lines matching the free-text part of the query, per incident id. */
    private Map<String, List<String>> highlight(IndexSearcher searcher, Query query, ScoreDoc[] page)
            throws IOException {
        if (page.length == 0) {
            return Map.of();
        }
        LineHighlighter highlighter = new LineHighlighter(UnifiedHighlighter.builder(searcher, Analyzers.text())
                // words typed without a field search TEXT, which contains the evidence: highlight them too
                .withFieldMatcher(f -> f.equals(EVIDENCE) || f.equals(TEXT))
                .withBreakIterator(() -> new CustomSeparatorBreakIterator('\n'))
                .withFormatter(new LinePassageFormatter())
                .withMaxNoHighlightPassages(0));
        int[] docIds = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        Map<String, Object[]> byField = highlighter.objects(new String[] {EVIDENCE}, query, docIds,
                new int[] {MAX_HIGHLIGHTS});
        Object[] values = byField.get(EVIDENCE);
        Map<String, List<String>> out = new LinkedHashMap<>();
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < page.length; i++) {
            if (values != null && values[i] instanceof List<?> list && !list.isEmpty()) {
                String id = stored.document(page[i].doc, java.util.Set.of(ID)).get(ID);
                out.put(id, list.stream().map(String::valueOf).toList());
            }
        }
        return out;
    }

    private void countFacets(IndexReader reader, FacetsCollector collector,
                             Map<String, List<SearchResult.FacetValue>> facets,
                             List<SearchResult.DayCount> histogram) throws IOException {
        SortedSetDocValuesReaderState state = facetState(reader);
        if (state == null) {
            return;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state, collector);
        java.util.Set<String> dims = new java.util.HashSet<>();
        state.getDims().forEach(dims::add);
        for (String dim : FACETS) {
            List<SearchResult.FacetValue> values = new ArrayList<>();
            if (dims.contains(dim)) {
                FacetResult r = counts.getTopChildren(MAX_FACET_VALUES, dim);
                if (r != null) {
                    for (LabelAndValue lv : r.labelValues) {
                        values.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
                    }
                }
            }
            facets.put(dim, values);
        }
        if (dims.contains(FACET_DAY)) {
            FacetResult days = counts.getTopChildren(MAX_DAYS, FACET_DAY);
            if (days != null) {
                for (LabelAndValue lv : days.labelValues) {
                    histogram.add(new SearchResult.DayCount(lv.label, lv.value.longValue()));
                }
                // ISO dates sort chronologically as strings
                histogram.sort((a, b) -> a.day().compareTo(b.day()));
            }
        }
    }

    /**
     * The ordinal map of the facet field, built once per reader (it costs a pass over the facet terms):
     * rebuilt only after a commit changed the index.
     */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        SortedSetDocValuesReaderState current = facetState;
        if (current != null && current.getReader() == reader) {
            return current;
        }
        synchronized (this) {
            current = facetState;
            if (current != null && current.getReader() == reader) {
                return current;
            }
            if (reader.maxDoc() == 0 || !hasFacetField(reader)) {
                return null;
            }
            current = new DefaultSortedSetDocValuesReaderState(reader, store.documents().facets());
            facetState = current;
            return current;
        }
    }

    private static boolean hasFacetField(IndexReader reader) {
        return reader.leaves().stream().anyMatch(l -> l.reader().getFieldInfos()
                .fieldInfo(org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null);
    }

    static SearchResult.Hit hit(IncidentSummary s, float score, List<String> highlights) {
        return new SearchResult.Hit(s.id(), Float.isNaN(score) ? 0f : score, s.time(), s.hostname(), s.status(),
                s.kernel(), s.system(), s.rules(), s.worstSeverity(), s.title(),
                highlights == null ? Collections.emptyList() : highlights);
    }
}
