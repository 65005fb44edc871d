package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;

/**
 * A source {@code iommu-doctor collect} could not capture, as its bundle's {@code manifest.json}
 * records it, so a report can say why a fact is missing.
 *
 * <p>Example input (one element of the manifest's {@code skipped} array):
 * {@code {"source":"lspci","reason":"NOT_INSTALLED","detail":"lspci not found on PATH"}}
 *
 * @param reason NOT_INSTALLED, PERMISSION_DENIED, TIMED_OUT, ABSENT or FAILED
 */
public record SourceNotCollected(SourceSpan span, String source, String reason, String detail) implements Event {
}
