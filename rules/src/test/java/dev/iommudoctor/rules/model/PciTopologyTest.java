package dev.iommudoctor.rules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads a sample lspci -nnvvv dump and checks the bus ranges from the {@code Bus: primary=...} lines. */
class PciTopologyTest {

    @Test
    void upstreamPortIsTheBridgeWhoseSecondaryBusIsTheDevicesBus() throws Exception {
        Path samples = Path.of(System.getProperty("samples.dir", "../samples"));
        Path lspci = samples.resolve("rules/PCIE-MPS-MISMATCH/quiet-when-only-devcap-maximums-differ/lspci-nnvvv.txt");
        HostModel host = Analyzer.withDefaults().analyze(List.of(lspci), ProgressListener.NONE).host();
        PciTopology topo = host.pciTopology();
        assertEquals(3, topo.bridges().size(), "00:01.1, 00:05.2 and the ASPEED bridge 03:00.0");
        assertEquals(PciAddress.parse("0000:00:01.1"),
                topo.upstreamBridge(PciAddress.parse("0000:01:00.1")).orElseThrow().function().address());
        assertEquals(PciAddress.parse("0000:00:05.2"),
                topo.upstreamBridge(PciAddress.parse("0000:03:00.0")).orElseThrow().function().address());
        assertTrue(topo.upstreamBridge(PciAddress.parse("0000:00:01.1")).isEmpty(), "root ports sit on the root bus");
        assertEquals(List.of(PciAddress.parse("0000:00:05.2")),
                topo.bridgesAbove(PciAddress.parse("0000:03:00.0")).stream().map(b -> b.function().address()).toList());
        assertEquals(2, topo.below(topo.upstreamBridge(PciAddress.parse("0000:01:00.0")).orElseThrow(), host.pci()).size());
    }
}
