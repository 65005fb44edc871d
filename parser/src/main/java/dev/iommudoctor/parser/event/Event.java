package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;

/**
 * One fact read from an input file: a kernel message, a PCI device from lspci, a kernel parameter
 * list, a meminfo snapshot ... Every event is an immutable record that knows where it came from.
 *
 * <p>{@link #type()} is the stable name used in the JSON-lines output of {@code iommu-doctor parse}
 * (the record's simple class name, e.g. {@code PciDevice}).
 */
public interface Event {

    /** The file and line(s) the event was read from. */
    SourceSpan span();

    /** Stable event kind name for serialisation and statistics. */
    default String type() {
        return getClass().getSimpleName();
    }
}
