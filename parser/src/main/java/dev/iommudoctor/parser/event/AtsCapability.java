package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;

/**
 * Address Translation Service:
 * <pre>
 * \tCapabilities: [200 v1] Address Translation Service (ATS)
 * \t\tATSCap:\tInvalidate Queue Depth: 00
 * \t\tATSCtl:\tEnable+, Smallest Translation Unit: 00
 * </pre>
 *
 * @param enabled ATSCtl {@code Enable+}; empty when the line is absent
 */
public record AtsCapability(int offset, String title, List<String> rawLines, Optional<Boolean> enabled)
        implements PciCapability {

    public AtsCapability {
        rawLines = List.copyOf(rawLines);
    }
}
