package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.event.AcsCapability;
import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciExpressCapability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Edge cases of the lspci reader that the golden samples do not show one by one. */
class LspciFormatParserTest {

    private static List<PciDevice> devices(List<Event> events) {
        return events.stream().filter(PciDevice.class::isInstance).map(PciDevice.class::cast).toList();
    }

    @Test
    void twoSpaceIndentationIsReadAsLevels() throws IOException {
        String text = """
                01:00.0 Ethernet controller: Intel Corporation I350 Gigabit Network Connection (rev 01)
                  IOMMU group: 21
                  Capabilities: [a0] Express (v2) Endpoint, MSI 00
                    DevCap:	MaxPayload 512 bytes, PhantFunc 0, Latency L0s <512ns, L1 <64us
                      ExtTag- AttnBtn- AttnInd- PwrInd- RBE+ FLReset+ SlotPowerLimit 0W
                  Kernel driver in use: igb
                """;
        PciDevice d = devices(LspciTestSupport.parse("two-space", text)).get(0);
        assertEquals(21, d.iommuGroup().getAsInt());
        assertEquals(Optional.of("igb"), d.driverInUse());
        PciExpressCapability x = d.capability(PciExpressCapability.class).orElseThrow();
        assertTrue(x.flReset(), "FLReset+ on the level-3 continuation belongs to DevCap");
        assertEquals(512, x.devCapMaxPayload().getAsInt());
    }

    @Test
    void carriageReturnOnlyLineEndsAndNoFinalNewline() throws IOException {
        String text = "00:00.0 Host bridge: Intel Corporation Device 3e0f\r\tKernel driver in use: skl_uncore\r"
                + "00:02.0 VGA compatible controller: Intel Corporation Device 3e9b";
        List<PciDevice> d = devices(LspciTestSupport.parse("cr", text));
        assertEquals(2, d.size());
        assertEquals(Optional.of("skl_uncore"), d.get(0).driverInUse());
        assertEquals(Optional.of("3e9b"), d.get(1).deviceId());
    }

    @Test
    void unknownBodyLinesAreKept() throws IOException {
        String text = "00:1f.0 ISA bridge: Intel Corporation Device a305\n\tSomething new: 42\n\tweird line\n";
        PciDevice d = devices(LspciTestSupport.parse("other", text)).get(0);
        assertEquals(List.of("Something new: 42", "weird line"), d.otherLines());
    }

    @Test
    void acsIsolationFollowsTheKernelRule() {
        Map<String, Boolean> allCap = CapabilityLines.flags(
                "SrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-");
        Map<String, Boolean> onCtl = CapabilityLines.flags(
                "SrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-");
        Map<String, Boolean> offCtl = CapabilityLines.flags(
                "SrcValid+ TransBlk- ReqRedir- CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-");
        assertTrue(new AcsCapability(0x148, "Access Control Services", List.of(), allCap, onCtl).isolationEnabled());
        assertFalse(new AcsCapability(0x148, "Access Control Services", List.of(), allCap, offCtl).isolationEnabled());
        // a feature the port does not implement cannot be enabled and does not count against it
        Map<String, Boolean> noUf = CapabilityLines.flags(
                "SrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd- EgressCtrl- DirectTrans-");
        Map<String, Boolean> ctlNoUf = CapabilityLines.flags(
                "SrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd- EgressCtrl- DirectTrans-");
        AcsCapability rootPort = new AcsCapability(0x140, "Access Control Services", List.of(), noUf, ctlNoUf);
        assertTrue(rootPort.isolationEnabled());
        assertFalse(rootPort.isolationCapable());
        assertFalse(new AcsCapability(0x2a0, "Access Control Services", List.of(), Map.of(), Map.of()).isolationEnabled());
    }

    @Test
    void flagScannerReadsPmeListsAndDashedNames() {
        Map<String, Boolean> f = CapabilityLines.flags("PMEClk- DSI+ AuxCurrent=0mA PME(D0+,D1-,D3hot+) PME-Enable- TEE-IO-");
        assertEquals(Boolean.TRUE, f.get("DSI"));
        assertEquals(Boolean.TRUE, f.get("D0"));
        assertEquals(Boolean.FALSE, f.get("D1"));
        assertEquals(Boolean.FALSE, f.get("PME-Enable"));
        assertEquals(Boolean.FALSE, f.get("TEE-IO"));
        assertFalse(f.containsKey("AuxCurrent=0mA"));
    }

    @Test
    void vendorSplitting() {
        assertEquals(Optional.of("Samsung Electronics Co Ltd"),
                VendorNameSplitter.split("Samsung Electronics Co Ltd NVMe SSD Controller PM174X").vendor());
        assertEquals(Optional.of("Advanced Micro Devices, Inc. [AMD/ATI]"),
                VendorNameSplitter.split("Advanced Micro Devices, Inc. [AMD/ATI] Lucienne").vendor());
        VendorNameSplitter.Split unknown = VendorNameSplitter.split("NVIDIA Corporation Device 2684");
        assertEquals(Optional.of("NVIDIA Corporation"), unknown.vendor());
        assertEquals(Optional.of("2684"), unknown.deviceIdFromName());
        assertEquals(Optional.empty(), VendorNameSplitter.split("Qualcomm Technologies Wi-Fi").vendor());
        assertEquals(Optional.empty(), VendorNameSplitter.split("Device").vendor());
    }

    @Test
    void headerAndHexRowRecognition() {
        assertTrue(LspciFormatParser.isHeader("01:00.0 VGA compatible controller: X"));
        assertTrue(LspciFormatParser.isHeader("0000:01:00.0 VGA compatible controller: X"));
        assertTrue(LspciFormatParser.isHeader("00:01.0/01:00.0 VGA compatible controller: X"));
        assertFalse(LspciFormatParser.isHeader("00: 86 80 c9 10 07 05 10 00 01 00 00 02 10 00 00 00"));
        assertFalse(LspciFormatParser.isHeader("01:00.8 nope"));
        assertFalse(LspciFormatParser.isHeader("01:20.0 nope"));
        assertTrue(LspciFormatParser.isHexRow("100: 01 00 82 14 00 00 00 00 00 00 40 00 30 20 46 00"));
        assertFalse(LspciFormatParser.isHexRow("Date: 12 ab"));
    }

    /**
     * Mangled real captures (lines dropped, truncated, duplicated, re-indented) never make the reader throw, and every
     * surviving header line still gives a device.
     */
    @Test
    void mangledCapturesNeverThrow() throws IOException {
        Path dir = Path.of(System.getProperty("samples.dir", "../samples"), "parser", "lspci");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".lspci")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int headers = 0;
            for (String line : lines) {
                int dice = random.nextInt(20);
                String out = switch (dice) {
                    case 0 -> "";
                    case 1 -> line.substring(0, random.nextInt(line.length() + 1));
                    case 2 -> line + "\n" + line;
                    case 3 -> line.replace("\t", "    ");
                    case 4 -> "\t\t\t\t" + line;
                    case 5 -> line.replace(":", "");
                    default -> line;
                };
                for (String l : out.split("\n", -1)) {
                    if (LspciFormatParser.isHeader(l)) {
                        headers++;
                    }
                }
                sb.append(out).append(random.nextBoolean() ? "\n" : "\r\n");
            }
            List<Event> events = LspciTestSupport.parse("mangled-" + round, sb.toString());
            assertEquals(headers, devices(events).size(), "round " + round);
            assertTrue(events.stream().filter(Diagnostic.class::isInstance).map(Diagnostic.class::cast)
                    .noneMatch(Diagnostic::fatal));
        }
    }
}
