package dev.iommudoctor.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iommudoctor.collector.source.Source;
import dev.iommudoctor.parser.event.HostTelemetry;
import dev.iommudoctor.rules.analysis.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collects on the machine running the tests (CI: an unprivileged-ish VM or container, typically without
 * pciutils and without an IOMMU) and analyses the bundle end to end. What the machine lacks must show up
 * in the manifest as a skipped source with a reason, never as a failure.
 */
class LiveHostCollectionTest {

    @TempDir
    Path tmp;

    @Test
    void collectsThisMachineAndAccountsForEverySource() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "not a Linux host");
        Path out = tmp.resolve("live.tar.gz");
        long start = System.nanoTime();
        Collector.Result r = new Collector(Collector.Options.live("test")).collect(out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, byte[]> bundle = TestBundles.read(out);
        JsonNode m = TestBundles.manifest(bundle);
        System.out.printf("live collection: %d ms, %d files, %d bytes compressed, skipped: %s%n", millis,
                r.manifest().files().size(), Files.size(out), r.manifest().skipped());

        assertTrue(m.path("live").asBoolean());
        assertNotNull(bundle.get("proc/cmdline"), "/proc/cmdline is readable by anyone");
        Set<String> produced = new HashSet<>();
        r.manifest().files().forEach(f -> produced.add(f.source().split("/")[0]));
        r.manifest().skipped().forEach(s -> produced.add(s.source().split("/")[0]));
        for (Source s : Collector.defaultSources()) {
            assertTrue(produced.contains(s.name()), "source " + s.name() + " neither collected nor reported as skipped");
        }
        for (Skipped s : r.manifest().skipped()) {
            assertFalse(s.detail().isBlank(), "a skip says why: " + s);
        }
        if (CommandRunner.which("lspci").isEmpty()) {
            assertTrue(r.manifest().skipped().stream().anyMatch(s -> s.source().equals("lspci") && s.reason() == SkipReason.NOT_INSTALLED));
        }
        if (!Files.isDirectory(Path.of("/dev/vfio"))) {
            assertTrue(r.manifest().skipped().stream().anyMatch(s -> s.source().equals("dev-vfio") && s.reason() == SkipReason.ABSENT));
        }
        boolean sysfsPci = Files.isDirectory(Path.of("/sys/bus/pci/devices"));
        assertEquals(sysfsPci, r.manifest().files().stream().anyMatch(f -> f.path().startsWith("sys/bus/pci/devices/")),
                "sysfs PCI facts are collected whenever sysfs shows them");

        Analysis a = TestBundles.analyze(out);
        assertTrue(a.outcomes().ruleErrors().isEmpty(), a.outcomes().ruleErrors().toString());
        if (sysfsPci) {
            assertFalse(a.host().pci().isEmpty(), "the PCI inventory comes from sysfs without lspci");
        }
        if (bundle.containsKey("telemetry.json")) {
            HostTelemetry t = a.host().events(HostTelemetry.class).get(0);
            assertTrue(t.cpuTemperature().isEmpty() || t.cpuTemperature().getAsDouble() > 0, "0.0 is never a reading");
            System.out.println("telemetry: cpu=" + t.cpuModel() + " virt=" + t.virtualizationFlags() + " guest=" + t.hypervisorGuest()
                    + " temp=" + t.cpuTemperature() + " nodes=" + t.numaNodes().size() + " nics=" + t.nics().size());
        }
    }
}
