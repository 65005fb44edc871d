package dev.iommudoctor.parser.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises sysfs attribute files inside bundles and sosreports by their path: their content ("Y",
 * "0", "512") only means something together with the path.
 */
public final class SysfsPaths {

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(?:^|/)(sys/(?:module/[^/]+/parameters/[^/]+"
                    + "|kernel/mm/hugepages/hugepages-\\d+kB/[a-z_]+"
                    + "|devices/system/node/node\\d+/hugepages/hugepages-\\d+kB/[a-z_]+"
                    + "|bus/pci/devices/[^/]+/(?:vendor|device|class|driver_override|numa_node|reset_method"
                    + "|sriov_totalvfs|sriov_numvfs|current_link_speed|current_link_width|max_link_speed|max_link_width"
                    + "|iommu_group|driver|local_cpulist|enable|power_state|d3cold_allowed)"
                    + "|class/iommu/[^/]+/[^/]+(?:/[^/]+)?"
                    + "|firmware/acpi/tables/(?:DMAR|IVRS)))$");

    private SysfsPaths() {
    }

    public static boolean isAttribute(String name) {
        return name != null && ATTRIBUTE.matcher(name.replace('\\', '/')).find();
    }

    /** The path from {@code sys/} on: {@code sys/module/vfio_pci/parameters/ids}. */
    public static Optional<String> attributePath(String name) {
        Matcher m = ATTRIBUTE.matcher(name.replace('\\', '/'));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
