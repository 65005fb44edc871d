package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PCI Power Management capability:
 * <pre>
 * \tCapabilities: [60] Power Management version 3
 * \t\tFlags: PMEClk- DSI- D1- D2- AuxCurrent=0mA PME(D0-,D1-,D2-,D3hot-,D3cold-)
 * \t\tStatus: D0 NoSoftRst+ PME-Enable- DSel=0 DScale=0 PME-
 * </pre>
 *
 * @param version    the PM spec version from the title (3 above)
 * @param pmeFlags   the PME support list, e.g. {@code D0-,D1-,D2-,D3hot-,D3cold-} (absent with -v)
 * @param powerState the current state D0, D1, D2 or D3 (lspci prints D3 for D3hot) (absent with -v)
 * @param noSoftReset {@code NoSoftRst+}: the function keeps its state across D3hot-&gt;D0 (no reset by PM)
 */
public record PowerManagementCapability(int offset, String title, List<String> rawLines, OptionalInt version,
                                        Optional<String> pmeFlags, Optional<String> powerState,
                                        Optional<Boolean> noSoftReset) implements PciCapability {

    public PowerManagementCapability {
        rawLines = List.copyOf(rawLines);
    }
}
