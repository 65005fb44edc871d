package dev.iommudoctor.rules.memory;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Huge pages were reserved in one size while the default size, the one {@code /dev/hugepages}, libvirt's
 * {@code <hugepages/>} without a size and /proc/meminfo's {@code HugePages_*} use, has none. Typical:
 * {@code default_hugepagesz=1G hugepagesz=2M hugepages=4096}: the kernel reads {@code hugepages=} for the
 * latest {@code hugepagesz=} (2 MiB here), so the 1 GiB default pool stays empty.
 */
@DiagnosticRule(id = "HUGEPAGES-SIZE-MISMATCH", title = "Hugepages reserved in a size other than the default hugepage size",
        severity = Severity.WARNING, matrixRow = MatrixRow.HUGEPAGES, requires = Fact.CMDLINE)
public final class HugepagesSizeMismatchRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        HugePageConfig hp = host.hugepages();
        long def = hp.defaultSizeKb();
        List<Long> others = new ArrayList<>();
        for (Map.Entry<Long, Long> e : hp.requested().entrySet()) {
            if (e.getKey() != def && e.getValue() > 0) {
                others.add(e.getKey());
            }
        }
        long defRequested = hp.requested().getOrDefault(def, 0L);
        if (others.isEmpty() || defRequested > 0) {
            return RuleResult.passed();
        }
        // Without default_hugepagesz= a pool of another size is usually deliberate (Proxmox 'hugepages: 1024' and libvirt
        // <page size=.../> name their size); it only bites a VM that takes the default mount /dev/hugepages.
        Optional<QemuInvocation> defaultMountVm = host.qemuInvocations().stream()
                .filter(q -> q.memoryBackends().stream().anyMatch(b -> b.memPath().map(HugepagesSizeMismatchRule::isDefaultMount).orElse(false)))
                .reduce((a, b) -> b);
        if (!hp.defaultSizeGiven() && defaultMountVm.isEmpty()) {
            return RuleResult.passed();
        }
        Optional<HugePageConfig.PoolCount> defPool = hp.pages(def);
        if (defPool.map(p -> p.pages() > 0).orElse(false)) {
            return RuleResult.passed(); // the default pool was filled another way (sysctl, hook): both sizes usable
        }
        FindingBuilder f = finding().evidence(hp.cmdline());
        defaultMountVm.ifPresent(q -> q.memoryBackends().stream().filter(b -> b.memPath().map(HugepagesSizeMismatchRule::isDefaultMount)
                .orElse(false)).forEach(b -> f.evidence(b.line())));
        host.events(PassthroughError.class).stream().filter(e -> e.kind() == PassthroughErrorKind.GUEST_RAM_MAP_FAILED)
                .forEach(f::evidence);
        StringBuilder sizes = new StringBuilder();
        for (long size : others) {
            sizes.append(sizes.length() == 0 ? "" : ", ").append(hp.requested().get(size)).append(" x ")
                    .append(HugePageConfig.label(size));
        }
        hp.registered().values().stream().filter(r -> r.pageSizeKb() == def || others.contains(r.pageSizeKb()))
                .forEach(r -> f.evidence(EvidenceLine.of(r.span(), r.record().text())));
        if (hp.meminfo().isPresent()) {
            hp.meminfo().get().hugepageSizeKb().ifPresent(v -> f.evidence(hp.meminfoLine("Hugepagesize")));
            hp.meminfo().get().hugePagesTotal().ifPresent(v -> f.evidence(hp.meminfoLine("HugePages_Total")));
            hp.meminfo().get().hugetlbKb().ifPresent(v -> f.evidence(hp.meminfoLine("Hugetlb")));
        }
        String defLabel = HugePageConfig.label(def);
        String other = HugePageConfig.label(others.get(0));
        String msg = String.format(java.util.Locale.ROOT, "The default hugepage size is %s%s, but the pages were reserved as %s and the %s pool is empty. The kernel "
                        + "reads the command line in order: hugepages=N applies to the hugepagesz= before it (or to the default "
                        + "size when none precedes it), and default_hugepagesz= only picks which size /dev/hugepages, "
                        + "/proc/meminfo HugePages_* and VMs that do not name a page size use. Such VMs (libvirt <hugepages/> "
                        + "without size=, hugetlbfs mounted without pagesize=) find no pages; /proc/meminfo shows 0 although "
                        + "memory is held in %s pages.",
                defLabel, hp.defaultSizeGiven() ? " (default_hugepagesz=)" : " (the architecture default; no default_hugepagesz=)",
                sizes, defLabel, other);
        f.message(msg + defaultMountVm.map(q -> " VM " + q.vmName() + " puts its RAM on /dev/hugepages, the " + defLabel
                + " mount.").orElse(""));
        f.remedy("either make the reserved size the default: default_hugepagesz=" + kernelSize(others.get(0)) + " hugepagesz="
                + kernelSize(others.get(0)) + " hugepages=" + hp.requested().get(others.get(0)) + " in "
                + host.identity().distro().cmdlineHowTo());
        f.remedy("or reserve pages of the default size as well: hugepagesz=" + kernelSize(def) + " hugepages=<n> (pair each "
                + "hugepages= with the hugepagesz= in front of it)");
        f.remedy("or have the VMs name the size: libvirt <memoryBacking><hugepages><page size='" + others.get(0)
                + "' unit='KiB'/></hugepages></memoryBacking>, Proxmox 'hugepages: " + (others.get(0) >= 1024 * 1024 ? "1024" : "2")
                + "', or mount -t hugetlbfs -o pagesize=" + kernelSize(others.get(0)) + " none /dev/hugepages" + kernelSize(others.get(0)));
        f.remedy("check all pools: grep -r . /sys/kernel/mm/hugepages/*/nr_hugepages");
        return RuleResult.of(List.of(f.build()));
    }

    /** {@code /dev/hugepages} or a path below it: the hugetlbfs mount of the default size (systemd's dev-hugepages.mount). */
    private static boolean isDefaultMount(String path) {
        return path.equals("/dev/hugepages") || path.startsWith("/dev/hugepages/");
    }

    private static String kernelSize(long kb) {
        return kb % (1024 * 1024) == 0 ? kb / (1024 * 1024) + "G" : kb % 1024 == 0 ? kb / 1024 + "M" : kb + "K";
    }
}
