package dev.iommudoctor.rules.net;

import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import dev.iommudoctor.rules.model.PciTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A device is programmed (lspci DevCtl {@code MaxPayload 256 bytes}) for larger TLP payloads than the
 * port above it ({@code MaxPayload 128 bytes}): the port treats the device's larger writes as malformed
 * TLPs (AER errors, lost DMA, NIC or GPU resets, VFIO guests that hang under load). Only DevCtl counts;
 * DevCap is what a function could do. A device set smaller than its port is how {@code pci=pcie_bus_perf}
 * configures things and is not reported.
 */
@DiagnosticRule(id = "PCIE-MPS-MISMATCH", title = "PCIe Max Payload Size larger than the upstream port's",
        severity = Severity.WARNING, matrixRow = MatrixRow.MTU_PAYLOAD, requires = Fact.PCI_CAPABILITIES)
public final class PcieMpsMismatchRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        PciTopology topo = host.pciTopology();
        Map<PciTopology.Bridge, List<PciFunction>> byPort = new LinkedHashMap<>();
        for (PciFunction f : host.pci().functions()) {
            Optional<Integer> mps = devCtlMps(f);
            if (mps.isEmpty()) {
                continue;
            }
            Optional<PciTopology.Bridge> up = topo.upstreamBridge(f.address());
            Optional<Integer> portMps = up.flatMap(b -> devCtlMps(b.function()));
            if (portMps.isPresent() && mps.get() > portMps.get()) {
                byPort.computeIfAbsent(up.get(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byPort.forEach((port, devices) -> findings.add(finding(port, devices)));
        return RuleResult.of(findings);
    }

    static Optional<Integer> devCtlMps(PciFunction f) {
        return f.lspci().flatMap(d -> d.capability(PciExpressCapability.class))
                .filter(c -> c.devCtlMaxPayload().isPresent()).map(c -> c.devCtlMaxPayload().getAsInt());
    }

    private Finding finding(PciTopology.Bridge port, List<PciFunction> devices) {
        PciFunction p = port.function();
        int portMps = devCtlMps(p).orElseThrow();
        FindingBuilder f = finding();
        StringBuilder list = new StringBuilder();
        for (PciFunction d : devices) {
            f.device(d.address());
            int mps = devCtlMps(d).orElseThrow();
            d.lspci().ifPresent(l -> f.evidence(EvidenceLine.of(l.span(), d.address() + ": DevCtl: MaxPayload " + mps + " bytes")));
            list.append("\n  ").append(d.label()).append(": MaxPayload ").append(mps).append(" bytes");
        }
        f.device(p.address());
        p.lspci().ifPresent(l -> f.evidence(EvidenceLine.of(l.span(), p.address() + ": DevCtl: MaxPayload " + portMps
                + " bytes; Bus: secondary=" + String.format("%02x", port.secondary()))));
        String portType = p.lspci().flatMap(l -> l.capability(PciExpressCapability.class)).map(PciExpressCapability::portType)
                .orElse("bridge");
        f.message("%d function(s) behind %s %s are programmed for larger PCIe payloads than the port (MaxPayload %d bytes):%s\n"
                        + "The port receives TLPs larger than its own setting as malformed (AER 'Malformed TLP', dropped DMA writes, "
                        + "device resets under load). Usually left behind by a hot reset, a firmware setting or pci=pcie_bus_peer2peer/"
                        + "setpci tuning.", devices.size(), portType.toLowerCase(java.util.Locale.ROOT), p.address(), portMps, list);
        f.remedy("let the kernel make the settings consistent at boot: add pci=pcie_bus_safe to the kernel command line "
                + "(every device gets the smallest MPS its path supports), or pci=pcie_bus_perf for the largest safe values");
        f.remedy("check after the reboot: lspci -vvv -s " + p.address() + " | grep -A2 DevCtl   and the same for "
                + devices.get(0).address() + " (the MaxPayload values must be equal, or the device's smaller)");
        f.remedy("if a BIOS option sets 'Max Payload Size' per slot, set it to Auto; look for AER errors: dmesg | grep -i 'AER\\|Malformed'");
        return f.build();
    }
}
