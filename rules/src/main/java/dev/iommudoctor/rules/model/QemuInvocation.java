package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One QEMU command line as libvirt writes it into {@code /var/log/libvirt/qemu/<vm>.log} (one option per
 * line, lines ending in {@code \}; the log parser joins them into one record). Only what rules ask about
 * is extracted: the VM name, its RAM size, memory backends (hugepage paths, host NUMA nodes, policy) and
 * the host PCI devices given with {@code -device vfio-pci}. Both option syntaxes are read:
 * <pre>
 * -object '{"qom-type":"memory-backend-file","id":"pc.ram","mem-path":"/dev/hugepages/libvirt/qemu/3-win10","size":17179869184,"host-nodes":[0],"policy":"bind"}' \
 * -object memory-backend-file,id=ram-node0,prealloc=yes,mem-path=/dev/hugepages/libvirt/qemu/1-win10,size=8589934592,host-nodes=0,policy=bind \
 * -mem-path /dev/hugepages/libvirt/qemu -m 8192 \
 * -device '{"driver":"vfio-pci","host":"0000:07:00.0","id":"hostdev0"}' \
 * </pre>
 *
 * @param record the joined log record; its text holds one physical line per {@code \n}
 */
public record QemuInvocation(LogRecord record) {

    private static final Pattern NAME = Pattern.compile("^-name\\s+'?(?:guest=)?([^,'\\s]+)");
    private static final Pattern MEM = Pattern.compile("^-m\\s+'?(?:size=)?(\\d+)([kKmMgGtT]?)\\b");
    private static final Pattern HOST_NODES_JSON = Pattern.compile("\"host-nodes\"\\s*:\\s*\\[([0-9,\\s]*)]");
    private static final Pattern HOST_NODES_KV = Pattern.compile("host-nodes=([0-9][0-9\\-:]*(?:,host-nodes=[0-9\\-:]+)*)");
    private static final Pattern POLICY = Pattern.compile("\"?policy\"?\\s*[:=]\\s*\"?(\\w+)");
    private static final Pattern SIZE_JSON = Pattern.compile("\"size\"\\s*:\\s*(\\d+)");
    private static final Pattern SIZE_KV = Pattern.compile("(?:^|,)size=(\\d+)([kKmMgGtT]?)");
    private static final Pattern MEM_PATH = Pattern.compile("\"?mem-path\"?\\s*[:=]\\s*\"?([^\",\\s']+)");
    private static final Pattern VFIO_HOST = Pattern.compile("\"?host\"?\\s*[:=]\\s*\"?([0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]"
            + "|[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7])");

    /**
     * A guest RAM backend: {@code -object memory-backend-*}, or the legacy {@code -mem-path} (id "-mem-path").
     *
     * @param hostNodes the host NUMA nodes the memory is bound to (empty: no binding)
     * @param policy    {@code bind}, {@code preferred}, {@code interleave}, or empty
     * @param sizeBytes the backend size when printed
     */
    public record MemoryBackend(String type, Optional<String> memPath, boolean hugetlb, Set<Integer> hostNodes,
                                Optional<String> policy, OptionalLong sizeBytes, EvidenceLine line) {
    }

    /** True when a joined record is a QEMU command line (and not a QEMU error message). */
    public static boolean looksLike(LogRecord r) {
        String t = r.text();
        return t.indexOf('\n') > 0 && (t.contains("qemu-system-") || t.contains("qemu-kvm") || t.contains("/kvm "))
                && (t.contains("\n-name ") || t.contains("\n-m ") || t.contains("\n-machine "));
    }

    /** The physical lines of the command line, trailing {@code \} removed. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String l : record.text().split("\n", -1)) {
            String s = l.strip();
            out.add(s.endsWith("\\") ? s.substring(0, s.length() - 1).strip() : s);
        }
        return out;
    }

    /** The line at {@code index} of {@link #lines()}, as evidence at its real line number. */
    public EvidenceLine line(int index) {
        String raw = record.text().split("\n", -1)[index];
        return new EvidenceLine(record.span().source(), record.span().line() + index, raw);
    }

    /** The first line starting with {@code prefix}, as evidence. */
    public Optional<EvidenceLine> firstLine(String prefix) {
        List<String> ls = lines();
        for (int i = 0; i < ls.size(); i++) {
            if (ls.get(i).startsWith(prefix)) {
                return Optional.of(line(i));
            }
        }
        return Optional.empty();
    }

    /** The guest name from {@code -name guest=win10,...} (libvirt) or {@code -name win10}; else the log file name. */
    public String vmName() {
        for (String l : lines()) {
            Matcher m = NAME.matcher(l);
            if (m.find()) {
                return m.group(1);
            }
        }
        String src = record.span().source();
        String base = src.substring(src.lastIndexOf('/') + 1);
        return base.endsWith(".log") ? base.substring(0, base.length() - 4) : base;
    }

    /** Guest RAM from {@code -m} (MiB without a suffix, as QEMU reads it). */
    public OptionalLong memoryBytes() {
        for (String l : lines()) {
            Matcher m = MEM.matcher(l);
            if (m.find()) {
                return OptionalLong.of(bytes(Long.parseLong(m.group(1)), m.group(2), 'M'));
            }
        }
        return OptionalLong.empty();
    }

    public List<MemoryBackend> memoryBackends() {
        List<MemoryBackend> out = new ArrayList<>();
        List<String> ls = lines();
        for (int i = 0; i < ls.size(); i++) {
            String l = ls.get(i);
            if (l.startsWith("-mem-path ")) {
                String path = l.substring("-mem-path ".length()).strip().replace("'", "");
                out.add(new MemoryBackend("-mem-path", Optional.of(path), isHugetlbPath(path), Set.of(), Optional.empty(),
                        memoryBytes(), line(i)));
                continue;
            }
            if (!l.startsWith("-object ") || !l.contains("memory-backend-")) {
                continue;
            }
            String type = l.contains("memory-backend-file") ? "memory-backend-file"
                    : l.contains("memory-backend-memfd") ? "memory-backend-memfd" : "memory-backend-ram";
            Optional<String> path = find(MEM_PATH, l);
            boolean hugetlb = path.map(QemuInvocation::isHugetlbPath).orElse(false)
                    || (type.equals("memory-backend-memfd") && l.matches(".*\"?hugetlb\"?\\s*[:=]\\s*(?:true|on|yes).*"));
            out.add(new MemoryBackend(type, path, hugetlb, hostNodes(l), find(POLICY, l), size(l), line(i)));
        }
        return out;
    }

    /** True when guest RAM comes from hugetlbfs (or a hugetlb memfd). */
    public boolean usesHugepages() {
        return memoryBackends().stream().anyMatch(MemoryBackend::hugetlb);
    }

    /** Union of the host NUMA nodes the guest RAM is bound to; empty when nothing binds it. */
    public Set<Integer> hostNodes() {
        Set<Integer> nodes = new TreeSet<>();
        memoryBackends().forEach(b -> nodes.addAll(b.hostNodes()));
        return nodes;
    }

    /** Host PCI functions given to the guest with {@code -device vfio-pci,host=...}, with their lines. */
    public List<HostDevice> vfioDevices() {
        List<HostDevice> out = new ArrayList<>();
        List<String> ls = lines();
        for (int i = 0; i < ls.size(); i++) {
            String l = ls.get(i);
            if (!l.startsWith("-device ") || !l.contains("vfio-pci")) {
                continue;
            }
            Matcher m = VFIO_HOST.matcher(l);
            if (m.find()) {
                PciAddress addr = PciAddress.tryParse(m.group(1));
                if (addr != null) {
                    out.add(new HostDevice(addr, line(i)));
                }
            }
        }
        return out;
    }

    /** A host PCI function assigned to this guest. */
    public record HostDevice(PciAddress address, EvidenceLine line) {
    }

    static boolean isHugetlbPath(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.contains("hugepages") || p.contains("hugetlb") || p.contains("/dev/huge");
    }

    private static Optional<String> find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Set<Integer> hostNodes(String l) {
        Set<Integer> nodes = new LinkedHashSet<>();
        Matcher j = HOST_NODES_JSON.matcher(l);
        if (j.find()) {
            for (String n : j.group(1).split(",")) {
                if (!n.isBlank()) {
                    nodes.add(Integer.parseInt(n.strip()));
                }
            }
            return nodes;
        }
        Matcher k = HOST_NODES_KV.matcher(l);
        if (k.find()) {
            for (String part : k.group(1).replace("host-nodes=", "").split(",")) {
                String[] range = part.split("[-:]");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                for (int n = from; n <= to && n - from < 1024; n++) {
                    nodes.add(n);
                }
            }
        }
        return nodes;
    }

    private static OptionalLong size(String l) {
        Matcher j = SIZE_JSON.matcher(l);
        if (j.find()) {
            return OptionalLong.of(Long.parseLong(j.group(1)));
        }
        Matcher k = SIZE_KV.matcher(l);
        if (k.find()) {
            return OptionalLong.of(bytes(Long.parseLong(k.group(1)), k.group(2), 'B'));
        }
        return OptionalLong.empty();
    }

    private static long bytes(long n, String suffix, char defaultUnit) {
        char u = suffix.isEmpty() ? defaultUnit : Character.toUpperCase(suffix.charAt(0));
        return switch (u) {
            case 'K' -> n << 10;
            case 'M' -> n << 20;
            case 'G' -> n << 30;
            case 'T' -> n << 40;
            default -> n;
        };
    }
}
