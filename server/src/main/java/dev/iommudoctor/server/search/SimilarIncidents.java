package dev.iommudoctor.server.search;

import static dev.iommudoctor.server.store.IncidentFields.*;

import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.server.store.Analyzers;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * "Similar incidents": incidents sharing rule ids and vendor:device ids rank first (constant boosts
 * far above any text score, more shared = higher), then text similarity of findings and evidence
 * (MoreLikeThis) orders the rest and breaks ties.
 */
public final class SimilarIncidents {

    private static final float RULE_BOOST = 100f;
    private static final float DEVICE_BOOST = 40f;

    private final IncidentStore store;

    public SimilarIncidents(IncidentStore store) {
        this.store = store;
    }

    /**
     * @param sharedRules    rule ids both incidents have
     * @param sharedDevices  vendor:device ids both incidents have
     */
    public record Similar(String id, float score, Instant time, String hostname, String status, String note,
                          List<String> sharedRules, List<String> sharedDevices) {
    }

    /** Empty when there is no such incident. */
    public Optional<List<Similar>> similarTo(String id, int limit) throws IOException {
        Optional<Incident> found = store.get(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Incident incident = found.get();
        Set<String> rules = rules(incident);
        Set<String> devices = vendorDevices(incident);
        SearcherManager manager = store.searchers();
        IndexSearcher searcher = manager.acquire();
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String r : rules) {
                q.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(RULE, r.toLowerCase(Locale.ROOT)))),
                        RULE_BOOST), BooleanClause.Occur.SHOULD);
            }
            for (String d : devices) {
                q.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(VENDOR_DEVICE, d.toLowerCase(Locale.ROOT)))),
                        DEVICE_BOOST), BooleanClause.Occur.SHOULD);
            }
            Query text = moreLikeThis(searcher, id);
            if (text != null) {
                q.add(text, BooleanClause.Occur.SHOULD);
            }
            q.add(new TermQuery(new Term(ID, id)), BooleanClause.Occur.MUST_NOT);
            TopDocs top = searcher.search(q.build(), limit);
            List<Similar> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Incident other = store.documents().fromDocument(searcher.storedFields().document(sd.doc));
                List<String> sharedRules = rules(other).stream().filter(rules::contains).toList();
                List<String> sharedDevices = vendorDevices(other).stream().filter(devices::contains).toList();
                out.add(new Similar(other.id(), sd.score, other.time(), other.analysis().host().hostname(),
                        other.status(), other.note(), sharedRules, sharedDevices));
            }
            return Optional.of(out);
        } finally {
            manager.release(searcher);
        }
    }

    private static Query moreLikeThis(IndexSearcher searcher, String id) throws IOException {
        TopDocs self = searcher.search(new TermQuery(new Term(ID, id)), 1);
        if (self.scoreDocs.length == 0) {
            return null;
        }
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(Analyzers.text());
        mlt.setFieldNames(new String[] {MESSAGE, EVIDENCE});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(30);
        Query q = mlt.like(self.scoreDocs[0].doc);
        return q instanceof BooleanQuery b && b.clauses().isEmpty() ? null : q;
    }

    private static Set<String> rules(Incident i) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : i.analysis().findings()) {
            out.add(f.ruleId());
        }
        return out;
    }

    private static Set<String> vendorDevices(Incident i) {
        Set<String> out = new LinkedHashSet<>();
        i.devices().stream().map(Incident.DeviceFacts::vendorDevice).filter(Objects::nonNull).forEach(out::add);
        return out;
    }
}
