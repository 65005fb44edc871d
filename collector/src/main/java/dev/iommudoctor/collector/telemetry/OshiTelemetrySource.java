package dev.iommudoctor.collector.telemetry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.Baseboard;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.Firmware;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OperatingSystem;

/**
 * Telemetry of the live host through OSHI. Every reading is taken on its own and may fail on its own
 * (a container without {@code /sys/class/hwmon}, JNA unavailable): a failed reading is null, never
 * fatal. OSHI's "no reading" values are mapped to null: CPU temperature 0.0 or NaN (every VM),
 * "unknown"/"Default string" identities, speed 0.
 */
public final class OshiTelemetrySource implements TelemetrySource {

    static {
        // OSHI logs through SLF4J; without a binding SLF4J 2 prints three warning lines on every run.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private final Path cpuinfo;
    private String problem = "";

    /** @param cpuinfo {@code /proc/cpuinfo}, the source of the vmx/svm flags OSHI does not name */
    public OshiTelemetrySource(Path cpuinfo) {
        this.cpuinfo = cpuinfo;
    }

    @Override
    public Optional<Telemetry> read() {
        SystemInfo si;
        HardwareAbstractionLayer hal;
        try {
            si = new SystemInfo();
            hal = si.getHardware();
        } catch (Throwable e) {  // LinkageError when JNA cannot load in a locked-down container
            problem = "OSHI unavailable: " + e;
            return Optional.empty();
        }
        OperatingSystem os = attempt(si::getOperatingSystem);
        Telemetry.Os osPart = os == null ? null : new Telemetry.Os(
                attempt(() -> text(os.getFamily() + " " + os.getVersionInfo().getVersion())),
                attempt(() -> text(os.getVersionInfo().getBuildNumber())),
                attempt(() -> text(os.getNetworkParams().getHostName())));
        CentralProcessor cpu = attempt(hal::getProcessor);
        return Optional.of(new Telemetry(Telemetry.SCHEMA, "oshi", osPart, cpu(cpu), numa(cpu),
                attempt(() -> new Telemetry.Memory(positive(hal.getMemory().getTotal()), positive(hal.getMemory().getAvailable()))),
                attempt(() -> nics(hal.getNetworkIFs())), sensors(hal), board(hal)));
    }

    private Telemetry.Cpu cpu(CentralProcessor cpu) {
        Optional<Set<String>> flags = CpuFlags.read(cpuinfo);
        if (flags.isEmpty() && cpu != null) {
            // OSHI's feature flags are the cpuinfo flags lines on Linux; a fallback when cpuinfo is unreadable.
            List<String> lines = attempt(cpu::getFeatureFlags);
            if (lines != null && !lines.isEmpty()) {
                Set<String> s = new TreeSet<>();
                for (String l : lines) {
                    String v = l.contains(":") ? l.substring(l.indexOf(':') + 1) : l;
                    for (String f : v.trim().split("\\s+")) {
                        s.add(f.toLowerCase(Locale.ROOT));
                    }
                }
                flags = Optional.of(s);
            }
        }
        List<String> virt = flags.map(CpuFlags::virtualization).orElse(List.of());
        boolean guest = flags.map(f -> f.contains("hypervisor")).orElse(false);
        if (cpu == null) {
            return new Telemetry.Cpu(null, null, null, null, null, flags.isPresent(), virt, guest);
        }
        return new Telemetry.Cpu(attempt(() -> text(cpu.getProcessorIdentifier().getVendor())),
                attempt(() -> text(cpu.getProcessorIdentifier().getName())),
                attempt(() -> positiveInt(cpu.getPhysicalProcessorCount())),
                attempt(() -> positiveInt(cpu.getLogicalProcessorCount())),
                attempt(() -> positiveInt(cpu.getPhysicalPackageCount())), flags.isPresent(), virt, guest);
    }

    private static List<Telemetry.NumaNode> numa(CentralProcessor cpu) {
        if (cpu == null) {
            return null;
        }
        return attempt(() -> {
            Map<Integer, List<Integer>> byNode = new TreeMap<>();
            for (CentralProcessor.LogicalProcessor lp : cpu.getLogicalProcessors()) {
                byNode.computeIfAbsent(lp.getNumaNode(), k -> new ArrayList<>()).add(lp.getProcessorNumber());
            }
            List<Telemetry.NumaNode> nodes = new ArrayList<>();
            byNode.forEach((node, cpus) -> nodes.add(new Telemetry.NumaNode(node, CpuList.format(cpus))));
            return nodes;
        });
    }

    private static List<Telemetry.Nic> nics(List<NetworkIF> ifs) {
        List<Telemetry.Nic> out = new ArrayList<>();
        for (NetworkIF n : ifs) {
            out.add(new Telemetry.Nic(n.getName(), attempt(() -> text(n.getMacaddr())),
                    attempt(() -> n.getMTU() > 0 ? (int) n.getMTU() : null), attempt(() -> positive(n.getSpeed())),
                    attempt(() -> String.valueOf(n.getIfOperStatus()))));
        }
        return out;
    }

    private static Telemetry.Sensors sensors(HardwareAbstractionLayer hal) {
        Double temp = attempt(() -> {
            double t = hal.getSensors().getCpuTemperature();
            // 0.0 (VMs, no hwmon) and NaN mean "no sensor", not a reading
            return Double.isNaN(t) || t <= 0.0 || t > 150.0 ? null : t;
        });
        List<Integer> fans = attempt(() -> {
            List<Integer> f = new ArrayList<>();
            for (int rpm : hal.getSensors().getFanSpeeds()) {
                if (rpm > 0) {
                    f.add(rpm);
                }
            }
            return f;
        });
        return new Telemetry.Sensors(temp, fans == null ? List.of() : fans);
    }

    private static Telemetry.Board board(HardwareAbstractionLayer hal) {
        ComputerSystem cs = attempt(hal::getComputerSystem);
        if (cs == null) {
            return null;
        }
        Baseboard bb = attempt(cs::getBaseboard);
        Firmware fw = attempt(cs::getFirmware);
        return new Telemetry.Board(bb == null ? null : attempt(() -> text(bb.getManufacturer())),
                bb == null ? null : attempt(() -> text(bb.getModel())),
                bb == null ? null : attempt(() -> text(bb.getSerialNumber())),
                fw == null ? null : attempt(() -> text(fw.getManufacturer())),
                fw == null ? null : attempt(() -> text(fw.getVersion())),
                fw == null ? null : attempt(() -> text(fw.getReleaseDate())),
                attempt(() -> text(cs.getManufacturer())), attempt(() -> text(cs.getModel())),
                attempt(() -> text(cs.getSerialNumber())));
    }

    /** OSHI's placeholders for "not known". */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        String l = t.toLowerCase(Locale.ROOT);
        return t.isEmpty() || l.equals("unknown") || l.equals("default string") || l.equals("to be filled by o.e.m.")
                || l.equals("not specified") || l.equals("none") || l.equals("null") ? null : t;
    }

    private static Long positive(long v) {
        return v > 0 ? v : null;
    }

    private static Integer positiveInt(int v) {
        return v > 0 ? v : null;
    }

    private static <T> T attempt(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (Throwable e) {  // one failed reading must not lose the others
            return null;
        }
    }

    @Override
    public String unavailableBecause() {
        return problem;
    }
}
