package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Process Address Space ID:
 * <pre>
 * \tCapabilities: [200 v1] Process Address Space ID (PASID)
 * \t\tPASIDCap: Exec+ Priv-, Max PASID Width: 14
 * \t\tPASIDCtl: Enable+ Exec- Priv-
 * </pre>
 *
 * @param enabled  PASIDCtl {@code Enable+}; empty when the line is absent
 * @param maxWidth Max PASID Width (hex as printed by lspci, converted: "14" means 0x14 = 20 bits)
 */
public record PasidCapability(int offset, String title, List<String> rawLines, Optional<Boolean> enabled,
                              OptionalInt maxWidth) implements PciCapability {

    public PasidCapability {
        rawLines = List.copyOf(rawLines);
    }
}
