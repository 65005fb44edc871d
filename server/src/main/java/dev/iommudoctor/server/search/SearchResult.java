package dev.iommudoctor.server.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total      matching incidents (exact)
 * @param facets     per dimension, values with counts, most frequent first (over all matches, not only this page)
 * @param histogram  incidents per upload day (UTC) over all matches, oldest day first
 * @param timedOut   true when the time limit cut the search: counts and hits are then partial
 */
public record SearchResult(String query, long total, int page, int pageSize, List<Hit> hits,
                           Map<String, List<FacetValue>> facets, List<DayCount> histogram, boolean timedOut,
                           long tookMillis) {

    /**
     * One matching incident, enough for a result row.
     *
     * @param highlights  matching evidence lines, HTML-escaped with matches in {@code <mark>...</mark>}
     */
    public record Hit(String id, float score, Instant time, String hostname, String status, String kernel,
                      String system, List<String> rules, String worstSeverity, String title,
                      List<String> highlights) {
    }

    public record FacetValue(String value, long count) {
    }

    public record DayCount(String day, long count) {
    }
}
