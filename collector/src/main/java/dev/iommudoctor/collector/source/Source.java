package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.SourceOutput;

/**
 * One thing the collector captures (the kernel log, the sysfs PCI facts, a set of files). A source
 * never throws for a host condition: it records files and skips in its {@link SourceOutput}.
 */
public interface Source {

    /** A short stable name used in the manifest ({@code kernel-log}, {@code sysfs-pci}). */
    String name();

    void collect(CollectContext ctx, SourceOutput out);
}
