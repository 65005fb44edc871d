package dev.iommudoctor.rules.numa;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.HugePageConfig;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.model.QemuInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A device passed to a VM sits on NUMA node N (lspci {@code NUMA node: 1}, sysfs numa_node) while the VM's
 * RAM is bound to other nodes (QEMU {@code memory-backend-*} with {@code "host-nodes":[0],"policy":"bind"},
 * or hugepages that exist only on another node): every DMA and interrupt of the device crosses the
 * inter-socket link. Only reported when the bundle says where the VM's memory is; a VM without a binding
 * is left alone rather than guessed about.
 */
@DiagnosticRule(id = "NUMA-REMOTE-DEVICE", title = "Passthrough device on a different NUMA node than the VM's memory",
        severity = Severity.WARNING, matrixRow = MatrixRow.NUMA, requires = {Fact.NUMA, Fact.VM_LOG})
public final class NumaRemoteDeviceRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        List<Finding> findings = new ArrayList<>();
        for (QemuInvocation vm : host.qemuInvocations()) {
            List<QemuInvocation.HostDevice> devices = vm.vfioDevices();
            if (devices.isEmpty()) {
                continue;
            }
            List<EvidenceLine> placement = new ArrayList<>();
            Set<Integer> vmNodes = new TreeSet<>(vm.hostNodes());
            String how;
            if (!vmNodes.isEmpty()) {
                vm.memoryBackends().stream().filter(b -> !b.hostNodes().isEmpty()).forEach(b -> placement.add(b.line()));
                for (int i = 0; i < vm.lines().size(); i++) {
                    if (vm.lines().get(i).startsWith("-numa node")) {
                        placement.add(vm.line(i));
                    }
                }
                how = "its memory backend binds guest RAM to host node(s) " + join(vmNodes);
            } else {
                Optional<Set<Integer>> hugeNodes = hugepageNodes(host, vm, placement);
                if (hugeNodes.isEmpty()) {
                    continue;
                }
                vmNodes.addAll(hugeNodes.get());
                how = "its RAM comes from hugepages, which exist only on host node(s) " + join(vmNodes);
            }
            for (QemuInvocation.HostDevice d : devices) {
                Optional<PciFunction> f = host.pci().get(d.address());
                if (f.isEmpty() || f.get().numaNode().isEmpty() || f.get().numaNode().getAsInt() < 0
                        || vmNodes.contains(f.get().numaNode().getAsInt())) {
                    continue;
                }
                findings.add(finding(vm, f.get(), d, vmNodes, how, placement));
            }
        }
        return RuleResult.of(findings);
    }

    /** Nodes that hold hugepages when the VM is hugepage-backed and the pools are per-node and one-sided. */
    private static Optional<Set<Integer>> hugepageNodes(HostModel host, QemuInvocation vm, List<EvidenceLine> placement) {
        if (!vm.usesHugepages()) {
            return Optional.empty();
        }
        HugePageConfig hp = host.hugepages();
        Map<Integer, HugePageConfig.NodePool> pools = hp.nodePools(hp.defaultSizeKb());
        Set<Integer> withPages = new TreeSet<>();
        for (HugePageConfig.NodePool p : pools.values()) {
            if (p.get("nr_hugepages").orElse(0) > 0) {
                withPages.add(p.node());
            }
        }
        if (pools.size() < 2 || withPages.isEmpty() || withPages.size() == pools.size()) {
            return Optional.empty();
        }
        pools.values().forEach(p -> placement.addAll(p.evidence()));
        vm.memoryBackends().stream().filter(QemuInvocation.MemoryBackend::hugetlb).forEach(b -> placement.add(b.line()));
        return Optional.of(withPages);
    }

    private Finding finding(QemuInvocation vm, PciFunction f, QemuInvocation.HostDevice d, Set<Integer> vmNodes, String how,
                            List<EvidenceLine> placement) {
        int node = f.numaNode().getAsInt();
        FindingBuilder b = finding().device(f.address()).evidence(d.line());
        placement.forEach(b::evidence);
        f.lspci().ifPresent(l -> b.evidence(EvidenceLine.of(l.span(), f.address() + ": NUMA node: " + node)));
        b.message("%s is on NUMA node %d, but VM %s runs from node %s: %s. Every DMA transfer and interrupt of the device "
                        + "crosses the inter-socket link (UPI/Infinity Fabric), which costs bandwidth and adds latency; "
                        + "GPUs and fast NICs lose measurable throughput.", f.label(), node, vm.vmName(), join(vmNodes), how);
        b.remedy("bind the VM to node " + node + ": libvirt <numatune><memory mode='strict' nodeset='" + node + "'/></numatune> and "
                + "<vcpupin>/<emulatorpin> on node-" + node + " CPUs (lscpu -e or numactl -H lists them); Proxmox: numa0: "
                + "cpus=...,hostnodes=" + node + ",memory=...,policy=bind and affinity: <node-" + node + " CPUs>");
        if (vm.usesHugepages()) {
            b.remedy("reserve the hugepages on node " + node + ": echo <n> > /sys/devices/system/node/node" + node
                    + "/hugepages/hugepages-<size>kB/nr_hugepages");
        }
        b.remedy("or move the card to a slot wired to the CPU the VM runs on (the board manual lists slot-to-CPU wiring); check with "
                + "cat /sys/bus/pci/devices/" + f.address() + "/numa_node");
        return b.build();
    }

    private static String join(Set<Integer> nodes) {
        return String.join(",", nodes.stream().map(String::valueOf).toList());
    }
}
