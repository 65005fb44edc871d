package dev.iommudoctor.rules.memory;

import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.HugePageConfig;
import dev.iommudoctor.rules.model.QemuInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Huge pages are reserved per NUMA node, and a VM whose memory is bound to a node
 * ({@code "host-nodes":[1],"policy":"bind"}) can only use that node's pages. When the pool of the bound
 * node(s) is smaller than the VM while another node holds the pages ({@code Node 0 HugePages_Total: 32},
 * {@code Node 1 HugePages_Total: 0}), the VM fails to start although /proc/meminfo shows enough pages.
 * Pool totals are compared, not free counts, so a running VM that holds its pages is not reported.
 */
@DiagnosticRule(id = "HUGEPAGES-NUMA-UNBALANCED", title = "Hugepages reserved on a different NUMA node than the VM is bound to",
        severity = Severity.WARNING, matrixRow = MatrixRow.HUGEPAGES, requires = Fact.VM_LOG)
public final class HugepagesNumaUnbalancedRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        HugePageConfig hp = host.hugepages();
        long sizeKb = hp.defaultSizeKb();
        Map<Integer, HugePageConfig.NodePool> pools = hp.nodePools(sizeKb);
        if (pools.size() < 2) {
            return RuleResult.passed();
        }
        List<Finding> findings = new ArrayList<>();
        for (QemuInvocation vm : host.qemuInvocations()) {
            List<QemuInvocation.MemoryBackend> bound = vm.memoryBackends().stream()
                    .filter(b -> b.hugetlb() && !b.hostNodes().isEmpty()
                            && b.policy().map(p -> p.equals("bind")).orElse(false)).toList();
            if (bound.isEmpty()) {
                continue;
            }
            Set<Integer> nodes = vm.hostNodes();
            long needKb = bound.stream().mapToLong(b -> b.sizeBytes().orElse(0) / 1024).sum();
            if (needKb == 0) {
                needKb = vm.memoryBytes().orElse(0) / 1024;
            }
            long needPages = (needKb + sizeKb - 1) / sizeKb;
            long onBound = 0;
            long elsewhere = 0;
            for (HugePageConfig.NodePool p : pools.values()) {
                long total = p.get("nr_hugepages").orElse(0);
                if (nodes.contains(p.node())) {
                    onBound += total;
                } else {
                    elsewhere += total;
                }
            }
            if (needPages == 0 || onBound >= needPages || elsewhere == 0) {
                continue;
            }
            findings.add(finding(host, vm, bound, pools, nodes, sizeKb, needPages, onBound));
        }
        return RuleResult.of(findings);
    }

    private Finding finding(HostModel host, QemuInvocation vm, List<QemuInvocation.MemoryBackend> bound,
                            Map<Integer, HugePageConfig.NodePool> pools, Set<Integer> nodes, long sizeKb, long needPages,
                            long onBound) {
        FindingBuilder f = finding();
        bound.forEach(b -> f.evidence(b.line()));
        pools.values().forEach(p -> p.evidence().forEach(f::evidence));
        host.events(PassthroughError.class).stream()
                .filter(e -> e.kind() == PassthroughErrorKind.GUEST_RAM_MAP_FAILED
                        && e.span().source().equals(vm.record().span().source()))
                .forEach(f::evidence);
        StringBuilder perNode = new StringBuilder();
        for (HugePageConfig.NodePool p : pools.values()) {
            OptionalLong total = p.get("nr_hugepages");
            perNode.append(perNode.length() == 0 ? "" : ", ").append("node ").append(p.node()).append(": ")
                    .append(total.isPresent() ? total.getAsLong() : 0);
        }
        String label = HugePageConfig.label(sizeKb);
        String nodeList = String.join(",", nodes.stream().map(String::valueOf).toList());
        f.message("VM %s binds its hugepage-backed RAM to host node %s and needs %d x %s pages, but node %s has only %d (%s). "
                        + "Huge pages are per node: with policy bind the kernel will not take them from another node, so the VM "
                        + "fails to start (or, with policy preferred, silently runs from remote memory).",
                vm.vmName(), nodeList, needPages, label, nodeList, onBound, perNode);
        int first = nodes.iterator().next();
        f.remedy("reserve the pages on node " + nodeList + ": echo " + needPages + " > /sys/devices/system/node/node" + first
                + "/hugepages/hugepages-" + sizeKb + "kB/nr_hugepages (boot-time: hugepages=" + first + ":" + needPages
                + " per node on kernels that accept the node:count form; see Documentation/admin-guide/mm/hugetlbpage.rst)");
        f.remedy("a plain hugepages=N (or vm.nr_hugepages) spreads pages over all nodes round-robin; size it for the node the VM "
                + "uses or reserve per node as above");
        f.remedy("or bind the VM to the node that holds the pages (libvirt <numatune><memory mode='strict' nodeset='...'/>), "
                + "keeping it on the node of its passthrough devices");
        return f.build();
    }
}
