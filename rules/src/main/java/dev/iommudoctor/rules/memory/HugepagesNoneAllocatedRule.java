package dev.iommudoctor.rules.memory;

import dev.iommudoctor.parser.event.MemInfo;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.HugePageConfig;
import dev.iommudoctor.rules.model.QemuInvocation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A VM wants its RAM from hugetlbfs ({@code memory-backend-file} with {@code mem-path=/dev/hugepages/...},
 * {@code -mem-path}, libvirt {@code <hugepages/>}) but the host has no huge pages reserved, or fewer free
 * than the VM needs; QEMU then fails with {@code unable to map backing store for guest RAM: Cannot
 * allocate memory}. ERROR when a VM failed that way, WARNING when a VM is merely configured for it.
 */
@DiagnosticRule(id = "HUGEPAGES-NONE-ALLOCATED", title = "VM expects hugepages but none are reserved",
        severity = Severity.ERROR, matrixRow = MatrixRow.HUGEPAGES, requiresAnyOf = {Fact.VM_LOG, Fact.MEMINFO})
public final class HugepagesNoneAllocatedRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        // a failure followed by a later start of a VM in the same log is history, not the current state
        List<PassthroughError> failures = host.events(PassthroughError.class).stream()
                .filter(e -> e.kind() == PassthroughErrorKind.GUEST_RAM_MAP_FAILED)
                .filter(e -> host.qemuInvocations().stream().noneMatch(q -> q.record().span().source().equals(e.span().source())
                        && q.record().span().line() > e.span().line()))
                .toList();
        List<QemuInvocation> hugeVms = host.qemuInvocations().stream().filter(QemuInvocation::usesHugepages).toList();
        HugePageConfig hp = host.hugepages();
        if (failures.isEmpty() && hugeVms.isEmpty()) {
            return cmdlinePoolMissing(host, hp);
        }
        Optional<MemInfo> mem = hp.meminfo();
        boolean failed = !failures.isEmpty();
        Optional<QemuInvocation> vm = failed ? failures.stream().map(f -> vmOf(host, f)).flatMap(Optional::stream).findFirst()
                : Optional.of(hugeVms.get(hugeVms.size() - 1));
        String vmName = vm.map(v -> "VM " + v.vmName()).orElse("A VM");
        FindingBuilder f = finding().severity(failed ? Severity.ERROR : Severity.WARNING).evidence(failures);
        vm.ifPresent(v -> v.memoryBackends().stream().filter(QemuInvocation.MemoryBackend::hugetlb)
                .forEach(b -> f.evidence(b.line())));
        long sizeKb = hp.defaultSizeKb();
        Optional<HugePageConfig.PoolCount> pool = hp.pages(sizeKb);
        OptionalLong hugetlb = hp.hugetlbKb();
        boolean otherSizes = hugetlb.isPresent() && hugetlb.getAsLong() > 0;
        String state;
        if (mem.isPresent() && mem.get().hugePagesTotal().orElse(-1) == 0 && !otherSizes) {
            f.evidence(hp.meminfoLine("HugePages_Total"));
            if (mem.get().hugetlbKb().isPresent()) {
                f.evidence(hp.meminfoLine("Hugetlb"));
            }
            state = "/proc/meminfo shows HugePages_Total: 0 (no static huge pages of any size" + (mem.get().hugetlbKb().isPresent() ? ", Hugetlb: 0 kB)" : ")");
        } else if (mem.isPresent() && failed && mem.get().hugePagesTotal().orElse(0) > 0) {
            long free = mem.get().hugePagesFree().orElse(0);
            long need = vm.flatMap(v -> v.memoryBackends().stream().filter(QemuInvocation.MemoryBackend::hugetlb)
                    .map(b -> b.sizeBytes()).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong)
                    .reduce(Long::sum)).orElse(vm.map(v -> v.memoryBytes().orElse(0)).orElse(0L));
            long needPages = need == 0 ? 0 : (need / 1024 + sizeKb - 1) / sizeKb;
            if (need > 0 && free >= needPages) {
                return RuleResult.passed(); // enough free default-size pages: the failure has another cause
            }
            f.evidence(hp.meminfoLine("HugePages_Total")).evidence(hp.meminfoLine("HugePages_Free"));
            state = String.format("only %d of %d %s pages are free%s", free, mem.get().hugePagesTotal().getAsLong(),
                    HugePageConfig.label(sizeKb), needPages > 0 ? " and " + vmName + " needs " + needPages : "");
        } else if (mem.isEmpty() && failed && pool.map(p -> p.pages() == 0).orElse(true)) {
            pool.ifPresent(p -> f.evidence(p.evidence()));
            state = pool.isPresent() ? "the boot reserved 0 pages of " + HugePageConfig.label(sizeKb)
                    + " and the bundle has no /proc/meminfo to show pages reserved later"
                    : "the bundle has neither /proc/meminfo nor a boot log, so the pool size is unknown; an empty or "
                    + "too small hugepage pool is by far the most common cause of this error";
        } else {
            return RuleResult.passed();
        }
        hp.registered().values().stream().filter(r -> r.pageSizeKb() == sizeKb)
                .forEach(r -> f.evidence(EvidenceLine.of(r.span(), r.record().text())));
        if (hp.cmdline().line() > 0 && !hp.requested().isEmpty()) {
            f.evidence(hp.cmdline());
        }
        long vmGiB = vm.map(v -> v.memoryBytes().orElse(0) >> 30).orElse(0L);
        long pages = vmGiB > 0 ? vmGiB * 1024 * 1024 / sizeKb : 0;
        f.message("%s %s, but %s.%s", vmName,
                        failed ? (vm.isPresent() ? "could not start: QEMU failed to map its guest RAM from hugetlbfs"
                                : "could not start: QEMU failed to map its guest RAM backing store (hugepages)")
                                : "takes its guest RAM from hugetlbfs", state,
                        failed ? " QEMU reported: unable to map backing store for guest RAM: Cannot allocate memory." : "")
                .remedy(String.format("reserve the pages now (%s): echo %s > /sys/kernel/mm/hugepages/hugepages-%dkB/nr_hugepages"
                                + " && grep Huge /proc/meminfo",
                        vmGiB > 0 ? String.format("%d GiB of guest RAM in %s pages", vmGiB, HugePageConfig.label(sizeKb))
                                : "one " + HugePageConfig.label(sizeKb) + " page per " + HugePageConfig.label(sizeKb) + " of guest RAM",
                        pages > 0 ? Long.toString(pages) : "<pages>", sizeKb))
                .remedy("if a libvirt hook (/etc/libvirt/hooks/qemu) or a VM start script is meant to reserve them, check it is "
                        + "executable (chmod +x /etc/libvirt/hooks/qemu), restart libvirtd, and look for its output; a hook that "
                        + "does not run leaves the pool empty")
                .remedy("to reserve at boot instead (reliable, no fragmentation): add " + (sizeKb >= 1024 * 1024 ? "default_hugepagesz=1G hugepagesz=1G " : "")
                        + "hugepages=" + (pages > 0 ? pages : "<pages>") + " to " + host.identity().distro().cmdlineHowTo()
                        + ", or vm.nr_hugepages in /etc/sysctl.d/ for " + HugePageConfig.label(2048) + " pages")
                .remedy("or drop <memoryBacking><hugepages/></memoryBacking> (Proxmox: the 'hugepages:' line) from the VM config");
        return RuleResult.of(List.of(f.build()));
    }

    /**
     * No VM evidence, but the command line reserves default-size pages ({@code hugepages=8192}) and /proc/meminfo
     * shows none at all: the pool was released at runtime or the boot could not reserve any. 1 GiB pools are
     * HUGEPAGES-1G-NOT-ALLOCATED's.
     */
    private RuleResult cmdlinePoolMissing(HostModel host, HugePageConfig hp) {
        long size = hp.defaultSizeKb();
        long asked = hp.requested().getOrDefault(size, 0L);
        Optional<MemInfo> mem = hp.meminfo();
        if (asked == 0 || size >= 1024 * 1024 || mem.isEmpty() || mem.get().hugePagesTotal().orElse(-1) != 0
                || mem.get().hugetlbKb().orElse(0) > 0) {
            return RuleResult.passed();
        }
        FindingBuilder f = finding().severity(Severity.WARNING).evidence(hp.cmdline()).evidence(hp.meminfoLine("HugePages_Total"));
        hp.registered().values().stream().filter(r -> r.pageSizeKb() == size)
                .forEach(r -> f.evidence(EvidenceLine.of(r.span(), r.record().text())));
        hp.failures().stream().filter(e -> e.pageSizeKb() == size).forEach(f::evidence);
        return RuleResult.of(List.of(f.message("The kernel command line reserves %d x %s hugepages for VMs, but /proc/meminfo shows "
                        + "HugePages_Total: 0: the pool was released at runtime (vm.nr_hugepages=0, a script writing nr_hugepages) "
                        + "or the boot could not reserve it. VMs backed by hugepages will not start.", asked, HugePageConfig.label(size))
                .remedy("look for what releases the pool: grep -r nr_hugepages /etc/sysctl.conf /etc/sysctl.d/ /etc/libvirt/hooks/ ; "
                        + "dmesg | grep HugeTLB")
                .remedy("reserve it again: echo " + asked + " > /sys/kernel/mm/hugepages/hugepages-" + size + "kB/nr_hugepages")
                .build()));
    }

    /** The command line logged before {@code e} in the same VM log. */
    private static Optional<QemuInvocation> vmOf(HostModel host, PassthroughError e) {
        QemuInvocation best = null;
        for (QemuInvocation q : host.qemuInvocations()) {
            if (q.record().span().source().equals(e.span().source()) && q.record().span().line() < e.span().line()) {
                best = q;
            }
        }
        return Optional.ofNullable(best);
    }
}
