package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * The MSI-X capability: {@code \tCapabilities: [b0] MSI-X: Enable+ Count=129 Masked-}
 * (old lspci: {@code MSI-X: Enable+ Mask- TabSize=10}).
 *
 * @param enabled   Enable+
 * @param tableSize the vector table size (Count= or TabSize=)
 * @param masked    Masked+ / Mask+: all vectors masked by the function mask
 */
public record MsiXCapability(int offset, String title, List<String> rawLines, boolean enabled, int tableSize,
                             boolean masked) implements PciCapability {

    public MsiXCapability {
        rawLines = List.copyOf(rawLines);
    }
}
