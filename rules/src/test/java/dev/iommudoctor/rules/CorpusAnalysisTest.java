package dev.iommudoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.CpuVendor;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment.DomainMode;
import dev.iommudoctor.rules.model.Tri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Accuracy on real logs: {@code analyze} over the public corpus, file by file and grouped per host,
 * checking the facts MANIFEST.tsv lists (vendor, kernel, IOMMU state, groups) and that hosts the
 * manifest describes as working get no error; and over the snippets, checking each reaches the
 * diagnosis its bug thread reached.
 */
class CorpusAnalysisTest {

    private static Analysis analyze(Path dir, String... files) throws IOException {
        return Analyzer.withDefaults().analyze(Stream.of(files).map(f -> dir.resolve(f)).toList(), ProgressListener.NONE);
    }

    private static Set<String> ruleIds(Analysis a) {
        return a.outcomes().findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    }

    private static List<Finding> errors(Analysis a) {
        return a.outcomes().findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileAloneIsAnalysedWithoutRuleErrors() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        List<Path> files;
        try (Stream<Path> s = Files.list(pub)) {
            files = s.filter(p -> !p.getFileName().toString().equals("MANIFEST.tsv")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Analysis a = Analyzer.withDefaults().analyze(List.of(f), ProgressListener.NONE);
            assertEquals(List.of(), a.outcomes().ruleErrors());
        }));
    }

    @Test
    void ryzenProxmoxHostWithIgpuOnVfioIsRecognisedAndHealthy() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        Analysis a = analyze(pub, "dmesg-amd-ryzen5700u-pve65-vfio-igpu-truncated-head.txt", "lspci-nn-amd-5700u-pve-igpu.txt");
        HostModel h = a.host();
        assertEquals(CpuVendor.AMD, h.identity().cpuVendor());
        assertEquals("6.5.13-1-pve", h.kernel().orElseThrow().release(), "kernel from BOOT_IMAGE when 'Linux version' is cut off");
        assertEquals(Tri.YES, h.iommu().enabled());
        assertEquals(DomainMode.PASSTHROUGH, h.iommu().mode());
        assertEquals(Tri.YES, h.iommu().interruptRemapping());
        assertEquals(25, h.pci().groups().size(), "groups 0-24");
        assertTrue(h.pci().get(dev.iommudoctor.parser.event.PciAddress.parse("05:00.0")).orElseThrow().boundTo("vfio-pci"));
        assertTrue(ruleIds(a).contains("IOMMU-INVALID-OPTION"), "amd_iommu=on is rejected by the kernel: " + ruleIds(a));
        assertEquals(List.of(), errors(a));
    }

    @Test
    void epycGpuServerHasIommuOnByDefaultAndNoErrors() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        Analysis a = analyze(pub, "dmesg-amd-epyc9654-h100-server-rocky9-crlf-large.txt", "lspci-plain-amd-epyc-h100-server.txt");
        HostModel h = a.host();
        assertEquals(CpuVendor.AMD, h.identity().cpuVendor());
        assertEquals("5.14.0-570.23.1.el9_6.x86_64", h.kernel().orElseThrow().release());
        assertTrue(h.identity().system().orElseThrow().contains("Supermicro"));
        assertEquals("3.2", h.identity().biosVersion().orElseThrow());
        assertEquals(Tri.YES, h.iommu().enabled());
        assertEquals(DomainMode.TRANSLATED, h.iommu().mode());
        assertEquals(Tri.YES, h.iommu().interruptRemapping());
        assertEquals(81, h.pci().groups().size(), "groups 0-80");
        assertEquals(List.of(), errors(a));
        assertTrue(a.outcomes().findings().stream().noneMatch(f -> f.ruleId().equals("DMA-FAULTS")));
    }

    @Test
    void surfaceLaptopHasInterruptRemappingButNoDmaRemappingAndNoError() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        for (String f : List.of("dmesg-intel-icelake-surfacepro7-k538surface-ir-xapic-no-dma-remap.txt",
                "dmesg-intel-icelake-surfacepro7-k537arch-stock.txt", "dmesg-intel-icelake-surfacepro7-k538surface-i915-warn.txt",
                "kernlog-intel-surfacepro7-journalctl-lastboot.txt")) {
            Analysis a = analyze(pub, f);
            HostModel h = a.host();
            assertEquals(CpuVendor.INTEL, h.identity().cpuVendor(), f + ": AMD-Vi 'not available' lines must not make it AMD");
            assertEquals(Tri.YES, h.iommu().interruptRemapping(), f);
            assertEquals(Tri.NO, h.iommu().enabled(), f + ": DMA remapping is off (kernel default before 6.8)");
            assertEquals(List.of(), errors(a), f + ": a laptop not set up for passthrough gets no error");
            assertTrue(ruleIds(a).stream().noneMatch(r -> r.equals("DMA-FAULTS")), f + ": i915 warnings are not DMA faults");
        }
    }

    @Test
    void hyperVGuestWithoutPciIsNotApplicableNotAnError() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        Analysis a = analyze(pub, "dmesg-hyperv-vm-rhcos418-no-pci-no-iommu-sosreport.txt", "lspci-empty-sosreport-nnvv.txt",
                "other-sosreport-proc-meminfo-no-hugepages.txt", "other-sosreport-etc-default-grub-rhcos.txt");
        assertTrue(a.host().identity().hypervisor().orElseThrow().contains("Hyper-V"));
        assertEquals(List.of(), errors(a));
        assertTrue(a.outcomes().notApplicable().stream().anyMatch(n -> n.ruleId().equals("IOMMU-ABSENT")),
                "no IOMMU in a guest is 'not applicable': " + a.outcomes().notApplicable());
    }

    @Test
    void kunpengHwProbeExcerptLeavesTheIommuUndetermined() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        Analysis a = analyze(pub, "dmesg-arm64-kunpeng920-hwprobe-no-timestamps.txt", "lspci-vvnn-arm64-kunpeng920-acs-sriov-no-groups.txt",
                "other-grub-default-kunpeng920.txt");
        assertEquals(Tri.UNKNOWN, a.host().iommu().enabled(), "insufficient data, not 'disabled'");
        assertEquals(List.of(), errors(a));
    }

    @Test
    void nvidiaBugReportSectionsAreReadAsTheirOwnKinds() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        Analysis a = analyze(pub, "other-nvidia-bug-report-quadro-k2200-haswell.log");
        HostModel h = a.host();
        assertEquals("5.18.0-14parrot1-amd64", h.kernel().orElseThrow().release());
        assertEquals(Tri.YES, h.iommu().enabled(), "lspci shows IOMMU group 1: translation active by default");
        assertTrue(h.cmdline().has("net.ifnames"));
        assertEquals(List.of(), errors(a));
    }

    @Test
    void realFaultExcerptsGiveDmaFaultFindingsForTheRightDevices() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        assertFaultsFrom(analyze(pub, "dmesg-intel-skylake-gvtd-dmar-fault-vfio-issue-excerpt.txt"), "0000:00:02.0");
        assertFaultsFrom(analyze(pub, "dmesg-intel-tgl-i915-dmar-no-pasid-fault-issue-excerpt.txt"), "0000:00:02.0");
        assertFaultsFrom(analyze(pub, "kernlog-amd-apu2-coreboot-amdvi-io-page-fault-split-lines-issue-excerpt.txt"), "0000:05:00.0");
    }

    private static void assertFaultsFrom(Analysis a, String device) {
        assertTrue(a.outcomes().findings().stream().anyMatch(f -> f.ruleId().equals("DMA-FAULTS") && f.devices().contains(device)),
                "expected DMA-FAULTS for " + device + ": " + a.outcomes().findings());
    }

    @Test
    void badRmrrExcerptNamesTheBios() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        Analysis a = analyze(pub, "dmesg-intel-surface-ami-bad-rmrr-issue-excerpt.txt");
        Finding f = a.outcomes().findings().stream().filter(x -> x.ruleId().equals("RMRR-BAD-FIRMWARE")).findFirst().orElseThrow();
        assertTrue(f.message().contains("3.11.2150") && f.message().contains("American Megatrends"), f.message());
    }

    @Test
    void libvirtLogWithDomainXmlReportsGroup13NotViable() throws IOException {
        Path pub = CorpusDir.require().resolve("public");
        Analysis a = analyze(pub, "other-qemu-libvirt-win10-group13-not-viable.log", "other-libvirt-domain-win10-3-hostdev.xml",
                "other-vfio-hook-script-custom-hooks.log");
        Finding f = a.outcomes().findings().stream().filter(x -> x.ruleId().equals("VFIO-GROUP-NOT-VIABLE")).findFirst().orElseThrow();
        assertTrue(f.message().contains("13") && f.devices().contains("0000:28:00.0"), f.message());
        assertEquals(Severity.ERROR, f.severity());
    }
}
