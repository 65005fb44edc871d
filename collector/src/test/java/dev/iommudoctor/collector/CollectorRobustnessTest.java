package dev.iommudoctor.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.collector.source.CollectContext;
import dev.iommudoctor.collector.source.FileSource;
import dev.iommudoctor.collector.source.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, caps, crashes, missing commands and permissions: recorded, never fatal. */
class CollectorRobustnessTest {

    @TempDir
    Path tmp;

    private Collector collector(Path root, Limits limits) {
        return new Collector(new Collector.Options(HostRoot.fake(root), false, "test", limits, null, TestBundles.FIXED));
    }

    @Test
    void aHangingSourceIsTimedOutAndACrashingOneIsRecordedAndTheRestIsCollected() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/proc"));
        Files.writeString(root.resolve("cmdline"), "ro quiet intel_iommu=on\n");
        Source hang = new Source() {
            public String name() {
                return "hang";
            }

            public void collect(CollectContext ctx, SourceOutput out) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.file("late.txt", new byte[1], "hang", false);
            }
        };
        Source crash = new Source() {
            public String name() {
                return "crash";
            }

            public void collect(CollectContext ctx, SourceOutput out) {
                throw new IllegalStateException("boom");
            }
        };
        long start = System.nanoTime();
        Collector.Result r = collector(tmp.resolve("root"), Limits.DEFAULT.withTimeout(Duration.ofMillis(300)))
                .collect(tmp.resolve("b.tar.gz"), List.of(hang, crash, new FileSource("cmdline", "/proc/cmdline")));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "did not wait for the hanging source");
        assertTrue(r.manifest().skipped().contains(new Skipped("hang", SkipReason.TIMED_OUT, "hang did not finish within 0.3 s")),
                r.manifest().skipped().toString());
        assertTrue(r.manifest().skipped().stream().anyMatch(s -> s.source().equals("crash") && s.reason() == SkipReason.FAILED
                && s.detail().contains("boom")));
        Map<String, byte[]> b = TestBundles.read(tmp.resolve("b.tar.gz"));
        assertTrue(b.containsKey("proc/cmdline"));
        assertFalse(b.containsKey("late.txt"), "a timed-out source contributes nothing");
    }

    @Test
    void filesAreCappedAndMarkedTruncatedAndTheBundleCapIsEnforced() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/etc/modprobe.d"));
        Files.writeString(root.resolve("a.conf"), "options vfio-pci ids=10de:1b80\n".repeat(100));
        Files.writeString(root.resolve("b.conf"), "x".repeat(10));
        Limits limits = new Limits(Duration.ofSeconds(5), 64, 64, 64, 70, 16);
        Collector.Result r = collector(tmp.resolve("root"), limits).collect(tmp.resolve("b.tar.gz"),
                List.of(new FileSource("modprobe.d", "/etc/modprobe.d/*")));
        Manifest.Entry a = r.manifest().files().get(0);
        assertEquals("etc/modprobe.d/a.conf", a.path());
        assertEquals(64, a.size());
        assertTrue(a.truncated());
        assertTrue(r.manifest().skipped().stream().anyMatch(s -> s.reason() == SkipReason.TOO_LARGE && s.detail().contains("b.conf")));
    }

    @Test
    void commandRunnerReportsMissingCommandsTimeoutsPermissionsAndCaps() {
        CommandRunner runner = new CommandRunner(Duration.ofMillis(500));
        assertEquals(SkipReason.NOT_INSTALLED, runner.run(List.of("iommu-doctor-no-such-command"), 100).failure().orElseThrow());
        Assumptions.assumeTrue(CommandRunner.which("sh").isPresent(), "no /bin/sh");
        assertEquals(SkipReason.TIMED_OUT, runner.run(List.of("sh", "-c", "sleep 5"), 100).failure().orElseThrow());
        assertEquals(SkipReason.PERMISSION_DENIED, runner.run(List.of("sh", "-c",
                "echo 'dmesg: read kernel buffer failed: Operation not permitted' >&2; exit 1"), 100).failure().orElseThrow());
        Capture big = runner.run(List.of("sh", "-c", "i=0; while [ $i -lt 200 ]; do echo 0123456789; i=$((i+1)); done"), 100);
        assertEquals(100, big.content().orElseThrow().length);
        assertTrue(big.truncated());
        assertEquals("C\n", new String(runner.run(List.of("sh", "-c", "echo $LC_ALL"), 100).content().orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnreadableFileIsRecordedAsPermissionDenied() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads mode-000 files; run unprivileged to test this");
        Path root = Files.createDirectories(tmp.resolve("root/etc/default"));
        Path grub = Files.writeString(root.resolve("grub"), "GRUB_CMDLINE_LINUX=\"\"\n");
        Files.setPosixFilePermissions(grub, PosixFilePermissions.fromString("---------"));
        Collector.Result r = collector(tmp.resolve("root"), Limits.DEFAULT).collect(tmp.resolve("b.tar.gz"),
                List.of(new FileSource("grub", "/etc/default/grub")));
        assertEquals(SkipReason.PERMISSION_DENIED, r.manifest().skipped().get(0).reason());
    }
}
