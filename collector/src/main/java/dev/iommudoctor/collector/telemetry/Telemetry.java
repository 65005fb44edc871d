package dev.iommudoctor.collector.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code telemetry.json} holds (schema {@value #SCHEMA}). A null field is a reading the host did
 * not provide; zeros and "unknown" from OSHI are turned into nulls before they get here.
 *
 * <p>Example (abridged): {@code {"schema":"iommu-doctor-telemetry/1","source":"oshi",
 * "cpu":{"vendor":"GenuineIntel","flagsKnown":true,"virtualizationFlags":["vmx"]},"sensors":{}}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Telemetry(String schema, String source, Os os, Cpu cpu, List<NumaNode> numaNodes, Memory memory,
                        List<Nic> nics, Sensors sensors, Board board) {

    public static final String SCHEMA = "iommu-doctor-telemetry/1";

    /** @param kernel the kernel release ({@code 6.8.12-4-pve}) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Os(String name, String kernel, String hostname) {
    }

    /**
     * @param flagsKnown          the CPU flags could be read at all
     * @param virtualizationFlags {@code vmx}/{@code svm} present in the flags
     * @param hypervisorGuest     the {@code hypervisor} flag: this host is a VM
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cpu(String vendor, String model, Integer physicalCores, Integer logicalCores, Integer packages,
                      boolean flagsKnown, List<String> virtualizationFlags, boolean hypervisorGuest) {
    }

    /** @param cpus kernel list form, {@code 0-7,16-23} */
    public record NumaNode(int node, String cpus) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Memory(Long totalBytes, Long availableBytes) {
    }

    /** @param state {@code UP}, {@code DOWN}, ... as the OS reports it */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Nic(String name, String mac, Integer mtu, Long speedBps, String state) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sensors(Double cpuTemperatureCelsius, List<Integer> fanRpm) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Board(String manufacturer, String model, String serial, String biosVendor, String biosVersion,
                        String biosDate, String systemManufacturer, String systemModel, String systemSerial) {
    }
}
