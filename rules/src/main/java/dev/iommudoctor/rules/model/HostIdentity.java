package dev.iommudoctor.rules.model;

import java.util.Optional;

/**
 * Who the host is: platform vendor and model, firmware, hypervisor (when it is a VM guest), distro.
 *
 * @param cpuModel    e.g. {@code AMD EPYC 9654 96-Core Processor}, from {@code smpboot: CPU0:}
 * @param system      the DMI system string, e.g. {@code Supermicro AS -4125GS-TNRT/H13DSG-O-CPU}
 * @param biosVersion from the DMI line
 * @param hypervisor  set when the kernel log says it runs as a guest ({@code Hypervisor detected: KVM})
 * @param hostname    the syslog/journal host field, when the logs carry one
 */
public record HostIdentity(CpuVendor cpuVendor, Optional<String> cpuModel, Optional<String> system,
                           Optional<String> biosVersion, Optional<String> biosDate, Optional<String> hypervisor,
                           Distro distro, Optional<String> hostname) {

    public boolean isVirtualMachine() {
        return hypervisor.isPresent();
    }
}
