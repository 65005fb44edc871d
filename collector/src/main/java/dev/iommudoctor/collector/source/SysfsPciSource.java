package dev.iommudoctor.collector.source;

import dev.iommudoctor.collector.FileCapture;
import dev.iommudoctor.collector.SkipReason;
import dev.iommudoctor.collector.SourceOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PCI facts read straight from {@code /sys/bus/pci/devices/*}: always available, unprivileged, and
 * without pciutils. Each attribute is stored at its sysfs path ({@code sys/bus/pci/devices/0000:01:00.0/vendor});
 * the {@code driver} and {@code iommu_group} links are stored as files holding the link target
 * ({@code ../../../bus/pci/drivers/vfio-pci}), which the analyzer reads by its last element. Under a
 * fake root those two may also be plain files holding the target.
 */
public final class SysfsPciSource implements Source {

    static final List<String> ATTRIBUTES = List.of("vendor", "device", "class", "numa_node", "sriov_totalvfs",
            "sriov_numvfs", "current_link_speed", "current_link_width", "max_link_speed", "max_link_width",
            "reset_method", "driver_override");
    static final List<String> LINKS = List.of("driver", "iommu_group");

    @Override
    public String name() {
        return "sysfs-pci";
    }

    @Override
    public void collect(CollectContext ctx, SourceOutput out) {
        Path dir = ctx.root().path("/sys/bus/pci/devices");
        if (!Files.isDirectory(dir)) {
            out.skip(name(), SkipReason.ABSENT, "/sys/bus/pci/devices does not exist (no PCI bus visible: a container without /sys, or not Linux)");
            return;
        }
        List<Path> devices;
        try (Stream<Path> s = Files.list(dir)) {
            devices = s.sorted().limit(ctx.limits().maxPciDevices()).toList();
        } catch (IOException e) {
            out.skip(name(), e instanceof java.nio.file.AccessDeniedException ? SkipReason.PERMISSION_DENIED : SkipReason.FAILED,
                    "/sys/bus/pci/devices: " + e.getMessage());
            return;
        }
        if (devices.isEmpty()) {
            out.skip(name(), SkipReason.ABSENT, "/sys/bus/pci/devices is empty (no PCI devices visible)");
        }
        for (Path device : devices) {
            String base = "sys/bus/pci/devices/" + device.getFileName() + "/";
            for (String attr : ATTRIBUTES) {
                Path file = device.resolve(attr);
                if (Files.exists(file)) {
                    // a sysfs attribute the device lacks (no SR-IOV, no PCIe link) simply is not there
                    var c = FileCapture.head(file, 4096);
                    if (c.ok()) {
                        c.into(out, base + attr, name());
                    } else if (c.failure().orElse(SkipReason.FAILED) == SkipReason.PERMISSION_DENIED) {
                        c.into(out, base + attr, name());
                    }
                }
            }
            for (String link : LINKS) {
                String target = linkTarget(device.resolve(link));
                if (target != null) {
                    out.file(base + link, (target + "\n").getBytes(StandardCharsets.UTF_8), name(), false);
                }
            }
        }
    }

    /** The link's target; a plain file (fake roots) holds it as text. Null when there is neither. */
    private static String linkTarget(Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                return Files.readSymbolicLink(p).toString();
            }
            if (Files.isRegularFile(p)) {
                return FileCapture.attribute(p);
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
        return null;
    }
}
