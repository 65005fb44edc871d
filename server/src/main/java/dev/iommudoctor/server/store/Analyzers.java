package dev.iommudoctor.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzers of the incident index: the standard analyzer without stop words for text fields, and
 * a lower-casing keyword analyzer for identifier fields, so the query parser neither splits
 * {@code RMRR-BAD-FIRMWARE} nor cares about its case (its {@code normalize} also lower-cases
 * wildcard and prefix terms: {@code rule:RMRR-*}).
 */
public final class Analyzers {

    private Analyzers() {
    }

    /** Text analysis for indexing and querying; identifiers are indexed pre-lower-cased as StringFields. */
    public static Analyzer perField() {
        Analyzer keyword = lowercaseKeyword();
        Map<String, Analyzer> perField = new HashMap<>();
        for (String f : IncidentFields.KEYWORD_FIELDS) {
            perField.put(f, keyword);
        }
        return new PerFieldAnalyzerWrapper(text(), perField);
    }

    public static Analyzer text() {
        return new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }

    static Analyzer lowercaseKeyword() {
        try {
            return CustomAnalyzer.builder().withTokenizer("keyword").addTokenFilter("lowercase").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
