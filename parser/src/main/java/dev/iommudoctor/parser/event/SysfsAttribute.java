package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;

/**
 * One sysfs attribute captured in a bundle, e.g. path
 * {@code sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts} with value {@code Y}, or
 * {@code sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages} with value {@code 16}.
 *
 * @param path   the path from {@code sys/} on
 * @param value  the content, trimmed (multi-line content joined with {@code \n}); "" for binary tables
 */
public record SysfsAttribute(SourceSpan span, String path, String value) implements Event {
}
