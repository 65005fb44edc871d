package dev.iommudoctor.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.collector.source.CollectContext;
import dev.iommudoctor.collector.source.DevVfioSource;
import dev.iommudoctor.collector.telemetry.CpuFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces: cpuinfo flags, OSHI placeholders, the /dev/vfio listing format. */
class SmallPartsTest {

    @TempDir
    Path tmp;

    @Test
    void cpuFlagsComeFromTheFirstFlagsLine() throws IOException {
        Path cpuinfo = Files.writeString(tmp.resolve("cpuinfo"), "processor\t: 0\nvendor_id\t: AuthenticAMD\n"
                + "flags\t\t: fpu vme de pse tsc msr svm extapic hypervisor\nbugs\t\t: sysret_ss_attrs\n\nprocessor\t: 1\nflags\t\t: fpu\n");
        Set<String> flags = CpuFlags.read(cpuinfo).orElseThrow();
        assertTrue(flags.contains("hypervisor"));
        assertEquals(List.of("svm"), CpuFlags.virtualization(flags));
        assertTrue(CpuFlags.read(Files.writeString(tmp.resolve("arm"), "processor\t: 0\nFeatures\t: fp asimd\n")).isEmpty(),
                "no x86 flags line: flags unknown, not 'no vmx'");
        assertTrue(CpuFlags.read(tmp.resolve("missing")).isEmpty());
    }

    @Test
    void devVfioListingIsWrittenInStatForm() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("vfio"));
        Path group = Files.writeString(dir.resolve("12"), "");
        Files.setPosixFilePermissions(group, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.writeString(dir.resolve("vfio"), "");
        SourceOutput out = new SourceOutput();
        new DevVfioSource(dir).collect(new CollectContext(HostRoot.liveHost(), Limits.DEFAULT, new CommandRunner(Duration.ofSeconds(1))), out);
        String text = new String(out.files().get(0).content(), StandardCharsets.UTF_8);
        String owner = Files.getOwner(group).getName();
        assertTrue(text.startsWith("-rw-rw-rw- " + owner + " "), text);
        assertTrue(text.contains(" /dev/vfio/12\n") && text.contains(" /dev/vfio/vfio\n"), text);

        SourceOutput none = new SourceOutput();
        new DevVfioSource(tmp.resolve("absent")).collect(new CollectContext(HostRoot.liveHost(), Limits.DEFAULT, new CommandRunner(Duration.ofSeconds(1))), none);
        assertEquals(SkipReason.ABSENT, none.skipped().get(0).reason());
    }

    @Test
    void oshiPlaceholdersAreNoReadings() {
        for (String s : List.of("unknown", "Default string", "To Be Filled By O.E.M.", " ", "Not Specified")) {
            assertNull(dev.iommudoctor.collector.telemetry.OshiTelemetrySourceAccess.text(s), s);
        }
        assertEquals("H12SSL-i", dev.iommudoctor.collector.telemetry.OshiTelemetrySourceAccess.text(" H12SSL-i "));
    }
}
