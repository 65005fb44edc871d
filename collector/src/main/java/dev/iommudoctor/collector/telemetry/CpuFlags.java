package dev.iommudoctor.collector.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU flags from {@code /proc/cpuinfo} ({@code flags : fpu vme ... vmx ...} on x86): the only
 * reliable source of {@code vmx}/{@code svm} (OSHI does not name them) and of {@code hypervisor}.
 */
public final class CpuFlags {

    private CpuFlags() {
    }

    /** The flag set of the first CPU, or empty when cpuinfo has no flags line (other architectures). */
    public static Optional<Set<String>> read(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags") && line.contains(":")) {
                    return Optional.of(new TreeSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code vmx} and {@code svm} among {@code flags}. */
    public static List<String> virtualization(Set<String> flags) {
        return flags.stream().filter(f -> f.equals("vmx") || f.equals("svm")).sorted().toList();
    }
}
