package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PCI tree as far as the bundle shows it: each bridge's secondary..subordinate bus range, from the
 * lspci -v line {@code Bus: primary=00, secondary=01, subordinate=01, sec-latency=0}. The upstream port
 * of a function is the bridge whose secondary bus is the function's bus (same PCI domain); the chain of
 * bridges above it follows from the ranges. Without lspci -v the tree is unknown and every lookup is empty.
 */
public final class PciTopology {

    private static final Pattern BUS = Pattern.compile(
            "^Bus: primary=([0-9a-fA-F]{2,4}), secondary=([0-9a-fA-F]{2,4}), subordinate=([0-9a-fA-F]{2,4})");

    /** One bridge and the bus numbers behind it. */
    public record Bridge(PciFunction function, int primary, int secondary, int subordinate) {

        public boolean covers(int domain, int bus) {
            return function.address().domain() == domain && bus >= secondary && bus <= subordinate;
        }
    }

    private final List<Bridge> bridges;

    private PciTopology(List<Bridge> bridges) {
        this.bridges = List.copyOf(bridges);
    }

    static PciTopology of(PciInventory pci) {
        List<Bridge> out = new ArrayList<>();
        for (PciFunction f : pci.functions()) {
            if (f.lspci().isEmpty()) {
                continue;
            }
            PciDevice d = f.lspci().get();
            for (String line : d.otherLines()) {
                Matcher m = BUS.matcher(line.strip());
                if (m.find()) {
                    out.add(new Bridge(f, Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16),
                            Integer.parseInt(m.group(3), 16)));
                    break;
                }
            }
        }
        return new PciTopology(out);
    }

    public List<Bridge> bridges() {
        return bridges;
    }

    /** The bridge directly above {@code address}: the one whose secondary bus is the function's bus. */
    public Optional<Bridge> upstreamBridge(PciAddress address) {
        return bridges.stream()
                .filter(b -> b.function().address().domain() == address.domain() && b.secondary() == address.bus())
                .filter(b -> !b.function().address().equals(address))
                .findFirst();
    }

    /** Every bridge above {@code address}, nearest first (root port last). */
    public List<Bridge> bridgesAbove(PciAddress address) {
        List<Bridge> chain = new ArrayList<>();
        PciAddress at = address;
        for (int guard = 0; guard < 32; guard++) {
            Optional<Bridge> up = upstreamBridge(at);
            if (up.isEmpty() || chain.contains(up.get())) {
                break;
            }
            chain.add(up.get());
            at = up.get().function().address();
        }
        return chain;
    }

    /** Functions whose upstream bridge is {@code bridge} (the devices on its secondary bus). */
    public List<PciFunction> below(Bridge bridge, PciInventory pci) {
        return pci.functions().stream()
                .filter(f -> f.address().domain() == bridge.function().address().domain()
                        && f.address().bus() == bridge.secondary() && !f.address().equals(bridge.function().address()))
                .toList();
    }
}
