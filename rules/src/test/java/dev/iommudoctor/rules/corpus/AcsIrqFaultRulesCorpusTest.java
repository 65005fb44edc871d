package dev.iommudoctor.rules.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import dev.iommudoctor.rules.api.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ACS, interrupt-remapping and DMA-fault rules over the real files of the shared corpus (read through
 * {@code corpus.dir}, never copied): each file alone must give exactly the findings listed here from these
 * rules, and nothing from them when it is not listed (the Surface logs: IR in xapic mode without DMA
 * remapping, i915 WARNING traces that are not faults).
 */
class AcsIrqFaultRulesCorpusTest {

    private static final Set<String> RULES = Set.of("ACS-SHARED-GROUP", "ACS-OVERRIDE-IN-USE", "IRQ-REMAP-DISABLED",
            "IRQ-UNSAFE-INTERRUPTS", "ADVISE-UNSAFE-INTERRUPTS-UNNEEDED", "DMA-FAULTS");

    /** File -> expected "SEVERITY RULE devices" lines, sorted. Unlisted files expect none. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "dmesg-intel-skylake-gvtd-dmar-fault-vfio-issue-excerpt.txt", List.of("ERROR DMA-FAULTS 0000:00:02.0"),
            "dmesg-intel-tgl-i915-dmar-no-pasid-fault-issue-excerpt.txt", List.of("WARNING DMA-FAULTS 0000:00:02.0"),
            "kernlog-amd-apu2-coreboot-amdvi-io-page-fault-split-lines-issue-excerpt.txt",
            List.of("ERROR DMA-FAULTS 0000:05:00.0", "WARNING DMA-FAULTS 0000:00:00.1"),
            "dmesg-amd-ryzen5700u-pve65-vfio-igpu-truncated-head.txt", List.of("WARNING ACS-OVERRIDE-IN-USE "),
            // a grub file alone is neither a kernel log nor a command line: ACS-OVERRIDE-IN-USE is "not evaluated"
            "other-modprobe-vfio-allow-unsafe-interrupts.conf", List.of("INFO ADVISE-UNSAFE-INTERRUPTS-UNNEEDED "));

    @TestFactory
    Stream<DynamicTest> eachCorpusFileGivesExactlyTheListedFindings() throws IOException {
        Path dir = publicCorpus();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith("MANIFEST")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertEquals(
                EXPECTED.getOrDefault(f.getFileName().toString(), List.of()), mine(List.of(f)))));
    }

    @Test
    void unsafeInterruptsOnTheRyzenHostWithRemappingIsOnlyAdvice() throws IOException {
        Path dir = publicCorpus();
        List<String> got = mine(List.of(dir.resolve("dmesg-amd-ryzen5700u-pve65-vfio-igpu-truncated-head.txt"),
                dir.resolve("other-modprobe-vfio-allow-unsafe-interrupts.conf")));
        assertEquals(List.of("INFO ADVISE-UNSAFE-INTERRUPTS-UNNEEDED ", "WARNING ACS-OVERRIDE-IN-USE "), got);
    }

    private static List<String> mine(List<Path> inputs) throws IOException {
        Analysis a = Analyzer.withDefaults().analyze(inputs, ProgressListener.NONE);
        assertEquals(List.of(), a.outcomes().ruleErrors());
        return a.outcomes().findings().stream().filter(f -> RULES.contains(f.ruleId()))
                .map(AcsIrqFaultRulesCorpusTest::line).sorted().toList();
    }

    private static String line(Finding f) {
        return f.severity() + " " + f.ruleId() + " " + String.join(",", f.devices());
    }

    private static Path publicCorpus() {
        String dir = System.getProperty("corpus.dir");
        Path p = dir == null ? null : Path.of(dir, "public");
        assumeTrue(p != null && Files.isDirectory(p), "corpus.dir not set or missing; skipping corpus rule tests");
        return p;
    }
}
