package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The per-NUMA-node meminfo of {@code /sys/devices/system/node/nodeN/meminfo}: one event per node and
 * snapshot. Huge page reservations are per node, which is why a VM pinned to node 1 can fail with free
 * huge pages on node 0.
 *
 * <p>Example input: {@code Node 1 HugePages_Total:     8} and {@code Node 1 MemTotal:       65830244 kB}
 *
 * @param span   first to last line of this node's fields
 * @param node   the NUMA node number
 * @param values field name to number, in file order (kB or counts as printed)
 */
public record NodeMemInfo(SourceSpan span, int node, Map<String, Long> values) implements Event {

    public NodeMemInfo {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public OptionalLong get(String key) {
        Long v = values.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public OptionalLong hugePagesTotal() {
        return get("HugePages_Total");
    }

    public OptionalLong hugePagesFree() {
        return get("HugePages_Free");
    }

    public OptionalLong hugePagesSurp() {
        return get("HugePages_Surp");
    }
}
