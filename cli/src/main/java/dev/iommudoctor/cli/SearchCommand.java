package dev.iommudoctor.cli;

import dev.iommudoctor.rules.report.Escapes;
import dev.iommudoctor.server.search.IncidentSearcher;
import dev.iommudoctor.server.search.InvalidQueryException;
import dev.iommudoctor.server.search.SearchRequest;
import dev.iommudoctor.server.search.SearchResult;
import dev.iommudoctor.server.store.IncidentStore;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommu-doctor search QUERY}: hits of the incident store in the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Searches past incidents (Lucene syntax: rule:RMRR-* AND kernel:5.15* \"bad RMRR\").",
                "Fields: rule severity row host cpu cpuModel system board bios biosDate kernel kernelSeries distro",
                "        device pciid class driver group tag status note uploader id; bare words search all text."})
final class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (words are joined by spaces).")
    List<String> query = List.of();

    @Mixin
    DataDirOption data;

    @Option(names = "--limit", defaultValue = "20", description = "Hits to show (default: ${DEFAULT-VALUE}, max 100).")
    int limit;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance, newest or oldest.")
    String sort;

    @Option(names = "--facets", description = "Also print facet counts.")
    boolean facets;

    @Override
    public Integer call() throws IOException {
        String q = String.join(" ", query);
        try (IncidentStore store = data.openReadOnly()) {
            SearchResult r;
            try {
                r = new IncidentSearcher(store).search(new SearchRequest(q, null, null, SearchRequest.Order.parse(sort), 0,
                        Math.max(1, Math.min(limit, SearchRequest.MAX_PAGE_SIZE))));
            } catch (InvalidQueryException e) {
                System.err.println(Escapes.terminal("iommu-doctor: " + e.getMessage()));
                return ExitCodes.USAGE;
            }
            System.out.printf(Locale.ROOT, "%d incident(s)%s, %d ms%n", r.total(), r.timedOut() ? " (time limit hit: partial)" : "",
                    r.tookMillis());
            for (SearchResult.Hit h : r.hits()) {
                System.out.println(Escapes.terminal(String.format(Locale.ROOT, "%s  %s  %-8s %-20s %-24s %s",
                        h.id(), h.time().toString().substring(0, 16).replace('T', ' '), h.status(),
                        h.hostname() == null ? "-" : h.hostname(), h.kernel() == null ? "-" : h.kernel(),
                        h.rules().isEmpty() ? "no findings" : String.join(",", h.rules()))));
                for (String line : h.highlights()) {
                    System.out.println("      " + Escapes.terminal(plain(line)));
                }
            }
            if (facets) {
                r.facets().forEach((dim, values) -> {
                    if (!values.isEmpty()) {
                        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-13s", dim));
                        values.stream().limit(8).forEach(v -> sb.append(' ').append(v.value()).append('=').append(v.count()));
                        System.out.println(Escapes.terminal(sb.toString()));
                    }
                });
            }
        }
        return ExitCodes.OK;
    }

    /** The highlight HTML back to text, matches in [brackets]. */
    static String plain(String html) {
        return html.replace("<mark>", "[").replace("</mark>", "]").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }
}
