package dev.iommudoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same host analysed as loose files, as a sosreport tree (files at sosreport paths, recognised by
 * content) and as a .tar.xz of that tree gives the same findings.
 */
class BundleInputTest {

    @TempDir
    Path tmp;

    private static final String CASE = "rules/VFIO-HOST-DRIVER-BOUND/fires-when-nvidia-wins-the-race-on-proxmox";

    /** Where sos puts each of the case's files. */
    private static String sosPath(String name) {
        return switch (name) {
            case "dmesg.txt" -> "sos_commands/kernel/dmesg";
            case "lspci-nnvvv.txt" -> "sos_commands/pci/lspci_-nnvv";
            case "cmdline" -> "proc/cmdline";
            case "modprobe-vfio.conf" -> "etc/modprobe.d/vfio.conf";
            case "iommu-groups.txt" -> "sos_commands/kernel/find_.sys.kernel.iommu_groups";
            default -> "sos_commands/other/" + name;
        };
    }

    private static String summary(Analysis a) {
        return a.outcomes().findings().stream().map(f -> f.ruleId() + " " + f.devices()).sorted().toList().toString();
    }

    @Test
    void looseFilesSosreportTreeAndTarXzGiveTheSameFindings() throws IOException {
        Path caseDir = SamplesDir.get().resolve(CASE);
        List<Path> files;
        try (Stream<Path> s = Files.list(caseDir)) {
            files = s.filter(p -> !SampleCasesTest.isCaseMetadata(p.getFileName().toString())).sorted().toList();
        }
        Analysis loose = Analyzer.withDefaults().analyze(files, ProgressListener.NONE);
        assertTrue(loose.outcomes().findings().size() > 0);

        Path sos = tmp.resolve("sosreport-pve1-2026-11-25");
        for (Path f : files) {
            Path target = sos.resolve(sosPath(f.getFileName().toString()));
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
        Files.writeString(sos.resolve("version.txt"), "sosreport: 4.7.0\n");
        Analysis tree = Analyzer.withDefaults().analyze(List.of(sos), ProgressListener.NONE);
        assertEquals(summary(loose), summary(tree));

        Path tarXz = tmp.resolve("sosreport-pve1.tar.xz");
        try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(tarXz));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            try (Stream<Path> s = Files.walk(sos)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    TarArchiveEntry e = new TarArchiveEntry(p.toFile(), tmp.relativize(p).toString());
                    tar.putArchiveEntry(e);
                    Files.copy(p, tar);
                    tar.closeArchiveEntry();
                }
            }
        }
        Analysis archive = Analyzer.withDefaults().analyze(List.of(tarXz), ProgressListener.NONE);
        assertEquals(summary(loose), summary(archive));
        assertTrue(archive.outcomes().findings().get(0).evidence().stream()
                .anyMatch(e -> e.file().contains("sosreport-pve1.tar.xz!/sosreport-pve1-2026-11-25/")),
                "evidence names the archive member");
    }
}
