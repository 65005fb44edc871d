package dev.iommudoctor.server.store;

import dev.iommudoctor.rules.report.AnalysisDocument;
import java.time.Instant;
import java.util.List;

/**
 * One analysed upload, as stored (JSON in the index) and as the API returns it.
 *
 * @param id        e.g. {@code 20261125-3f9c2a71d0e4}: upload day plus 48 random bits
 * @param time      upload time
 * @param uploader  token name of the uploader, {@code local} without tokens
 * @param tags      free tags
 * @param status    {@code open} or {@code resolved}
 * @param note      the resolution note an engineer writes, may be empty
 * @param noteBy    token name of whoever last set status or note ({@code local} without tokens), empty before
 * @param updated   last change of status, note or analysis
 * @param files     the uploaded files, content-addressed under {@code bundles/}
 * @param devices   PCI facts of the non-bridge functions (ids, class, driver, group) for search
 * @param analysis  the diagnosis (same shape as {@code iommu-doctor analyze --format json})
 */
public record Incident(String id, Instant time, String uploader, List<String> tags, String status, String note,
                       String noteBy, Instant updated, List<StoredFile> files, List<DeviceFacts> devices, AnalysisDocument analysis) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public Incident {
        tags = tags == null ? List.of() : List.copyOf(tags);
        files = files == null ? List.of() : List.copyOf(files);
        devices = devices == null ? List.of() : List.copyOf(devices);
        note = note == null ? "" : note;
        noteBy = noteBy == null ? "" : noteBy;
    }

    public Incident withStatus(String newStatus, String newNote, String by, Instant when) {
        return new Incident(id, time, uploader, tags, newStatus, newNote, by, when, files, devices, analysis);
    }

    public Incident withAnalysis(List<DeviceFacts> newDevices, AnalysisDocument newAnalysis, Instant when) {
        return new Incident(id, time, uploader, tags, status, note, noteBy, when, files, newDevices, newAnalysis);
    }

    /**
     * One uploaded file.
     *
     * @param name    the name given by the uploader ({@code sosreport-web1.tar.xz}), never used as a path
     * @param sha256  hex digest: the file lives at {@code bundles/<first two hex>/<sha256>}
     * @param size    bytes
     */
    public record StoredFile(String name, String sha256, long size) {
    }

    /**
     * PCI facts of one non-bridge function.
     *
     * @param address       {@code 0000:01:00.0}
     * @param vendorDevice  {@code 10de:1b80}, null when unknown
     * @param classCode     {@code 0300}, null when unknown
     * @param className     {@code VGA compatible controller}, null when unknown
     * @param driver        {@code vfio-pci}, null when unbound or unknown
     * @param group         IOMMU group, null when unknown
     */
    public record DeviceFacts(String address, String vendorDevice, String classCode, String className, String driver,
                              Integer group) {
    }
}
