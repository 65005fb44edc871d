package dev.iommudoctor.collector;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code manifest.json} at the root of a bundle (schema {@value #SCHEMA}): what was collected (with
 * size and SHA-256 of each file as stored), and what was not and why.
 *
 * <p>Example (abridged): {@code {"schema":"iommu-doctor-bundle/1","toolVersion":"0.1.0",
 * "createdAt":"2026-11-25T14:00:00Z","host":"pve1","live":true,"redacted":false,
 * "files":[{"path":"proc/cmdline","source":"cmdline","size":87,"sha256":"9f..","truncated":false}],
 * "skipped":[{"source":"lspci","reason":"NOT_INSTALLED","detail":"lspci not found on PATH"}]}}
 *
 * @param root      {@code /} on a live host, the fake root directory under {@code --root}
 * @param telemetry where telemetry.json came from ({@code oshi}, {@code snapshot}), null when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String schema, String toolVersion, String createdAt, String host, String root, boolean live,
                       boolean redacted, String telemetry, List<Entry> files, List<Skipped> skipped) {

    public static final String SCHEMA = "iommu-doctor-bundle/1";

    /** One file of the bundle. */
    public record Entry(String path, String source, long size, String sha256, boolean truncated) {
    }
}
