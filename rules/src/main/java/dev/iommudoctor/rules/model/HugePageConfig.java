package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.HugePageAllocationFailed;
import dev.iommudoctor.parser.event.HugePagePool;
import dev.iommudoctor.parser.event.HugePagesRegistered;
import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.MemInfo;
import dev.iommudoctor.parser.event.NodeMemInfo;
import dev.iommudoctor.parser.event.SysfsAttribute;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's static huge pages from every angle the bundle offers: what the command line asks for
 * (read in the kernel's order: {@code hugepages=} applies to the latest {@code hugepagesz=}, or to the
 * default size when none precedes it), what the boot reserved ({@code HugeTLB: registered 1.00 GiB page
 * size, pre-allocated 16 pages}, {@code HugeTLB: allocating 16 of page size 1.00 GiB failed}), and what
 * exists now (/proc/meminfo for the default size, sysfs pools and per-node meminfo for every size).
 *
 * @param defaultSizeKb    {@code default_hugepagesz=}, else meminfo {@code Hugepagesize}, else 2048 (x86)
 * @param defaultSizeGiven true when {@code default_hugepagesz=} is on the command line
 * @param requested        page size in KiB to pages asked for on the command line, in order of appearance
 * @param cmdline          the command line's evidence line (empty line 0 when there is none)
 */
public record HugePageConfig(long defaultSizeKb, boolean defaultSizeGiven, Map<Long, Long> requested,
                             EvidenceLine cmdline, Map<Long, HugePagesRegistered> registered,
                             List<HugePageAllocationFailed> failures, Optional<MemInfo> meminfo,
                             List<HugePagePool> pools, List<SysfsAttribute> sysfs, List<NodeMemInfo> nodes) {

    private static final Pattern SYSFS_POOL = Pattern.compile(
            "^sys/(?:kernel/mm|devices/system/node/node(\\d+))/hugepages/hugepages-(\\d+)kB/([a-z_]+)$");

    static HugePageConfig of(HostModel host) {
        BootParameters p = host.cmdline();
        List<MemInfo> mem = host.events(MemInfo.class);
        Optional<MemInfo> last = mem.isEmpty() ? Optional.empty() : Optional.of(mem.get(mem.size() - 1));
        Optional<Long> explicitDefault = p.last("default_hugepagesz").flatMap(HugePageConfig::sizeKb);
        long defaultKb = explicitDefault.orElseGet(() -> last.flatMap(m -> {
            OptionalLong s = m.hugepageSizeKb();
            return s.isPresent() ? Optional.of(s.getAsLong()) : Optional.empty();
        }).orElse(2048L));
        Map<Long, Long> requested = new LinkedHashMap<>();
        Long current = null;
        for (KernelParameter kp : p.parameters()) {
            switch (kp.name()) {
                case "hugepagesz" -> current = kp.value().flatMap(HugePageConfig::sizeKb).orElse(null);
                case "hugepages" -> requested.put(current == null ? defaultKb : current, count(kp.value().orElse("0")));
                default -> { }
            }
        }
        Map<Long, HugePagesRegistered> registered = new TreeMap<>();
        host.events(HugePagesRegistered.class).forEach(r -> registered.put(r.pageSizeKb(), r));
        return new HugePageConfig(defaultKb, explicitDefault.isPresent(), requested, p.evidence(), registered,
                host.events(HugePageAllocationFailed.class), last, host.events(HugePagePool.class),
                host.events(SysfsAttribute.class).stream().filter(a -> SYSFS_POOL.matcher(a.path()).matches()).toList(),
                host.events(NodeMemInfo.class));
    }

    /** The kernel's memparse for a page size: {@code 1G}, {@code 2M}, {@code 2048k}, {@code 1GB} (trailing text ignored). */
    public static Optional<Long> sizeKb(String text) {
        Matcher m = Pattern.compile("^(\\d+)([kKmMgG]?)").matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> n;
            case "M" -> n * 1024;
            case "G" -> n * 1024 * 1024;
            default -> n / 1024;
        });
    }

    /** {@code 16} or the per-node form {@code 0:8,1:8} (summed). */
    private static long count(String value) {
        long total = 0;
        for (String part : value.split(",")) {
            String n = part.contains(":") ? part.substring(part.indexOf(':') + 1) : part;
            try {
                total += Long.parseLong(n.strip());
            } catch (NumberFormatException e) {
                // a malformed count is ignored by the kernel as well
            }
        }
        return total;
    }

    /** {@code 1 GiB}, {@code 2 MiB}, {@code 512 KiB}. */
    public static String label(long kb) {
        if (kb >= 1024 * 1024 && kb % (1024 * 1024) == 0) {
            return kb / (1024 * 1024) + " GiB";
        }
        if (kb >= 1024 && kb % 1024 == 0) {
            return kb / 1024 + " MiB";
        }
        return kb + " KiB";
    }

    /** A pool's page count as it stands, with where it was read; best source first. */
    public record PoolCount(long pages, EvidenceLine evidence, boolean current) {
    }

    /**
     * How many pages of {@code sizeKb} the host has: sysfs {@code nr_hugepages} or /proc/meminfo (current),
     * else the boot log's pre-allocation (may have changed since, {@code current=false}).
     */
    public Optional<PoolCount> pages(long sizeKb) {
        for (HugePagePool pool : pools) {
            if (pool.node().isEmpty() && pool.pageSizeKb() == sizeKb && pool.attribute().equals("nr_hugepages")) {
                return Optional.of(new PoolCount(pool.value(), EvidenceLine.of(pool.span(),
                        "hugepages-" + sizeKb + "kB/nr_hugepages:" + pool.value()), true));
            }
        }
        for (SysfsAttribute a : sysfs) {
            Matcher m = SYSFS_POOL.matcher(a.path());
            if (m.matches() && m.group(1) == null && Long.parseLong(m.group(2)) == sizeKb && m.group(3).equals("nr_hugepages")) {
                try {
                    return Optional.of(new PoolCount(Long.parseLong(a.value().strip()), EvidenceLine.of(a.span(),
                            a.path() + ": " + a.value()), true));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        if (meminfo.isPresent() && meminfo.get().hugepageSizeKb().orElse(-1) == sizeKb
                && meminfo.get().hugePagesTotal().isPresent()) {
            return Optional.of(new PoolCount(meminfo.get().hugePagesTotal().getAsLong(), meminfoLine("HugePages_Total"), true));
        }
        HugePagesRegistered r = registered.get(sizeKb);
        if (r != null) {
            return Optional.of(new PoolCount(r.preallocated(), EvidenceLine.of(r.span(), r.record().text()), false));
        }
        return Optional.empty();
    }

    /** Total memory in huge pages of all sizes, from meminfo {@code Hugetlb:} (4.16+), when printed. */
    public OptionalLong hugetlbKb() {
        return meminfo.map(MemInfo::hugetlbKb).orElse(OptionalLong.empty());
    }

    /**
     * The meminfo line of {@code key}. The parser keeps a snapshot's span and its keys in file order; when
     * the span has exactly one line per key the key's own line is known, else the snapshot's first line is cited.
     */
    public EvidenceLine meminfoLine(String key) {
        MemInfo m = meminfo.orElseThrow();
        String text = key + ": " + m.get(key).stream().mapToObj(Long::toString).findFirst().orElse("?")
                + (key.startsWith("HugePages_") ? "" : " kB");
        return new EvidenceLine(m.span().source(), keyLine(m.span(), m.values(), key), text);
    }

    /** The line of {@code key} in a Key: value block whose span has one line per key, else the block's first line. */
    private static int keyLine(dev.iommudoctor.parser.api.SourceSpan span, Map<String, Long> values, String key) {
        int first = span.line();
        if (span.endLine() - first + 1 == values.size()) {
            int i = 0;
            for (String k : values.keySet()) {
                if (k.equals(key)) {
                    return first + i;
                }
                i++;
            }
        }
        return first;
    }

    /** Per NUMA node: total and free pages of {@code sizeKb}, from sysfs per-node pools or node meminfo (default size). */
    public Map<Integer, NodePool> nodePools(long sizeKb) {
        Map<Integer, NodePool> out = new TreeMap<>();
        for (HugePagePool pool : pools) {
            if (pool.node().isPresent() && pool.pageSizeKb() == sizeKb) {
                NodePool np = out.computeIfAbsent(pool.node().getAsInt(), n -> new NodePool(n, new ArrayList<>()));
                np.put(pool.attribute(), pool.value(), EvidenceLine.of(pool.span(),
                        "node" + pool.node().getAsInt() + "/hugepages-" + sizeKb + "kB/" + pool.attribute() + ":" + pool.value()));
            }
        }
        for (SysfsAttribute a : sysfs) {
            Matcher m = SYSFS_POOL.matcher(a.path());
            if (m.matches() && m.group(1) != null && Long.parseLong(m.group(2)) == sizeKb) {
                try {
                    long v = Long.parseLong(a.value().strip());
                    out.computeIfAbsent(Integer.parseInt(m.group(1)), n -> new NodePool(n, new ArrayList<>()))
                            .put(m.group(3), v, EvidenceLine.of(a.span(), a.path() + ": " + a.value()));
                } catch (NumberFormatException e) {
                    // not a number: not a pool counter
                }
            }
        }
        if (out.isEmpty() && sizeKb == defaultSizeKb) {
            for (NodeMemInfo n : nodes) {
                NodePool np = new NodePool(n.node(), new ArrayList<>());
                n.hugePagesTotal().ifPresent(v -> np.put("nr_hugepages", v, new EvidenceLine(n.span().source(),
                        keyLine(n.span(), n.values(), "HugePages_Total"), "Node " + n.node() + " HugePages_Total: " + v)));
                n.hugePagesFree().ifPresent(v -> np.put("free_hugepages", v, new EvidenceLine(n.span().source(),
                        keyLine(n.span(), n.values(), "HugePages_Free"), "Node " + n.node() + " HugePages_Free: " + v)));
                if (!np.counters().isEmpty()) {
                    out.put(n.node(), np);
                }
            }
        }
        return out;
    }

    /** One node's pool counters ({@code nr_hugepages}, {@code free_hugepages}) with their evidence. */
    public record NodePool(int node, List<Counter> counters) {

        void put(String attribute, long value, EvidenceLine line) {
            counters.removeIf(c -> c.attribute().equals(attribute));
            counters.add(new Counter(attribute, value, line));
        }

        public OptionalLong get(String attribute) {
            return counters.stream().filter(c -> c.attribute().equals(attribute)).mapToLong(Counter::value).findFirst();
        }

        public List<EvidenceLine> evidence() {
            return counters.stream().map(Counter::line).toList();
        }
    }

    /** One pool counter. */
    public record Counter(String attribute, long value, EvidenceLine line) {
    }
}
