package dev.iommudoctor.server.search;

import java.time.Instant;

/**
 * One search: {@code q} in Lucene syntax (blank = all), an optional upload-time range, the order and the page.
 *
 * @param from      inclusive, null = open
 * @param to        exclusive, null = open
 * @param page      0-based
 * @param pageSize  1..{@value #MAX_PAGE_SIZE}
 */
public record SearchRequest(String q, Instant from, Instant to, Order order, int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;
    /** Deep pages cost a priority queue of page*size entries; nobody reads past this. */
    public static final int MAX_WINDOW = 10_000;

    public SearchRequest {
        if (page < 0) {
            throw new InvalidQueryException("page must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) (page + 1) * pageSize > MAX_WINDOW) {
            throw new InvalidQueryException("results past " + MAX_WINDOW + " are not paged; narrow the query");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("'from' must be before 'to'");
        }
        order = order == null ? Order.RELEVANCE : order;
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, null, Order.RELEVANCE, 0, 20);
    }

    /** Result order. */
    public enum Order {
        /** Best match first (ties: newest first). */
        RELEVANCE,
        /** Newest first. */
        NEWEST,
        /** Oldest first. */
        OLDEST;

        public static Order parse(String s) {
            if (s == null || s.isBlank()) {
                return RELEVANCE;
            }
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "relevance", "score" -> RELEVANCE;
                case "date", "newest", "date_desc" -> NEWEST;
                case "oldest", "date_asc" -> OLDEST;
                default -> throw new InvalidQueryException("sort must be relevance, newest or oldest, not '" + s + "'");
            };
        }
    }
}
