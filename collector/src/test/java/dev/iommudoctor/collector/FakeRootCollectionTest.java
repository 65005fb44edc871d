package dev.iommudoctor.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iommudoctor.parser.event.HostTelemetry;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.model.PciFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collection against the fake roots in samples/hosts/: every path read under the root, commands from commands/. */
class FakeRootCollectionTest {

    @TempDir
    Path tmp;

    private Map<String, byte[]> collect(String host) throws IOException {
        Path out = tmp.resolve(host + ".tar.gz");
        new Collector(TestBundles.options(TestBundles.host(host), false)).collect(out);
        return TestBundles.read(out);
    }

    private static Set<String> skipped(JsonNode manifest) {
        Set<String> s = new HashSet<>();
        manifest.path("skipped").forEach(n -> s.add(n.path("source").asText() + " " + n.path("reason").asText()));
        return s;
    }

    @Test
    void manifestListsEveryFileWithSizeAndChecksumAndTheArchiveHoldsExactlyThose() throws IOException {
        Map<String, byte[]> bundle = collect("proxmox-gpu-vfio");
        JsonNode m = TestBundles.manifest(bundle);
        assertEquals("iommu-doctor-bundle/1", m.path("schema").asText());
        assertEquals("2026-11-25T14:00:00Z", m.path("createdAt").asText());
        assertEquals("pve-lab1", m.path("host").asText());
        assertEquals("snapshot", m.path("telemetry").asText());
        assertEquals("manifest.json", bundle.keySet().iterator().next(), "manifest first, at the root");
        Set<String> listed = new HashSet<>();
        for (JsonNode f : m.path("files")) {
            String path = f.path("path").asText();
            listed.add(path);
            byte[] content = bundle.get(path);
            assertNotNull(content, "listed but not in the archive: " + path);
            assertEquals(content.length, f.path("size").asLong(), path);
            assertEquals(Collector.sha256(content), f.path("sha256").asText(), path);
        }
        Set<String> members = new HashSet<>(bundle.keySet());
        members.remove("manifest.json");
        assertEquals(members, listed);
    }

    @Test
    void proxmoxHostBundleHasSysfsFactsGroupsLogsAndOnlyPassthroughGuestLogs() throws IOException {
        Map<String, byte[]> b = collect("proxmox-gpu-vfio");
        assertEquals("../../../bus/pci/drivers/vfio-pci\n", TestBundles.text(b, "sys/bus/pci/devices/0000:01:00.0/driver"));
        assertEquals("0x10de\n", TestBundles.text(b, "sys/bus/pci/devices/0000:01:00.0/vendor"));
        assertEquals("bus\n", TestBundles.text(b, "sys/bus/pci/devices/0000:01:00.0/reset_method"));
        assertTrue(TestBundles.text(b, "listings/iommu_groups.txt").contains("/sys/kernel/iommu_groups/13/devices/0000:01:00.1\n"));
        assertTrue(TestBundles.text(b, "listings/sys-class-iommu.txt").contains("/sys/class/iommu/dmar1"));
        assertNotNull(b.get("commands/dmesg.txt"));
        assertNotNull(b.get("commands/lspci-nnvvv-k.txt"));
        assertNotNull(b.get("commands/dev-vfio.txt"));
        assertNotNull(b.get("etc/modprobe.d/vfio.conf"));
        assertNotNull(b.get("sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts"));
        assertNotNull(b.get("sys/devices/system/node/node0/hugepages/hugepages-1048576kB/nr_hugepages"));
        assertNotNull(b.get("proc/modules"), "lsmod is not captured, /proc/modules stands in");
        assertNotNull(b.get("var/log/libvirt/qemu/win11-alice.log"), "guest with vfio-pci hostdevs");
        assertNull(b.get("var/log/libvirt/qemu/router.log"), "guest without host devices is left out");
        assertTrue(skipped(TestBundles.manifest(b)).contains("lsmod ABSENT"));
    }

    @Test
    void analysingTheProxmoxBundleShowsDevicesWithDriversAndGroups() throws IOException {
        Path out = tmp.resolve("p.tar.gz");
        new Collector(TestBundles.options(TestBundles.host("proxmox-gpu-vfio"), false)).collect(out);
        Analysis a = TestBundles.analyze(out);
        PciFunction gpu = a.host().pci().get(PciAddress.parse("0000:01:00.0")).orElseThrow();
        assertEquals("vfio-pci", gpu.driver().orElseThrow());
        assertEquals(13, gpu.iommuGroup().getAsInt());
        PciFunction nvme = a.host().pci().get(PciAddress.parse("0000:02:00.0")).orElseThrow();
        assertEquals("nvme", nvme.driver().orElseThrow());
        assertEquals("0108", nvme.classCode().orElseThrow());
        assertEquals(14, nvme.iommuGroup().getAsInt());
        assertTrue(a.host().pci().get(PciAddress.parse("0000:00:00.0")).orElseThrow().driver().isEmpty(), "no driver link: unbound");
        assertTrue(a.host().has(Fact.PCI_DEVICES) && a.host().has(Fact.IOMMU_GROUPS) && a.host().has(Fact.TELEMETRY)
                && a.host().has(Fact.DEVICE_NODES) && a.host().has(Fact.PCI_LINK));
        List<String> f = TestBundles.findings(a, n -> n);
        assertTrue(f.contains("WARNING VFIO-NODE-WORLD-ACCESSIBLE devices=[] evidence=commands/dev-vfio.txt:1,"), f.toString());
        // The GPU's link runs at full width but 2.5 GT/s: an idle GPU's rest state, not a degraded link.
        assertFalse(f.stream().anyMatch(s -> s.contains("PCIE-LINK-DEGRADED")), f.toString());
        assertTrue(a.outcomes().ruleErrors().isEmpty(), a.outcomes().ruleErrors().toString());
    }

    @Test
    void amdHostWithoutLspciGetsItsInventoryFromSysfsAndReadsZeroTemperatureAsAbsent() throws IOException {
        Path out = tmp.resolve("amd.tar.gz");
        new Collector(TestBundles.options(TestBundles.host("amd-no-lspci"), false)).collect(out);
        Map<String, byte[]> b = TestBundles.read(out);
        Set<String> skipped = skipped(TestBundles.manifest(b));
        assertTrue(skipped.contains("lspci ABSENT"), skipped.toString());
        assertTrue(skipped.contains("kernel-log/dmesg ABSENT") && skipped.contains("kernel-log/journalctl ABSENT"), skipped.toString());
        assertNotNull(b.get("var/log/kern.log"), "the last kernel log fallback");
        assertEquals("8\n", TestBundles.text(b, "sys/bus/pci/devices/0000:81:00.0/sriov_totalvfs"));

        Analysis a = TestBundles.analyze(out);
        HostTelemetry t = a.host().events(HostTelemetry.class).get(0);
        assertTrue(t.cpuTemperature().isEmpty(), "OSHI's 0.0 is no reading");
        assertTrue(t.boardVendor().isEmpty() && t.boardModel().isEmpty(), "'Default string'/'unknown' are no identity");
        assertEquals(List.of("svm"), t.virtualizationFlags());
        assertEquals(2, t.numaNodes().size());
        PciFunction nic = a.host().pci().get(PciAddress.parse("0000:81:00.0")).orElseThrow();
        assertEquals(1, nic.numaNode().getAsInt());
        assertEquals("vfio-pci", nic.driver().orElseThrow());
        List<String> f = TestBundles.findings(a, n -> n);
        assertTrue(f.stream().anyMatch(s -> s.startsWith("WARNING NUMA-HUGEPAGES-REMOTE devices=[0000:81:00.0]")), f.toString());
        assertTrue(f.stream().anyMatch(s -> s.startsWith("WARNING PCIE-LINK-DEGRADED devices=[0000:81:00.0]")), f.toString());
        assertTrue(f.stream().anyMatch(s -> s.startsWith("ERROR VFIO-HOST-DRIVER-BOUND devices=[0000:81:00.1]")), f.toString());
        assertTrue(f.stream().noneMatch(s -> s.contains("HIGH-CPU-TEMPERATURE")));
        assertTrue(a.outcomes().notApplicable().stream().anyMatch(n -> n.toString().contains("HIGH-CPU-TEMPERATURE")));
    }

    @Test
    void containerWithMostFilesMissingStillGivesABundleThatSaysWhatIsMissing() throws IOException {
        Path out = tmp.resolve("c.tar.gz");
        Collector.Result r = new Collector(TestBundles.options(TestBundles.host("container-unprivileged"), false)).collect(out);
        Map<String, byte[]> b = TestBundles.read(out);
        assertEquals(Set.of("manifest.json", "proc/cmdline", "proc/meminfo"), b.keySet());
        Set<String> skipped = skipped(TestBundles.manifest(b));
        for (String s : List.of("kernel-log/dmesg ABSENT", "kernel-log/journalctl ABSENT", "kernel-log/kern.log ABSENT",
                "lspci ABSENT", "sysfs-pci ABSENT", "iommu-groups ABSENT", "dev-vfio ABSENT", "telemetry ABSENT",
                "modprobe.d ABSENT", "grub ABSENT")) {
            assertTrue(skipped.contains(s), s + " not in " + skipped);
        }
        assertEquals("3f9c2a1b7d4e", r.manifest().host());
        r.manifest().skipped().forEach(s -> assertFalse(s.detail().contains(TestBundles.samples().toString()),
                "details name host paths, not the fake root's location: " + s.detail()));
        Analysis a = TestBundles.analyze(out);
        assertTrue(a.outcomes().ruleErrors().isEmpty());
        assertTrue(a.host().has(Fact.CMDLINE) && a.host().has(Fact.MEMINFO));
    }
}
