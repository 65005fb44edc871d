package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;

/**
 * One address window of a PCI function as lspci prints it: a BAR, the expansion ROM or a bridge window.
 *
 * <p>Examples and what they become:
 * <pre>
 * \tRegion 0: Memory at f6000000 (32-bit, non-prefetchable) [size=16M]
 *     -&gt; name "Region 0", kind "memory", address f6000000, size 16M, flags [32-bit, non-prefetchable]
 * \tMemory at e0000000 (64-bit, prefetchable) [size=256M]         (lspci -v: no "Region N:" prefix)
 *     -&gt; name "Region", kind "memory", ...
 * \tRegion 4: I/O ports at e000 [disabled] [size=128]   -&gt; kind "io", flags [disabled]
 * \tExpansion ROM at &lt;unassigned&gt; [disabled]         -&gt; kind "rom", no address, flags [unassigned, disabled]
 * \tMemory behind bridge: e0c00000-e0dfffff [size=2M] [32-bit]  -&gt; kind "bridge-memory", address "e0c00000-e0dfffff"
 * </pre>
 *
 * @param name    "Region 0".."Region 5", "Region" (unnumbered -v form), "Expansion ROM", or the bridge window
 *                title ("I/O behind bridge", "Memory behind bridge", "Prefetchable memory behind bridge")
 * @param kind    memory, io, rom, bridge-io, bridge-memory, bridge-prefetchable
 * @param address hex start address or "start-end" range as printed; empty when unassigned/ignored/none
 * @param size    the {@code [size=...]} value (e.g. "16M"), if printed
 * @param flags   bracketed and parenthesised attributes in print order (64-bit, prefetchable, disabled, virtual ...)
 */
public record PciRegion(String name, String kind, Optional<String> address, Optional<String> size, List<String> flags) {

    public PciRegion {
        flags = List.copyOf(flags);
    }

    /** True when lspci marked the window {@code [disabled]} (or {@code [disabled by cmd]}). */
    public boolean disabled() {
        return flags.stream().anyMatch(f -> f.startsWith("disabled"));
    }
}
