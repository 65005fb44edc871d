package dev.iommudoctor.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens with roles. Configured in a file (one token a line: {@code NAME ROLE[,ROLE] TOKEN},
 * {@code #} comments) or in the environment variable {@value #ENV}
 * ({@code NAME:ROLE[+ROLE]:TOKEN;NAME:...}). Roles: {@code read}, {@code upload} (upload includes read).
 *
 * <p>Tokens are kept only as SHA-256 digests and compared with {@link MessageDigest#isEqual}, against
 * every configured token, so timing reveals neither a token nor which one nearly matched. A token
 * never appears in a message or log: errors name the line number only.
 */
public final class AccessTokens {

    public static final String ENV = "IOMMU_DOCTOR_TOKENS";
    private static final int MIN_TOKEN_LENGTH = 16;

    /** The identity of a caller: the token's name (recorded as uploader) and its roles. */
    public record Principal(String name, Set<Role> roles) {
        public static final Principal LOCAL = new Principal("local", EnumSet.allOf(Role.class));
    }

    private record Entry(Principal principal, byte[] digest) {
    }

    private final List<Entry> entries;

    private AccessTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AccessTokens none() {
        return new AccessTokens(List.of());
    }

    public boolean enabled() {
        return !entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The principal owning {@code token}; empty for a null, blank or unknown token. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] digest = sha256(token.strip());
        Principal match = null;
        for (Entry e : entries) {
            // no early exit: every entry is compared
            if (MessageDigest.isEqual(e.digest(), digest)) {
                match = e.principal();
            }
        }
        return Optional.ofNullable(match);
    }

    public static AccessTokens fromFile(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected NAME ROLE[,ROLE] TOKEN");
            }
            entries.add(entry(parts[0], parts[1].split(","), parts[2], file + " line " + (i + 1)));
        }
        return new AccessTokens(entries);
    }

    public static AccessTokens fromEnv(String value) {
        List<Entry> entries = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return new AccessTokens(entries);
        }
        String[] items = value.split(";");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (item.isEmpty()) {
                continue;
            }
            String[] parts = item.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException(ENV + " entry " + (i + 1) + ": expected NAME:ROLE[+ROLE]:TOKEN");
            }
            entries.add(entry(parts[0], parts[1].split("\\+"), parts[2], ENV + " entry " + (i + 1)));
        }
        return new AccessTokens(entries);
    }

    /** Both sources together (file first). */
    public AccessTokens plus(AccessTokens other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new AccessTokens(all);
    }

    private static Entry entry(String name, String[] roleNames, String token, String where) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : roleNames) {
            switch (r.strip().toLowerCase(Locale.ROOT)) {
                case "read" -> roles.add(Role.READ);
                case "upload" -> {
                    roles.add(Role.UPLOAD);
                    roles.add(Role.READ);
                }
                default -> throw new IllegalArgumentException(where + ": unknown role (use read or upload)");
            }
        }
        if (token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(where + ": token shorter than " + MIN_TOKEN_LENGTH + " characters");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException(where + ": empty name");
        }
        return new Entry(new Principal(name.strip(), roles), sha256(token.strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
