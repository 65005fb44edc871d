package dev.iommudoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import dev.iommudoctor.rules.api.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each error excerpt from a real bug thread (corpus/snippets, MANIFEST.tsv) must lead to the
 * diagnosis the thread reached, or, where the thread reached none, to the rule that names the cause
 * the evidence shows. One or more acceptable rule ids per snippet.
 */
class SnippetDiagnosisTest {

    /** Snippet file -> rule ids of which at least one must fire. */
    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("snippet-qemu-vfio-group1-not-viable-gtx760.txt", Set.of("VFIO-GROUP-NOT-VIABLE")),
            Map.entry("snippet-kubevirt-qemu-kvm-group1-not-viable.txt", Set.of("VFIO-GROUP-NOT-VIABLE")),
            Map.entry("snippet-qubes-x230-libxl-no-iommu.txt", Set.of("VFIO-PROBE-FAILED", "IOMMU-NOT-ENABLED", "IOMMU-ABSENT")),
            Map.entry("snippet-r630-linuxboot-dmar-returns-all-ones.txt", Set.of("IOMMU-FIRMWARE-BUG")),
            Map.entry("snippet-talos-simpledrm-bar0-cant-reserve.txt", Set.of("VFIO-BAR-CONFLICT")),
            // The excerpt is `dmesg | grep iommu` only: the QMP error is in the thread title, not in the file,
            // and the group list is cut before bus 01. Nothing in it shows the problem, so nothing may fire.
            Map.entry("snippet-kata-group1-multiple-address-spaces-dmesg.txt", Set.of()),
            Map.entry("snippet-hugepages-unable-to-map-backing-store.txt", Set.of("HUGEPAGES-NONE-ALLOCATED")),
            Map.entry("snippet-nvidia-d3cold-not-ready-after-resume.txt", Set.of("VFIO-NO-RESET")),
            Map.entry("snippet-vfio-pci-d3cold-to-d0-inaccessible.txt", Set.of("VFIO-NO-RESET")),
            Map.entry("snippet-gvt-mdev-failed-to-set-iommu-container.txt", Set.of("VFIO-PROBE-FAILED")));

    @TestFactory
    Stream<DynamicTest> everySnippetReachesItsThreadsDiagnosis() throws Exception {
        Path dir = CorpusDir.require().resolve("snippets");
        List<String> present;
        try (Stream<Path> s = Files.list(dir)) {
            present = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snippet-")).sorted().toList();
        }
        assertEquals(EXPECTED.keySet().stream().sorted().toList(), present, "every snippet has an expected diagnosis");
        return present.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Analysis a = Analyzer.withDefaults().analyze(List.of(dir.resolve(name)), ProgressListener.NONE);
            Set<String> fired = a.outcomes().findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
            if (EXPECTED.get(name).isEmpty()) {
                assertTrue(a.outcomes().findings().stream().noneMatch(f -> f.severity().atLeast(dev.iommudoctor.rules.api.Severity.WARNING)),
                        name + ": no evidence of a problem in the file, so no warning or error: " + fired);
                return;
            }
            assertTrue(fired.stream().anyMatch(EXPECTED.get(name)::contains),
                    name + ": expected one of " + EXPECTED.get(name) + " but got " + fired);
        }));
    }
}
