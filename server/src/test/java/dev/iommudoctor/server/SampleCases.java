package dev.iommudoctor.server;

import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import dev.iommudoctor.server.store.Upload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The rule sample cases ({@code samples/rules/<RULE>/<case>/}): each folder is one host's loose files. */
public final class SampleCases {

    private SampleCases() {
    }

    public static Path root() {
        return Path.of(System.getProperty("samples.dir", "../samples")).resolve("rules");
    }

    public static List<Path> all() {
        try (Stream<Path> rules = Files.list(root())) {
            List<Path> cases = new ArrayList<>();
            for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> c = Files.list(rule)) {
                    c.filter(Files::isDirectory).sorted().forEach(cases::add);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path caseDir(String rule, String name) {
        return root().resolve(rule).resolve(name);
    }

    /** The case's files except its description (case.md is documentation, not host data). */
    public static List<Path> files(Path caseDir) {
        try (Stream<Path> s = Files.list(caseDir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("case.md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Upload> uploads(Path caseDir) {
        return files(caseDir).stream().map(p -> Upload.of(p.getFileName().toString(), () -> Files.newInputStream(p)))
                .toList();
    }

    /** The case zipped in memory, as a support engineer would upload it. */
    public static byte[] zip(Path caseDir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : files(caseDir)) {
                zip.putNextEntry(new ZipEntry(caseDir.getFileName() + "/" + f.getFileName()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static IncidentStore openStore(Path data) throws IOException {
        return IncidentStore.open(data, Analyzer.withDefaults(), "test", Json.mapper());
    }

    /** Ingests every case, one incident each, tagged with the case folder name. */
    public static List<Incident> ingestAll(IncidentStore store) throws IOException {
        List<Incident> out = new ArrayList<>();
        for (Path c : all()) {
            out.add(store.ingest(uploads(c), "test", List.of(c.getFileName().toString()), 50_000_000));
        }
        return out;
    }
}
