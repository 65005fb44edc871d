package dev.iommudoctor.server.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Named queries kept in {@code DATA/saved-searches.json} (a small list; rewritten whole through a
 * temporary file and an atomic rename, so a kill never leaves half a file).
 */
public final class SavedSearches {

    public static final int MAX_SAVED = 500;
    public static final int MAX_NAME = 200;

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param id     random, used in URLs
     * @param name   "bad RMRR on X570"
     * @param query  Lucene syntax, as for {@code /api/search?q=}
     */
    public record SavedSearch(String id, String name, String query, Instant created) {
    }

    public SavedSearches(Path file, ObjectMapper json, Clock clock) {
        this.file = file;
        this.json = json;
        this.clock = clock;
    }

    public synchronized List<SavedSearch> list() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return List.copyOf(json.readValue(file.toFile(), new TypeReference<List<SavedSearch>>() { }));
    }

    /** Saves a query after checking it parses; a query saved under an existing name replaces it. */
    public synchronized SavedSearch save(String name, String query, QueryParsing parsing) throws IOException {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidQueryException("a saved search needs a name of 1 to " + MAX_NAME + " characters");
        }
        parsing.parse(query);
        List<SavedSearch> all = new ArrayList<>(list());
        all.removeIf(s -> s.name().equals(name.strip()));
        if (all.size() >= MAX_SAVED) {
            throw new InvalidQueryException("at most " + MAX_SAVED + " saved searches");
        }
        byte[] id = new byte[6];
        random.nextBytes(id);
        SavedSearch saved = new SavedSearch(HexFormat.of().formatHex(id), name.strip(), query == null ? "" : query,
                clock.instant());
        all.add(saved);
        write(all);
        return saved;
    }

    public synchronized boolean delete(String id) throws IOException {
        List<SavedSearch> all = new ArrayList<>(list());
        boolean removed = all.removeIf(s -> s.id().equals(id));
        if (removed) {
            write(all);
        }
        return removed;
    }

    private void write(List<SavedSearch> all) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), all);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
