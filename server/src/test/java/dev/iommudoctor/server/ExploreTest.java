package dev.iommudoctor.server;

import dev.iommudoctor.server.search.IncidentSearcher;
import dev.iommudoctor.server.search.SearchRequest;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreTest {
    @TempDir Path dir;

    @Test
    void explore() throws Exception {
        try (IncidentStore store = SampleCases.openStore(dir)) {
            long t = System.nanoTime();
            var all = SampleCases.ingestAll(store);
            System.out.println("ingested " + all.size() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            IncidentSearcher s = new IncidentSearcher(store);
            for (String q : new String[] {"*", "rule:RMRR-*", "rule:RMRR-* AND kernel:5.15*", "\"bad RMRR\"", "rule:RMRR-* AND kernel:5.15* \"bad RMRR\"", "driver:vfio-pci", "cpu:amd", "RMRR"}) {
                var r = s.search(SearchRequest.of(q));
                System.out.println("Q " + q + " -> " + r.total());
                if (q.equals("*") ) System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r.facets()) + r.histogram());
                r.hits().stream().limit(3).forEach(h -> System.out.println("   " + h));
            }
            System.out.println(Json.mapper().writeValueAsString(all.get(20)).substring(0, 3000));
        }
    }
}
