package dev.iommudoctor.rules.memory;

import dev.iommudoctor.parser.event.HugePageAllocationFailed;
import dev.iommudoctor.parser.event.HugePagesRegistered;
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
import java.util.List;
import java.util.Optional;

/**
 * 1 GiB ("gigantic") pages were asked for ({@code hugepagesz=1G hugepages=16}) but fewer exist:
 * {@code HugeTLB: allocating 16 of page size 1.00 GiB failed.  Only allocated 0 hugepages.} at boot, or
 * the pool (sysfs, /proc/meminfo when 1 GiB is the default size) holds fewer pages than requested.
 * Gigantic pages need physically contiguous, aligned 1 GiB ranges: the boot-time reservation is the
 * only reliable one, and it fails when the memory is not there or is already fragmented.
 */
@DiagnosticRule(id = "HUGEPAGES-1G-NOT-ALLOCATED", title = "1 GiB hugepages requested but not allocated",
        severity = Severity.ERROR, matrixRow = MatrixRow.HUGEPAGES,
        requiresAnyOf = {Fact.KERNEL_LOG, Fact.CMDLINE, Fact.MEMINFO})
public final class Hugepages1gNotAllocatedRule implements Rule {

    static final long GIB_KB = 1024 * 1024;

    @Override
    public RuleResult evaluate(HostModel host) {
        HugePageConfig hp = host.hugepages();
        List<HugePageAllocationFailed> failures = hp.failures().stream().filter(e -> e.pageSizeKb() == GIB_KB).toList();
        Long requested = hp.requested().get(GIB_KB);
        long asked = requested != null ? requested
                : failures.stream().mapToLong(HugePageAllocationFailed::requested).max().orElse(0);
        if (asked <= 0) {
            return RuleResult.passed();
        }
        Optional<HugePageConfig.PoolCount> pool = hp.pages(GIB_KB);
        long have;
        if (pool.isPresent() && pool.get().current()) {
            have = pool.get().pages();
        } else if (!failures.isEmpty()) {
            have = failures.get(failures.size() - 1).allocated();
        } else if (pool.isPresent()) {
            have = pool.get().pages();
        } else {
            return RuleResult.passed();
        }
        if (have >= asked) {
            return RuleResult.passed(); // full pool (a boot shortfall topped up since shows as a full current pool)
        }
        FindingBuilder f = finding().evidence(failures);
        if (requested != null && hp.cmdline().line() > 0) {
            f.evidence(hp.cmdline());
        }
        HugePagesRegistered reg = hp.registered().get(GIB_KB);
        if (reg != null) {
            f.evidence(EvidenceLine.of(reg.span(), reg.record().text()));
        }
        pool.filter(HugePageConfig.PoolCount::current).ifPresent(p -> f.evidence(p.evidence()));
        if (hp.meminfo().isPresent() && hp.meminfo().get().hugepageSizeKb().orElse(-1) == GIB_KB) {
            f.evidence(hp.meminfoLine("Hugepagesize"));
        }
        long missing = asked - have;
        f.message("%d x 1 GiB hugepages were requested%s but only %d exist (%d GiB short). Gigantic pages need free, "
                        + "aligned 1 GiB ranges of physical memory; %s. With 1 GiB-backed RAM, "
                        + "%s will fail to start with 'unable to map backing store for guest RAM'.",
                asked, requested != null ? " on the kernel command line" : " at boot", have, missing,
                failures.isEmpty() ? "the pool is smaller than asked (reserved at runtime, or reduced since boot)"
                        : "the kernel could not find them at boot, which means the RAM is not there (less free memory "
                        + "than requested, or part of it held by crashkernel=/memmap= reservations) or is not contiguous",
                have == 0 ? "any VM" : "a VM needing more than " + have + " GiB");
        f.remedy("reserve them on the kernel command line, where memory is not yet fragmented: default_hugepagesz=1G hugepagesz=1G "
                + "hugepages=" + asked + " in " + host.identity().distro().cmdlineHowTo()
                + "; keep the total below the installed RAM minus what the host needs (check MemTotal)");
        f.remedy("at runtime only as a fallback (often fails once memory is fragmented): echo " + asked
                + " > /sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages ; on NUMA hosts per node: echo <n> > "
                + "/sys/devices/system/node/node0/hugepages/hugepages-1048576kB/nr_hugepages");
        f.remedy("verify after the reboot: dmesg | grep HugeTLB (expect 'pre-allocated " + asked + " pages') and grep Huge /proc/meminfo");
        return RuleResult.of(List.of(f.build()));
    }
}
