package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;

/**
 * Page Request Interface:
 * <pre>
 * \tCapabilities: [240 v1] Page Request Interface (PRI)
 * \t\tPRICtl: Enable+ Reset-
 * \t\tPRISta: RF- UPRGI- Stopped+ PASID+
 * \t\tPage Request Capacity: 00008000, Page Request Allocation: 00008000
 * </pre>
 *
 * @param enabled PRICtl {@code Enable+}; empty when the line is absent
 */
public record PriCapability(int offset, String title, List<String> rawLines, Optional<Boolean> enabled)
        implements PciCapability {

    public PriCapability {
        rawLines = List.copyOf(rawLines);
    }
}
