package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Live host telemetry as {@code iommu-doctor collect} writes it to {@code telemetry.json} (OSHI readings
 * plus {@code /proc/cpuinfo} flags). Absent readings are empty, never zero: VMs report a CPU temperature
 * of 0.0 and a board of "unknown", which mean "no sensor", not a reading.
 *
 * <p>Example input (abridged):
 * <pre>
 * {"schema":"iommu-doctor-telemetry/1","os":{"hostname":"pve1","kernel":"6.8.12-4-pve"},
 *  "cpu":{"vendor":"GenuineIntel","model":"13th Gen Intel(R) Core(TM) i7-13700K","flagsKnown":true,
 *         "virtualizationFlags":["vmx"],"hypervisorGuest":false,"logicalCores":24},
 *  "numaNodes":[{"node":0,"cpus":"0-23"}],"sensors":{"cpuTemperatureCelsius":94.0}}
 * </pre>
 *
 * @param virtualizationFlags {@code vmx} and/or {@code svm} as found in the CPU flags; empty list with
 *                            {@code cpuFlagsKnown} means the CPU does not expose them
 * @param hypervisorGuest     the CPU reports the {@code hypervisor} flag: this host is itself a VM
 * @param cpuTemperature      package temperature in degrees Celsius, when a sensor reports one
 */
public record HostTelemetry(SourceSpan span, Optional<String> hostname, Optional<String> os,
                            Optional<String> kernel, Optional<String> cpuVendor, Optional<String> cpuModel,
                            boolean cpuFlagsKnown, List<String> virtualizationFlags, boolean hypervisorGuest,
                            OptionalInt physicalCores, OptionalInt logicalCores, List<NumaNode> numaNodes,
                            OptionalLong memoryTotalBytes, List<Nic> nics, OptionalDouble cpuTemperature,
                            List<Integer> fanRpm, Optional<String> boardVendor, Optional<String> boardModel,
                            Optional<String> biosVersion) implements Event {

    public HostTelemetry {
        virtualizationFlags = List.copyOf(virtualizationFlags);
        numaNodes = List.copyOf(numaNodes);
        nics = List.copyOf(nics);
        fanRpm = List.copyOf(fanRpm);
    }

    /** One NUMA node and its CPUs in kernel list form ({@code 0-7,16-23}). */
    public record NumaNode(int node, String cpus) {
    }

    /** A network interface; speed in bits per second when the link reports one. */
    public record Nic(String name, Optional<String> mac, OptionalInt mtu, OptionalLong speedBps, Optional<String> state) {
    }
}
