package dev.iommudoctor.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.rules.analysis.Analysis;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --redact: nothing identifying survives anywhere in the bundle, tokens are consistent, findings do not change. */
class RedactionTest {

    /** Every identifying value planted in the fake roots (hostnames, IPs, MACs, serials, user names). */
    private static final Map<String, List<String>> PLANTED = Map.of(
            "proxmox-gpu-vfio", List.of("pve-lab1", "192.168.10.21", "2a02:8071:5e1:ad00:67c:16ff:fea1:b2c3",
                    "04:7c:16:a1:b2:c3", "52:54:00:3e:91:0a", "07D2511_L91E123456", "48-b0-2d-ff-fe-5a-11-c3", "alice"),
            "amd-no-lspci", List.of("epyc-node07", "3c:ec:ef:12:34:56", "ZM23AS012345", "S312345X2A01234"));

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"proxmox-gpu-vfio", "amd-no-lspci"})
    void noOriginalValueSurvivesAndFindingsAreTheSame(String host) throws IOException {
        Path plain = tmp.resolve("plain.tar.gz");
        Path redacted = tmp.resolve("redacted.tar.gz");
        new Collector(TestBundles.options(TestBundles.host(host), false)).collect(plain);
        Collector.Result r = new Collector(TestBundles.options(TestBundles.host(host), true)).collect(redacted);

        Map<String, byte[]> before = TestBundles.read(plain);
        Map<String, byte[]> after = TestBundles.read(redacted);
        for (String value : PLANTED.get(host)) {
            assertTrue(anywhere(before, value), "the fixture should contain " + value);
            assertFalse(anywhere(after, value), value + " survived redaction");
        }
        assertEquals("host-1", TestBundles.manifest(after).path("host").asText());
        assertTrue(TestBundles.manifest(after).path("redacted").asBoolean());

        Analysis a = TestBundles.analyze(plain);
        Analysis b = TestBundles.analyze(redacted);
        Redactor redactor = r.redactor().orElseThrow();
        assertEquals(TestBundles.findings(a, redactor::redactPath), TestBundles.findings(b, n -> n));
        assertFalse(TestBundles.findings(a, n -> n).isEmpty(), "the comparison must compare something");
        assertEquals(a.host().pci().functions().size(), b.host().pci().functions().size());
        assertEquals(a.host().cmdline().parameters(), b.host().cmdline().parameters());
    }

    @Test
    void theSameValueGetsTheSameTokenInEveryFile() throws IOException {
        Path redacted = tmp.resolve("r.tar.gz");
        Collector.Result r = new Collector(TestBundles.options(TestBundles.host("proxmox-gpu-vfio"), true)).collect(redacted);
        Map<String, byte[]> b = TestBundles.read(redacted);
        String mac = r.redactor().orElseThrow().mapping().get("mac").get("04:7c:16:a1:b2:c3");
        assertTrue(TestBundles.text(b, "commands/ip-d-link.txt").contains("link/ether " + mac + " brd ff:ff:ff:ff:ff:ff"));
        assertTrue(TestBundles.text(b, "telemetry.json").contains("\"mac\" : \"" + mac + "\""));
        assertTrue(b.containsKey("var/log/libvirt/qemu/win11-user-1.log"), "user names in member names too: " + b.keySet());
        String log = TestBundles.text(b, "var/log/libvirt/qemu/win11-user-1.log");
        assertTrue(log.contains("hostname: host-1"), log);
        String ip = r.redactor().orElseThrow().mapping().get("ipv4").get("192.168.10.21");
        assertTrue(InetAddress.getByName(ip).getHostAddress().equals(ip), "IPv4 tokens still parse: " + ip);
        assertTrue(log.contains("addr=" + ip + ","));
    }

    @Test
    void redactorLeavesPciAddressesTimesVersionsAndKernelReleasesAlone() {
        Redactor r = new Redactor(Set.of("pve"), Set.of("bob"), Set.of());
        String keep = "[    4.201234] vfio-pci 0000:01:00.0: vgaarb: deactivate vga console 12:34:56 6.8.12-4-pve "
                + "BOOT_IMAGE=/boot/vmlinuz-6.8.12-4-pve class 0x030000 [10de:2489] 127.0.0.1 0.0.0.0 ::1 "
                + "00:00:00:00:00:00 ff:ff:ff:ff:ff:ff 5.15.0-91-generic std::vector 01:00.0 LnkSta: Speed 2.5GT/s";
        assertEquals(keep, r.redact(keep));
        assertEquals("Nov 25 10:00:01 host-1 kernel: user-1 logged in from 10.0.0.1 fd00::1 02:00:00:00:00:01",
                r.redact("Nov 25 10:00:01 pve kernel: bob logged in from 192.0.2.7 2001:db8::42 52:54:00:AA:bb:01"));
        assertEquals("Serial number: serial-1 / serial: serial-1", r.redact("Serial number: ABC123XYZ / serial: abc123xyz"));
        assertEquals("PVE host-1 VM", r.redact("PVE pve VM"), "short host names only as written");
    }

    private static boolean anywhere(Map<String, byte[]> bundle, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return bundle.entrySet().stream().anyMatch(e -> e.getKey().toLowerCase(Locale.ROOT).contains(v)
                || new String(e.getValue(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(v));
    }
}
