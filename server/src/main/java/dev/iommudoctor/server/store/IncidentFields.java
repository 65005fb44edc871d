package dev.iommudoctor.server.store;

import java.util.List;
import java.util.Set;

/**
 * Every Lucene field name of an incident, in one place, with why it is indexed the way it is.
 * Names double as the query syntax: {@code rule:RMRR-* AND kernel:5.15* "bad RMRR"}.
 *
 * <p>Kinds: <b>keyword</b> = one untokenised term, lower-cased at index and query time so
 * {@code rule:rmrr-bad-firmware} and {@code rule:RMRR-BAD-FIRMWARE} both match (identifiers are never
 * split: {@code 0000:01:00.0} or {@code 8086:1533} must stay one term); <b>text</b> = analysed with the
 * standard tokenizer (words, case-folded, no stop words so "not enabled" stays searchable);
 * <b>point</b> = numeric range queries; <b>docvalues</b> = sorting; <b>facet</b> = a dimension of the
 * sorted-set facet field (counts per value, original spelling kept for display).
 */
public final class IncidentFields {

    /** keyword, stored: the primary key; {@code updateDocument(new Term(ID, id))} replaces an incident. */
    public static final String ID = "id";
    /** point (range filter) + docvalues (sort by date) + stored: upload time in epoch milliseconds. */
    public static final String TIME = "time";
    /** keyword: who uploaded (token name, or "local"). */
    public static final String UPLOADER = "uploader";
    /** keyword: hostname from the bundle; exact names, wildcards for fleets ({@code host:web-*}). */
    public static final String HOST = "host";
    /** keyword: INTEL / AMD / UNKNOWN; also a facet. */
    public static final String CPU_VENDOR = "cpu";
    /** text: "Intel(R) Xeon(R) Gold 6338" is searched by words, not as an identifier. */
    public static final String CPU_MODEL = "cpuModel";
    /** text: DMI system/board string, searched by words ({@code system:x570}). */
    public static final String SYSTEM = "system";
    /** keyword: first word of the DMI system string (ASUSTeK, Supermicro, Dell); also a facet. */
    public static final String BOARD_VENDOR = "board";
    /** keyword: BIOS version exactly as DMI prints it ({@code bios:4021}); also a facet. */
    public static final String BIOS_VERSION = "bios";
    /** keyword: BIOS date as DMI prints it (MM/DD/YYYY). */
    public static final String BIOS_DATE = "biosDate";
    /** keyword: full kernel release ({@code kernel:5.15*} is a prefix query on it). */
    public static final String KERNEL = "kernel";
    /** keyword: kernel major.minor ({@code 5.15}); a facet, since full releases are too many to count. */
    public static final String KERNEL_SERIES = "kernelSeries";
    /** keyword: distro family (DEBIAN, RHEL, PROXMOX ...). */
    public static final String DISTRO = "distro";
    /** keyword, multi-valued: rule ids of the findings; also a facet. */
    public static final String RULE = "rule";
    /** keyword, multi-valued: severities of the findings; also a facet. */
    public static final String SEVERITY = "severity";
    /** keyword, multi-valued: troubleshooting-matrix rows of the findings. */
    public static final String MATRIX_ROW = "row";
    /** text, stored: finding titles and messages (what the engineer reads). */
    public static final String MESSAGE = "message";
    /** text, stored with offsets, one line per evidence line: highlighted in search hits. */
    public static final String EVIDENCE = "evidence";
    /** keyword, multi-valued: PCI addresses of the non-bridge functions ({@code device:0000:01:00.0}). */
    public static final String DEVICE = "device";
    /** keyword, multi-valued: {@code vendor:device} ids ({@code pciid:10de\:1b80}); also a facet. */
    public static final String VENDOR_DEVICE = "pciid";
    /** keyword, multi-valued: PCI class codes (0300, 0200 ...). */
    public static final String PCI_CLASS = "class";
    /** keyword, multi-valued: bound kernel drivers (vfio-pci, nvidia ...); also a facet. */
    public static final String DRIVER = "driver";
    /** keyword, multi-valued: IOMMU group numbers of the devices. */
    public static final String GROUP = "group";
    /** keyword, multi-valued: free tags an engineer gives an incident. */
    public static final String TAG = "tag";
    /** keyword: open / resolved; also a facet. */
    public static final String STATUS = "status";
    /** text: the resolution note ("fixed by BIOS 4602"); searchable by words. */
    public static final String NOTE = "note";
    /**
     * text: the default field of free-text queries: messages, evidence, host facts, note and tags in one
     * field so an unqualified {@code "bad RMRR"} finds an incident wherever the words appear. The full
     * kernel log is not indexed: the analysis keeps only evidence lines and findings.
     */
    public static final String TEXT = "text";
    /** stored only: the whole incident (metadata, device facts, analysis) as JSON, what the API returns. */
    public static final String SOURCE = "source";
    /**
     * stored only: the few fields of a search hit as JSON ({@link IncidentSummary}), so a result page
     * never parses whole analyses (tens of kilobytes each).
     */
    public static final String SUMMARY = "summary";

    /** Facet dimensions (sorted-set doc values) and the index field each one counts. */
    public static final String FACET_RULE = "rule";
    public static final String FACET_SEVERITY = "severity";
    public static final String FACET_CPU_VENDOR = "cpuVendor";
    public static final String FACET_BOARD_VENDOR = "boardVendor";
    public static final String FACET_BIOS_VERSION = "biosVersion";
    public static final String FACET_KERNEL_SERIES = "kernelSeries";
    public static final String FACET_DRIVER = "driver";
    public static final String FACET_VENDOR_DEVICE = "vendorDevice";
    public static final String FACET_STATUS = "status";
    /** yyyy-MM-dd of the upload (UTC): its counts are the histogram of incidents per day. */
    public static final String FACET_DAY = "day";

    /** Facets shown by the search page, in display order. */
    public static final List<String> FACETS = List.of(FACET_RULE, FACET_SEVERITY, FACET_STATUS, FACET_CPU_VENDOR,
            FACET_BOARD_VENDOR, FACET_BIOS_VERSION, FACET_KERNEL_SERIES, FACET_DRIVER, FACET_VENDOR_DEVICE);
    /** Facet dimensions with several values per incident. */
    public static final Set<String> MULTI_VALUED_FACETS = Set.of(FACET_RULE, FACET_SEVERITY, FACET_DRIVER,
            FACET_VENDOR_DEVICE);

    /** Fields whose query terms are lower-cased whole identifiers, never tokenised. */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ID, UPLOADER, HOST, CPU_VENDOR, BOARD_VENDOR,
            BIOS_VERSION, BIOS_DATE, KERNEL, KERNEL_SERIES, DISTRO, RULE, SEVERITY, MATRIX_ROW, DEVICE,
            VENDOR_DEVICE, PCI_CLASS, DRIVER, GROUP, TAG, STATUS);

    private IncidentFields() {
    }
}
