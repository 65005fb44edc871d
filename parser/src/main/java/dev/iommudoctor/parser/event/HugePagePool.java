package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.OptionalInt;

/**
 * One counter of a huge page pool from sysfs, as printed by {@code grep -r . /sys/kernel/mm/hugepages/}
 * (or the per-node tree under {@code /sys/devices/system/node/nodeN/hugepages/}).
 *
 * <p>Example input: {@code /sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages:4}
 *
 * @param span       the line
 * @param pageSizeKb the pool's page size ({@code 2048}, {@code 1048576})
 * @param node       the NUMA node for per-node pools, empty for the global pool
 * @param attribute  the sysfs file name ({@code nr_hugepages}, {@code free_hugepages}, {@code surplus_hugepages} ...)
 * @param value      its value
 */
public record HugePagePool(SourceSpan span, long pageSizeKb, OptionalInt node, String attribute, long value)
        implements Event {
}
