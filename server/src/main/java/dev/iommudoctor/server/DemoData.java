package dev.iommudoctor.server;

import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Upload;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rule sample cases bundled in the jar ({@code samples/rules/<RULE>/<case>/}), loaded as demo
 * incidents (one per case folder, tagged {@code demo} and the case name) by {@code serve --demo}.
 */
public final class DemoData {

    private static final String ROOT = "/dev/iommudoctor/server/demo";

    private DemoData() {
    }

    /** Loads every bundled case unless the index already holds incidents; returns how many were added. */
    public static int loadInto(IncidentStore store, long maxBytes) throws IOException {
        if (store.count() > 0) {
            return 0;
        }
        URL url = DemoData.class.getResource(ROOT);
        if (url == null) {
            throw new IOException("demo samples are not bundled in this build");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                return load(store, fs.getPath(ROOT), maxBytes);
            }
        }
        return load(store, Path.of(uri), maxBytes);
    }

    private static int load(IncidentStore store, Path root, long maxBytes) throws IOException {
        List<Incident> prepared = new ArrayList<>();
        for (Path caseDir : caseDirs(root)) {
            List<Upload> parts = new ArrayList<>();
            try (Stream<Path> files = Files.list(caseDir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    parts.add(Upload.of(f.getFileName().toString(), () -> new java.io.ByteArrayInputStream(bytes)));
                }
            }
            if (!parts.isEmpty()) {
                prepared.add(store.prepare(parts, "demo", List.of("demo", caseDir.getFileName().toString()), maxBytes));
            }
        }
        store.addAll(prepared);
        return prepared.size();
    }

    private static List<Path> caseDirs(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> rules = Files.list(root)) {
            for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> cases = Files.list(rule)) {
                    cases.filter(Files::isDirectory).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }
}
