package dev.iommudoctor.rules.vfio;

import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VFIO could not pin the guest's RAM: QEMU {@code VFIO_MAP_DMA failed: Cannot allocate memory} /
 * {@code vfio_dma_map(...) = -12}, and the kernel's {@code vfio_pin_pages_remote: RLIMIT_MEMLOCK (65536)
 * exceeded}. Every page of a VM with an assigned device is pinned, so QEMU's locked-memory limit must
 * cover all guest RAM. {@code No space left on device} is the other limit, dma_entry_limit.
 */
@DiagnosticRule(id = "VFIO-DMA-MAP-FAILED", title = "VFIO cannot pin guest memory (locked-memory limit too low)",
        severity = Severity.ERROR, matrixRow = MatrixRow.VFIO_RUNTIME)
public final class DmaMapFailedRule implements Rule {

    private static final Pattern LIMIT = Pattern.compile("RLIMIT_MEMLOCK \\((\\d+)\\)");

    @Override
    public RuleResult evaluate(HostModel host) {
        List<PassthroughError> maps = host.events(PassthroughError.class).stream()
                .filter(e -> e.kind() == PassthroughErrorKind.DMA_MAP_FAILED
                        || (e.kind() == PassthroughErrorKind.CONTAINER_SETUP_FAILED && pinningFailed(e.detail()))).toList();
        List<VfioEvent> memlock = host.events(VfioEvent.class).stream()
                .filter(e -> e.kind() == VfioEventKind.MEMLOCK_LIMIT).toList();
        List<PassthroughError> noMem = maps.stream().filter(e -> enomem(e.detail())).toList();
        List<PassthroughError> noSpace = maps.stream().filter(e -> e.detail().contains("No space left on device")
                || e.detail().contains("= -28")).toList();
        if (noMem.isEmpty() && memlock.isEmpty() && noSpace.isEmpty()) {
            return RuleResult.passed();
        }
        var f = finding().evidence(noMem).evidence(memlock).evidence(noSpace);
        maps.forEach(e -> e.device().ifPresent(f::device));
        OptionalLong limit = memlock.stream().map(e -> LIMIT.matcher(e.detail())).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).findFirst();
        List<String> parts = new ArrayList<>();
        if (!noMem.isEmpty() || !memlock.isEmpty()) {
            parts.add("VFIO pins every page of guest RAM for DMA, and the QEMU process hit its locked-memory limit"
                    + limit.stream().mapToObj(l -> " of " + human(l) + " (RLIMIT_MEMLOCK " + l + " bytes)").findFirst().orElse("")
                    + " while mapping it" + (memlock.isEmpty() ? " (or, without a kernel RLIMIT_MEMLOCK line, the "
                    + "hugepage backing it asked for was not there)" : "")
                    + ". The limit must be at least the VM's RAM plus a margin (plus IO space; one more RAM's worth per "
                    + "device when a vIOMMU is used)");
        }
        if (!noSpace.isEmpty()) {
            parts.add("VFIO_MAP_DMA also failed with ENOSPC: the container reached vfio_iommu_type1.dma_entry_limit "
                    + "(65535 mappings by default), typical with a vIOMMU or many small mappings");
        }
        f.message("%s.", String.join(". ", parts));
        if (!noMem.isEmpty() || !memlock.isEmpty()) {
            f.remedy("libvirt: managed <hostdev> devices make libvirt raise the limit to RAM + 1 GiB by itself; if you "
                    + "set <memtune><hard_limit> or use <memoryBacking><locked/>, make the hard_limit cover all guest RAM "
                    + "(and the vIOMMU case), or remove it. An unprivileged qemu:///session libvirt cannot raise its own limit: "
                    + "use qemu:///system, or raise the user's memlock limit as below");
            f.remedy("plain QEMU from a shell: ulimit -l unlimited (or a value in KiB above the guest RAM) before starting it; "
                    + "persistently in /etc/security/limits.conf:\n   <user>  soft  memlock  unlimited\n   <user>  hard  memlock  unlimited");
            f.remedy("QEMU started by systemd: LimitMEMLOCK=infinity in the unit (systemctl edit <unit>, [Service] section)");
            f.remedy("if the VM uses hugepages, check that they are reserved: grep Huge /proc/meminfo");
        }
        if (!noSpace.isEmpty()) {
            f.remedy("raise the mapping cap: options vfio_iommu_type1 dma_entry_limit=262144 in /etc/modprobe.d/vfio.conf "
                    + "(or vfio_iommu_type1.dma_entry_limit=262144 on the kernel command line), then reload vfio_iommu_type1 or reboot");
        }
        return RuleResult.of(List.of(f.build()));
    }

    /** A container setup that failed because the memory listener could not map guest RAM (vfio_dma_map = -12). */
    static boolean pinningFailed(String detail) {
        return detail.contains("dma_map") && enomem(detail);
    }

    private static boolean enomem(String detail) {
        String d = detail.toLowerCase(Locale.ROOT);
        return d.contains("cannot allocate memory") || d.contains("= -12");
    }

    private static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        return (bytes >> 10) + " KiB";
    }
}
