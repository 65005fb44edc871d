package dev.iommudoctor.server.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Exposes the unified highlighter's per-passage objects (one list of lines per hit, see {@link LinePassageFormatter}). */
final class LineHighlighter extends UnifiedHighlighter {

    LineHighlighter(Builder builder) {
        super(builder);
    }

    Map<String, Object[]> objects(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
        return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }
}
