package dev.iommudoctor.server.search;

import dev.iommudoctor.server.store.Analyzers;
import dev.iommudoctor.server.store.IncidentFields;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Lucene classic query syntax over the incident fields ({@code rule:RMRR-* AND kernel:5.15* "bad RMRR"});
 * bare words search {@link IncidentFields#TEXT}; terms are ANDed unless OR is written.
 *
 * <p>Guards, since the query comes from anyone with read access: at most {@value #MAX_LENGTH}
 * characters, {@value #MAX_MULTI_TERM} wildcard/prefix/fuzzy/regexp terms (leading wildcards are
 * allowed, they scan a term dictionary, hence the bound), a low regexp determinization limit, and
 * {@value #MAX_CLAUSES} boolean clauses; the searcher adds a time limit.
 */
public final class QueryParsing {

    public static final int MAX_LENGTH = 2_000;
    public static final int MAX_MULTI_TERM = 8;
    public static final int MAX_CLAUSES = 1_024;
    private static final int DETERMINIZE_WORK_LIMIT = 2_000;

    static {
        IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }

    private final Analyzer analyzer = Analyzers.perField();

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Blank and {@code *} mean every incident. */
    public Query parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("*") || text.strip().equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("query longer than " + MAX_LENGTH + " characters");
        }
        QueryParser parser = new QueryParser(IncidentFields.TEXT, analyzer);
        parser.setAllowLeadingWildcard(true);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setDeterminizeWorkLimit(DETERMINIZE_WORK_LIMIT);
        parser.setFuzzyPrefixLength(1);
        parser.setSplitOnWhitespace(true);
        Query query;
        try {
            query = parser.parse(text);
        } catch (ParseException e) {
            throw new InvalidQueryException("malformed query: " + firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("query has too many clauses (limit " + MAX_CLAUSES + ")");
        } catch (RuntimeException e) {
            // e.g. TooComplexToDeterminizeException of a regexp bomb, IllegalArgumentException of a bad regexp
            throw new InvalidQueryException("query too complex or invalid: " + firstLine(String.valueOf(e.getMessage())));
        }
        AtomicInteger multiTerm = new AtomicInteger();
        query.visit(new QueryVisitor() {
            @Override
            public void visitLeaf(Query q) {
                if (q instanceof MultiTermQuery) {
                    multiTerm.incrementAndGet();
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (multiTerm.get() > MAX_MULTI_TERM) {
            throw new InvalidQueryException("query has " + multiTerm.get() + " wildcard, prefix, fuzzy or regexp terms;"
                    + " at most " + MAX_MULTI_TERM + " are allowed");
        }
        return allExceptWhenOnlyNegative(query);
    }

    /**
     * Lucene matches nothing for a query of only NOT clauses; people mean "everything except" (a
     * support engineer typing {@code NOT status:resolved}), so all documents are added as the positive part.
     */
    static Query allExceptWhenOnlyNegative(Query query) {
        if (query instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            b.clauses().forEach(all::add);
            return all.build();
        }
        return query;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message;
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        // the parser's "Cannot parse '...': " prefix repeats the whole query; keep the reason
        int colon = line.indexOf("': ");
        if (line.startsWith("Cannot parse '") && colon > 0) {
            line = line.substring(colon + 3);
        }
        return line.strip();
    }
}
