package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One {@code /proc/meminfo} snapshot. Values are as printed: kB for sized fields, plain counts for
 * {@code HugePages_*}. A file holding several snapshots (a key seen again) gives several events.
 *
 * <p>Example input:
 * <pre>
 * MemTotal:        8164548 kB
 * HugePages_Total:       0
 * Hugepagesize:       2048 kB
 * </pre>
 *
 * @param span   first to last line of the snapshot
 * @param values field name to number, in file order
 */
public record MemInfo(SourceSpan span, Map<String, Long> values) implements Event {

    public MemInfo {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public OptionalLong get(String key) {
        Long v = values.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public OptionalLong memTotalKb() {
        return get("MemTotal");
    }

    public OptionalLong hugePagesTotal() {
        return get("HugePages_Total");
    }

    public OptionalLong hugePagesFree() {
        return get("HugePages_Free");
    }

    public OptionalLong hugePagesRsvd() {
        return get("HugePages_Rsvd");
    }

    public OptionalLong hugePagesSurp() {
        return get("HugePages_Surp");
    }

    /** Size of the default huge page; the {@code HugePages_*} counts are in pages of this size. */
    public OptionalLong hugepageSizeKb() {
        return get("Hugepagesize");
    }

    /** Memory held by huge pages of all sizes (kernel 4.16+). */
    public OptionalLong hugetlbKb() {
        return get("Hugetlb");
    }

    /** Transparent huge pages in use; not reserved static huge pages. */
    public OptionalLong anonHugePagesKb() {
        return get("AnonHugePages");
    }
}
