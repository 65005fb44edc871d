package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iommudoctor.parser.event.*;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Facts from the corpus MANIFEST (column ground_truth_key_facts) recovered by the classifier from
 * the real dmesg / kern.log / snippet files. Skipped with a message when {@code corpus.dir} is absent.
 */
class KernelMessageCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../../shared/corpus"));

    private static List<Event> classify(String relative) throws IOException {
        Path file = CORPUS.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "corpus file absent, skipping: " + file.toAbsolutePath());
        List<Event> events = new ArrayList<>();
        ParseContext ctx = new ParseContext(relative, events::add);
        KernelMessageClassifier classifier = new KernelMessageClassifier();
        List<String> lines = List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\r?\n|\r", -1));
        for (LogRecord r : TestRecords.split(relative, lines)) {
            ctx.emit(classifier.classify(r, ctx));
        }
        return events;
    }

    private static <T> List<T> all(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyCorpusLogParsesWithoutGrammarDiagnostics() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS.resolve("public")), "corpus.dir absent, skipping: " + CORPUS.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(CORPUS.resolve("public")), Files.list(CORPUS.resolve("snippets")))) {
            files = s.filter(p -> p.getFileName().toString().matches("(dmesg|kernlog|snippet)-.*\\.txt|other-qemu-.*\\.log"))
                    .sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            for (Event e : classify(CORPUS.relativize(f).toString())) {
                if (e instanceof Diagnostic d) {
                    problems.add(d.span() + " " + d.message() + " | " + d.preview());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void ryzen5700uProxmox() throws IOException {
        List<Event> ev = classify("public/dmesg-amd-ryzen5700u-pve65-vfio-igpu-truncated-head.txt");
        List<IommuGroupAdded> groups = all(ev, IommuGroupAdded.class);
        assertEquals(33, groups.size());
        assertTrue(groups.stream().anyMatch(g -> g.device().toString().equals("0000:05:00.0") && g.group() == 15));
        assertTrue(all(ev, IommuStatus.class).stream().anyMatch(s -> s.state() == IommuState.UNKNOWN_OPTION
                && s.vendor() == IommuVendor.AMD && s.detail().contains("'on'")));
        List<DefaultDomain> domains = all(ev, DefaultDomain.class);
        assertEquals(List.of("Passthrough"), domains.stream().map(DefaultDomain::domainType).toList());
        assertEquals(Optional.of("kernel command line"), domains.get(0).setBy());
        assertTrue(all(ev, InterruptRemapping.class).stream().anyMatch(i -> i.state() == IrqRemapState.ENABLED && i.vendor() == IommuVendor.AMD));
        assertTrue(all(ev, X2apicStatus.class).stream().anyMatch(X2apicStatus::enabled));
        assertTrue(all(ev, IommuAcpiTable.class).isEmpty(), "the log starts after the ACPI table lines");
        assertTrue(all(ev, IommuStatus.class).stream().anyMatch(s -> s.state() == IommuState.IOMMUV2_LOADED));
        assertTrue(all(ev, IommuStatus.class).stream().anyMatch(s -> s.state() == IommuState.DETECTED
                && s.detail().equals("Found IOMMU cap 0x40")));
        BootCommandLine cmd = all(ev, BootCommandLine.class).get(0);
        assertTrue(cmd.parameters().contains(new KernelParameter("amd_iommu", Optional.of("on"))));
        assertTrue(all(ev, VfioEvent.class).stream().anyMatch(v -> v.kind() == VfioEventKind.ID_ADDED && v.detail().contains("1002:164c")));
        assertTrue(all(ev, VfioEvent.class).stream().anyMatch(v -> v.kind() == VfioEventKind.VGA_ARBITRATION
                && v.device().map(Object::toString).equals(Optional.of("0000:05:00.0"))));
        assertEquals(List.of(1048576L, 2048L), all(ev, HugePagesRegistered.class).stream().map(HugePagesRegistered::pageSizeKb).toList());
        assertTrue(all(ev, DmaFault.class).isEmpty());
        assertTrue(all(ev, AcsEvent.class).isEmpty(), "no ACS override message in this log");
    }

    @Test
    void epycServer() throws IOException {
        List<Event> ev = classify("public/dmesg-amd-epyc9654-h100-server-rocky9-crlf-large.txt");
        assertEquals(133, all(ev, IommuGroupAdded.class).size());
        assertTrue(all(ev, DmaFault.class).isEmpty());
        assertEquals("5.14.0-570.23.1.el9_6.x86_64", all(ev, KernelVersion.class).get(0).version());
        DmiInfo dmi = all(ev, DmiInfo.class).get(0);
        assertTrue(dmi.system().startsWith("Supermicro"));
        assertEquals(Optional.of("3.2"), dmi.biosVersion());
        assertEquals("Translated", all(ev, DefaultDomain.class).get(0).domainType());
        assertEquals("lazy", all(ev, TlbInvalidationPolicy.class).get(0).policy());
        assertTrue(all(ev, InterruptRemapping.class).stream().anyMatch(i -> i.state() == IrqRemapState.ENABLED));
        assertTrue(all(ev, PciEnumerated.class).stream().anyMatch(p -> p.vendorId().equals("10de") && p.deviceId().equals("2321")));
    }

    @Test
    void surfaceIrXapicWithoutDmaRemapping() throws IOException {
        for (String f : List.of("public/dmesg-intel-icelake-surfacepro7-k538surface-ir-xapic-no-dma-remap.txt",
                "public/dmesg-intel-icelake-surfacepro7-k537arch-stock.txt", "public/kernlog-intel-surfacepro7-journalctl-lastboot.txt")) {
            List<Event> ev = classify(f);
            assertTrue(all(ev, InterruptRemapping.class).stream().anyMatch(i -> i.state() == IrqRemapState.ENABLED
                    && i.mode().equals(Optional.of("xapic"))), f);
            assertTrue(all(ev, X2apicStatus.class).stream().anyMatch(x -> !x.enabled()), f);
            assertFalse(all(ev, IommuStatus.class).stream().anyMatch(s -> s.state() == IommuState.ENABLED), f);
            assertTrue(all(ev, IommuGroupAdded.class).isEmpty(), f);
            assertTrue(all(ev, DmaFault.class).isEmpty(), f);
            assertEquals(2, all(ev, DmarDrhdUnit.class).size(), f);
            assertEquals(1, all(ev, DmarDrhdUnit.class).stream().filter(DmarDrhdUnit::includeAll).count(), f);
            assertEquals(1, all(ev, DmarRmrrRange.class).size(), f);
            assertTrue(all(ev, RmrrFirmwareBug.class).isEmpty(), f);
            // the IOMMUv2 line is not about VT-d and must stay a distinct, non-AMD-IOMMU fact
            assertTrue(all(ev, IommuStatus.class).stream().filter(s -> s.vendor() == IommuVendor.AMD)
                    .allMatch(s -> s.state() == IommuState.NOT_AVAILABLE), f);
        }
    }

    @Test
    void i915WarningsAreNotFaults() throws IOException {
        List<Event> ev = classify("public/dmesg-intel-icelake-surfacepro7-k538surface-i915-warn.txt");
        assertTrue(all(ev, DmaFault.class).isEmpty());
        assertTrue(all(ev, IommuFirmwareBug.class).isEmpty());
    }

    @Test
    void gvtdFaults() throws IOException {
        List<Event> ev = classify("public/dmesg-intel-skylake-gvtd-dmar-fault-vfio-issue-excerpt.txt");
        List<DmaFault> faults = all(ev, DmaFault.class);
        assertEquals(3, faults.size());
        assertTrue(faults.stream().allMatch(f -> f.vendor() == IommuVendor.INTEL && f.device().get().toString().equals("0000:00:02.0")));
        assertEquals(List.of("02", "06", "06"), faults.stream().map(f -> f.reasonCode().get()).toList());
        assertEquals(List.of("DMA Write", "DMA Read", "DMA Read"), faults.stream().map(DmaFault::faultType).toList());
        assertEquals(List.of("0", "b4000000", "b403d000"), faults.stream().map(f -> f.address().get()).toList());
        assertEquals(4, all(ev, FaultStatusReported.class).size());
        assertTrue(all(ev, VfioEvent.class).stream().anyMatch(v -> v.kind() == VfioEventKind.CAP_HIDDEN));
        assertEquals(2, all(ev, VfioEvent.class).stream().filter(v -> v.kind() == VfioEventKind.INVALID_ROM).count());
    }

    @Test
    void tigerLakeNoPasidFaults() throws IOException {
        List<DmaFault> faults = all(classify("public/dmesg-intel-tgl-i915-dmar-no-pasid-fault-issue-excerpt.txt"), DmaFault.class);
        assertEquals(2, faults.size());
        assertEquals(List.of("07", "06"), faults.stream().map(f -> f.reasonCode().get()).toList());
        assertEquals(List.of("0x70ad5000", "0x7c346000"), faults.stream().map(f -> f.address().get()).toList());
        assertTrue(faults.stream().allMatch(f -> f.device().get().toString().equals("0000:00:02.0") && f.pasid().isEmpty()));
    }

    @Test
    void apu2SplitAmdEvents() throws IOException {
        List<DmaFault> faults = all(classify("public/kernlog-amd-apu2-coreboot-amdvi-io-page-fault-split-lines-issue-excerpt.txt"), DmaFault.class);
        assertEquals(2, faults.stream().filter(f -> f.faultType().equals("INVALID_DEVICE_REQUEST")).count());
        List<DmaFault> pageFaults = faults.stream().filter(f -> f.faultType().equals("IO_PAGE_FAULT")).toList();
        assertEquals(5, pageFaults.size());
        assertTrue(pageFaults.stream().allMatch(f -> f.device().get().toString().equals("0000:05:00.0")
                && f.domain().equals(Optional.of("0x0012")) && f.flags().equals(Optional.of("0x0070"))));
        assertEquals(7, faults.size(), "the dangling last header yields no fault");
    }

    @Test
    void amiBadRmrr() throws IOException {
        List<RmrrFirmwareBug> bugs = all(classify("public/dmesg-intel-surface-ami-bad-rmrr-issue-excerpt.txt"), RmrrFirmwareBug.class);
        List<RmrrFirmwareBug> bad = bugs.stream().filter(b -> b.kind() == RmrrBugKind.BAD_RMRR).toList();
        assertEquals(2, bad.size());
        assertTrue(bad.stream().allMatch(b -> b.biosVendor().equals(Optional.of("American Megatrends Inc."))
                && b.biosVersion().equals(Optional.of("3.11.2150"))));
        assertEquals(List.of("0x000000003e2e0000-0x000000003e2fffff", "0x00000000ad000000-0x00000000af1fffff"),
                bad.stream().map(b -> b.range().get()).toList());
        assertEquals(2, bugs.stream().filter(b -> b.kind() == RmrrBugKind.NO_RESERVED_REGION).count());
    }

    @Test
    void gicFirmwareBugIsNotIommu() throws IOException {
        List<Event> ev = classify("public/dmesg-arm64-kunpeng920-hwprobe-no-timestamps.txt");
        assertTrue(all(ev, RmrrFirmwareBug.class).isEmpty());
        assertTrue(all(ev, IommuFirmwareBug.class).isEmpty());
        assertTrue(all(ev, IommuStatus.class).isEmpty(), "IOMMU state is undeterminable from this file");
    }

    @Test
    void hypervVm() throws IOException {
        List<Event> ev = classify("public/dmesg-hyperv-vm-rhcos418-no-pci-no-iommu-sosreport.txt");
        assertEquals("Microsoft Hyper-V", all(ev, HypervisorDetected.class).get(0).hypervisor());
        assertTrue(all(ev, IommuAcpiTable.class).isEmpty());
        assertTrue(all(ev, IommuGroupAdded.class).isEmpty());
    }

    @Test
    void snippets() throws IOException {
        PassthroughError viable = all(classify("snippets/snippet-qemu-vfio-group1-not-viable-gtx760.txt"), PassthroughError.class).get(0);
        assertEquals(PassthroughErrorKind.GROUP_NOT_VIABLE, viable.kind());
        assertEquals(1, viable.group().getAsInt());
        assertEquals("0000:01:00.0", viable.device().get().toString());

        PassthroughError multi = all(classify("snippets/snippet-kata-group1-multiple-address-spaces-dmesg.txt"), PassthroughError.class)
                .stream().findFirst().orElse(null);
        List<Event> kata = classify("snippets/snippet-kata-group1-multiple-address-spaces-dmesg.txt");
        assertTrue(all(kata, IommuStatus.class).stream().anyMatch(s -> s.state() == IommuState.ENABLED));
        assertTrue(multi == null || multi.kind() == PassthroughErrorKind.MULTIPLE_ADDRESS_SPACES);

        PassthroughError container = all(classify("snippets/snippet-gvt-mdev-failed-to-set-iommu-container.txt"), PassthroughError.class).get(0);
        assertEquals(PassthroughErrorKind.CONTAINER_SETUP_FAILED, container.kind());
        assertEquals(11, container.group().getAsInt());

        assertEquals(PassthroughErrorKind.NO_IOMMU,
                all(classify("snippets/snippet-qubes-x230-libxl-no-iommu.txt"), PassthroughError.class).get(0).kind());
        assertEquals(PassthroughErrorKind.GUEST_RAM_MAP_FAILED,
                all(classify("snippets/snippet-hugepages-unable-to-map-backing-store.txt"), PassthroughError.class).get(0).kind());
        assertEquals(FirmwareBugKind.DMAR_UNIT_INVALID,
                all(classify("snippets/snippet-r630-linuxboot-dmar-returns-all-ones.txt"), IommuFirmwareBug.class).get(0).kind());
        VfioEvent bar = all(classify("snippets/snippet-talos-simpledrm-bar0-cant-reserve.txt"), VfioEvent.class).get(0);
        assertEquals(VfioEventKind.BAR_RESERVE_FAILED, bar.kind());
        assertEquals("0000:c3:00.0", bar.device().get().toString());
        List<VfioEvent> d3 = all(classify("snippets/snippet-vfio-pci-d3cold-to-d0-inaccessible.txt"), VfioEvent.class);
        assertEquals(3, d3.stream().filter(v -> v.kind() == VfioEventKind.POWER_STATE_INACCESSIBLE).count());
        List<VfioEvent> nv = all(classify("snippets/snippet-nvidia-d3cold-not-ready-after-resume.txt"), VfioEvent.class);
        assertEquals(1, nv.stream().filter(v -> v.kind() == VfioEventKind.RESET_FAILED).count());
        assertEquals(4, nv.stream().filter(v -> v.kind() == VfioEventKind.POWER_STATE_INACCESSIBLE).count());
        List<PassthroughError> kube = all(classify("snippets/snippet-kubevirt-qemu-kvm-group1-not-viable.txt"), PassthroughError.class);
        assertTrue(kube.stream().anyMatch(p -> p.kind() == PassthroughErrorKind.GROUP_NOT_VIABLE && p.group().getAsInt() == 1));
    }

    @Test
    void libvirtQemuLog() throws IOException {
        List<PassthroughError> errors = all(classify("public/other-qemu-libvirt-win10-group13-not-viable.log"), PassthroughError.class);
        List<PassthroughError> viable = errors.stream().filter(e -> e.kind() == PassthroughErrorKind.GROUP_NOT_VIABLE).toList();
        assertEquals(5, viable.size());
        assertTrue(viable.stream().allMatch(e -> e.group().getAsInt() == 13 && e.device().get().toString().equals("0000:28:00.0")));
    }
}
