package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.Optional;

/**
 * One parent -&gt; child edge of the PCI tree printed by {@code lspci -t} / {@code lspci -tv}. From
 * <pre>
 * -[0000:00]-+-00.0  Intel Corporation Host Bridge/DRAM Registers
 *            +-01.0-[01]--+-00.0  NVIDIA Corporation TU104 [GeForce RTX 2080]
 *            |            \-00.1  NVIDIA Corporation TU104 HD Audio Controller
 * </pre>
 * come the links (root bus 0000:00 -&gt; 0000:00:00.0), (root -&gt; 0000:00:01.0), (0000:00:01.0 -&gt; 0000:01:00.0)
 * and (0000:00:01.0 -&gt; 0000:01:00.1).
 *
 * @param bridge     the PCI bridge the device sits behind; empty for a device on a root bus
 * @param rootBus    the root bus of the hierarchy, "0000:00"
 * @param device     the device
 * @param deviceName the name printed by {@code -tv} (only for leaf entries: lspci prints no name for a bridge
 *                   whose children follow on the same line)
 */
public record PciTopologyLink(SourceSpan span, Optional<PciAddress> bridge, String rootBus, PciAddress device,
                              Optional<String> deviceName) implements Event {
}
