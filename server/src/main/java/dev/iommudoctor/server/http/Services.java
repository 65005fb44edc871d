package dev.iommudoctor.server.http;

import dev.iommudoctor.server.search.IncidentSearcher;
import dev.iommudoctor.server.search.SavedSearches;
import dev.iommudoctor.server.search.SimilarIncidents;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import java.time.Clock;

/** What the HTTP layer needs, built once per process. */
public record Services(IncidentStore store, IncidentSearcher searcher, SimilarIncidents similar,
                       SavedSearches savedSearches, AccessTokens tokens, ServerConfig config) {

    public static Services of(IncidentStore store, AccessTokens tokens, ServerConfig config) {
        return new Services(store, new IncidentSearcher(store), new SimilarIncidents(store),
                new SavedSearches(store.dataDir().resolve("saved-searches.json"), Json.mapper(), Clock.systemUTC()),
                tokens, config);
    }
}
