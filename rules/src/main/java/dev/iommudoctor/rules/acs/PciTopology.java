package dev.iommudoctor.rules.acs;

import dev.iommudoctor.parser.event.AcsCapability;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PCI tree as far as {@code lspci -vv} shows it: each bridge's {@code Bus: primary=00, secondary=02,
 * subordinate=06} line says which bus it opens, so a function's upstream ports are found by walking from
 * its bus to the bridge whose secondary bus it is. Bridges missing from the capture end the walk.
 */
final class PciTopology {

    private static final Pattern BUS = Pattern.compile("Bus: primary=([0-9a-fA-F]{2}), secondary=([0-9a-fA-F]{2})");

    /** (domain, secondary bus) -> the bridge that opens that bus. */
    private final Map<Long, PciFunction> bridgeOf = new HashMap<>();

    PciTopology(HostModel host) {
        for (PciFunction f : host.pci().functions()) {
            if (f.lspci().isEmpty()) {
                continue;
            }
            for (String line : f.lspci().get().otherLines()) {
                Matcher m = BUS.matcher(line);
                if (m.find()) {
                    bridgeOf.put(key(f.address().domain(), Integer.parseInt(m.group(2), 16)), f);
                }
            }
        }
    }

    /** The bridges above {@code f}, nearest first (empty when the capture lacks the Bus lines). */
    List<PciFunction> upstream(PciAddress address) {
        List<PciFunction> chain = new ArrayList<>();
        int bus = address.bus();
        for (int guard = 0; guard < 32; guard++) {
            PciFunction bridge = bridgeOf.get(key(address.domain(), bus));
            if (bridge == null || chain.contains(bridge) || bridge.address().bus() == bus) {
                break;
            }
            chain.add(bridge);
            bus = bridge.address().bus();
        }
        return chain;
    }

    /** The PCIe port type printed by lspci ({@code Root Port}, {@code Downstream Port} ...), when known. */
    static Optional<String> portType(PciFunction f) {
        return f.lspci().flatMap(d -> d.capability(PciExpressCapability.class)).map(PciExpressCapability::portType);
    }

    /**
     * What the kernel's {@code pci_acs_enabled()} would say about a bridge, as far as lspci shows: root and
     * downstream ports need ACS with the required controls on; a multifunction upstream port needs it too;
     * a single-function upstream port never does. Empty when lspci did not show the capabilities.
     */
    static Optional<AcsState> acsState(PciFunction f, boolean multifunction) {
        Optional<PciDevice> d = f.lspci();
        if (d.isEmpty() || d.get().capabilities().isEmpty()) {
            return Optional.empty();
        }
        String type = portType(f).orElse("");
        boolean needsAcs = type.startsWith("Root Port") || type.startsWith("Downstream Port")
                || (type.startsWith("Upstream Port") && multifunction) || type.isEmpty() || type.startsWith("PCI");
        if (!needsAcs) {
            return Optional.of(AcsState.NOT_REQUIRED);
        }
        Optional<AcsCapability> acs = d.get().capability(AcsCapability.class);
        if (acs.isEmpty()) {
            return Optional.of(AcsState.MISSING);
        }
        if (acs.get().acsCtl().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(acs.get().isolationEnabled() ? AcsState.ENABLED : AcsState.DISABLED);
    }

    enum AcsState {
        /** ACS capability present and the required controls are on. */
        ENABLED,
        /** ACS capability present but SrcValid/ReqRedir/CmpltRedir/UpstreamFwd not all enabled. */
        DISABLED,
        /** No ACS capability at all. */
        MISSING,
        /** A port the kernel does not ask ACS of (single-function upstream port). */
        NOT_REQUIRED
    }

    private static long key(int domain, int bus) {
        return ((long) domain << 16) | bus;
    }
}
