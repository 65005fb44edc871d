package dev.iommudoctor.rules.telemetry;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.HostTelemetry;
import dev.iommudoctor.parser.event.SysfsAttribute;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On a multi-node host, a passthrough device sits on a NUMA node that has no hugepages while other
 * nodes have them: the guest's memory is backed from a remote node, so every DMA of the device
 * crosses the socket interconnect. Needs the node count from telemetry, the device's
 * {@code numa_node} and the per-node hugepage pools.
 */
@DiagnosticRule(id = "NUMA-HUGEPAGES-REMOTE", title = "Passthrough device's NUMA node has no hugepages",
        severity = Severity.WARNING, matrixRow = MatrixRow.NUMA, requires = Fact.TELEMETRY)
public final class NumaHugepagesRemoteRule implements Rule {

    private static final Pattern NODE_POOL = Pattern.compile(
            "sys/devices/system/node/node(\\d+)/hugepages/hugepages-(\\d+)kB/nr_hugepages");

    private record Pool(long pages, SourceSpan span, String text) {
    }

    @Override
    public RuleResult evaluate(HostModel host) {
        Optional<HostTelemetry> t = Telemetry.of(host);
        if (t.isEmpty() || t.get().numaNodes().size() < 2) {
            return RuleResult.notApplicable("a single NUMA node: every device is local");
        }
        if (!host.has(Fact.NUMA)) {
            return RuleResult.notApplicable("no device NUMA placement (numa_node) in the bundle");
        }
        Map<Integer, List<Pool>> pools = new TreeMap<>();
        for (SysfsAttribute a : host.events(SysfsAttribute.class)) {
            Matcher m = NODE_POOL.matcher(a.path());
            if (m.matches()) {
                try {
                    pools.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                            .add(new Pool(Long.parseLong(a.value().strip()), a.span(), a.path() + " = " + a.value().strip()));
                } catch (NumberFormatException e) {
                    // unreadable counter: that node is unknown, not empty
                }
            }
        }
        if (pools.isEmpty() || pools.values().stream().flatMap(List::stream).allMatch(p -> p.pages() == 0)) {
            return RuleResult.notApplicable("no per-node hugepage pools in the bundle, or no hugepages at all");
        }
        List<Finding> findings = new ArrayList<>();
        for (PciFunction f : PassthroughIntent.intendedFunctions(host)) {
            if (f.numaNode().isEmpty() || !pools.containsKey(f.numaNode().getAsInt())) {
                continue;
            }
            int node = f.numaNode().getAsInt();
            if (pools.get(node).stream().anyMatch(p -> p.pages() > 0)) {
                continue;
            }
            String cpus = t.get().numaNodes().stream().filter(n -> n.node() == node).map(HostTelemetry.NumaNode::cpus)
                    .findFirst().orElse("?");
            var b = finding().device(f.address())
                    .message("%s is attached to NUMA node %d, which has no hugepages; the other nodes have them, so a guest "
                            + "backed by hugepages gets remote memory and the device's DMA crosses the interconnect.", f.label(), node)
                    .remedy("allocate hugepages on node " + node + ": echo N > /sys/devices/system/node/node" + node
                            + "/hugepages/hugepages-1048576kB/nr_hugepages (or hugepagesz=1G hugepages=... per node at boot)")
                    .remedy("pin the guest's vCPUs to node " + node + "'s CPUs (" + cpus + ") and bind its memory there: "
                            + "<numatune><memory mode='strict' nodeset='" + node + "'/></numatune>");
            String numaPath = "sys/bus/pci/devices/" + f.address() + "/numa_node";
            host.events(SysfsAttribute.class).stream().filter(a -> a.path().equals(numaPath)).findFirst()
                    .ifPresentOrElse(a -> b.evidence(a.span(), a.path() + " = " + a.value()),
                            () -> f.driverSource().ifPresent(s -> b.evidence(s, f.address() + ": numa_node " + node)));
            pools.values().stream().flatMap(List::stream).forEach(p -> b.evidence(p.span(), p.text()));
            b.evidence(t.get().span(), "numaNodes: " + t.get().numaNodes().size());
            findings.add(b.build());
        }
        return RuleResult.of(findings);
    }
}
