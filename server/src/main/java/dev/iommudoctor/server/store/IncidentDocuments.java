package dev.iommudoctor.server.store;

import static dev.iommudoctor.server.store.IncidentFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.report.AnalysisDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/**
 * Turns an {@link Incident} into a Lucene document (see {@link IncidentFields} for why each field is
 * indexed as it is) and back: the stored {@code source} JSON is the single source of truth, so a status
 * change rebuilds the whole document from it.
 */
public final class IncidentDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final Pattern SERIES = Pattern.compile("^(\\d+\\.\\d+)");
    /** Stored with offsets so the unified highlighter need not re-analyse evidence at query time. */
    private static final FieldType EVIDENCE_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        EVIDENCE_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        EVIDENCE_TYPE.freeze();
    }

    private final ObjectMapper json;
    private final FacetsConfig facets = facetsConfig();

    public IncidentDocuments(ObjectMapper json) {
        this.json = json;
    }

    /** The facet configuration shared by indexing and searching. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : MULTI_VALUED_FACETS) {
            config.setMultiValued(dim, true);
        }
        return config;
    }

    public FacetsConfig facets() {
        return facets;
    }

    public Document toDocument(Incident incident) throws IOException {
        Document doc = new Document();
        Set<String> text = new LinkedHashSet<>();
        doc.add(new StringField(ID, incident.id(), Field.Store.YES));
        long millis = incident.time().toEpochMilli();
        doc.add(new LongPoint(TIME, millis));
        doc.add(new NumericDocValuesField(TIME, millis));
        doc.add(new SortedSetDocValuesFacetField(FACET_DAY, DAY.format(incident.time())));
        keyword(doc, UPLOADER, incident.uploader());
        keyword(doc, STATUS, incident.status());
        facet(doc, FACET_STATUS, incident.status());
        for (String tag : incident.tags()) {
            keyword(doc, TAG, tag);
            text.add(tag);
        }
        if (!incident.note().isBlank()) {
            doc.add(new TextField(NOTE, incident.note(), Field.Store.NO));
            text.add(incident.note());
        }
        AnalysisDocument a = incident.analysis();
        AnalysisDocument.Host host = a.host();
        keyword(doc, HOST, host.hostname());
        keyword(doc, CPU_VENDOR, host.cpuVendor());
        facet(doc, FACET_CPU_VENDOR, host.cpuVendor());
        textField(doc, CPU_MODEL, host.cpuModel(), text);
        textField(doc, SYSTEM, host.system(), text);
        String board = boardVendor(host.system());
        keyword(doc, BOARD_VENDOR, board);
        facet(doc, FACET_BOARD_VENDOR, board);
        keyword(doc, BIOS_VERSION, host.biosVersion());
        facet(doc, FACET_BIOS_VERSION, host.biosVersion());
        keyword(doc, BIOS_DATE, host.biosDate());
        keyword(doc, KERNEL, host.kernel());
        String series = kernelSeries(host.kernel());
        keyword(doc, KERNEL_SERIES, series);
        facet(doc, FACET_KERNEL_SERIES, series);
        keyword(doc, DISTRO, host.distro());
        addIfPresent(text, host.hostname());
        addIfPresent(text, host.kernel());
        addIfPresent(text, host.cmdline());

        Set<String> rules = new LinkedHashSet<>();
        Set<String> severities = new LinkedHashSet<>();
        Set<String> rows = new LinkedHashSet<>();
        Set<String> evidence = new LinkedHashSet<>();
        for (Finding f : a.findings()) {
            rules.add(f.ruleId());
            severities.add(f.severity().name());
            rows.add(f.matrixRow().name());
            String message = f.title() + ". " + f.message();
            doc.add(new TextField(MESSAGE, message, Field.Store.YES));
            text.add(message);
            for (EvidenceLine e : f.evidence()) {
                evidence.add(e.text());
            }
        }
        for (String r : rules) {
            keyword(doc, RULE, r);
            facet(doc, FACET_RULE, r);
            text.add(r);
        }
        for (String s : severities) {
            keyword(doc, SEVERITY, s);
            facet(doc, FACET_SEVERITY, s);
        }
        rows.forEach(r -> keyword(doc, MATRIX_ROW, r));
        if (!evidence.isEmpty()) {
            // one value, lines separated by newlines: the highlighter breaks passages at '\n', so a
            // highlight is always one whole evidence line
            String lines = String.join("\n", evidence);
            doc.add(new Field(EVIDENCE, lines, EVIDENCE_TYPE));
            text.add(lines);
        }

        Set<String> vendorDevices = new LinkedHashSet<>();
        Set<String> drivers = new LinkedHashSet<>();
        for (Incident.DeviceFacts d : incident.devices()) {
            keyword(doc, DEVICE, d.address());
            keyword(doc, PCI_CLASS, d.classCode());
            if (d.vendorDevice() != null) {
                vendorDevices.add(d.vendorDevice());
            }
            if (d.driver() != null) {
                drivers.add(d.driver());
            }
            if (d.group() != null) {
                keyword(doc, GROUP, d.group().toString());
            }
            addIfPresent(text, d.className());
        }
        for (String vd : vendorDevices) {
            keyword(doc, VENDOR_DEVICE, vd);
            facet(doc, FACET_VENDOR_DEVICE, vd);
            text.add(vd);
        }
        for (String d : drivers) {
            keyword(doc, DRIVER, d);
            facet(doc, FACET_DRIVER, d);
            text.add(d);
        }
        doc.add(new TextField(TEXT, String.join("\n", text), Field.Store.NO));
        doc.add(new StoredField(SOURCE, json.writeValueAsBytes(incident)));
        doc.add(new StoredField(SUMMARY, json.writeValueAsBytes(IncidentSummary.of(incident))));
        return facets.build(doc);
    }

    public Incident fromDocument(Document doc) {
        try {
            return json.readValue(doc.getBinaryValue(SOURCE).bytes, Incident.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable incident " + doc.get(ID) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IncidentSummary summaryOf(Document doc) {
        try {
            return json.readValue(doc.getBinaryValue(SUMMARY).bytes, IncidentSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 5.15} of {@code 5.15.0-91-generic}; null when the release is unknown or odd. */
    public static String kernelSeries(String release) {
        if (release == null) {
            return null;
        }
        Matcher m = SERIES.matcher(release);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The first word of the DMI system string, without trailing punctuation: {@code ASUSTeK} of
     * "ASUSTeK COMPUTER INC. PRIME X570-PRO/PRIME X570-PRO, BIOS 4021 08/09/2021". A heuristic, but DMI
     * strings start with the maker in practice and the facet only needs to group.
     */
    public static String boardVendor(String system) {
        if (system == null || system.isBlank()) {
            return null;
        }
        String first = system.strip().split("\\s+")[0];
        return first.replaceAll("[,.;:/]+$", "");
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
    }

    private static void facet(Document doc, String dim, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(dim, value));
        }
    }

    private static void textField(Document doc, String field, String value, Set<String> text) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
            text.add(value);
        }
    }

    private static void addIfPresent(Set<String> text, String value) {
        if (value != null && !value.isBlank()) {
            text.add(value);
        }
    }
}
