package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * The MSI capability: {@code \tCapabilities: [68] MSI: Enable+ Count=1/1 Maskable- 64bit+}
 * (old lspci: {@code MSI: Mask- 64bit+ Count=1/1 Enable-}).
 *
 * @param enabled      Enable+
 * @param countEnabled vectors enabled (the 1 of Count=1/4)
 * @param countMax     vectors supported (the 4 of Count=1/4)
 * @param maskable     Maskable+ (old form: Mask+)
 * @param is64bit      64bit+
 */
public record MsiCapability(int offset, String title, List<String> rawLines, boolean enabled, int countEnabled,
                            int countMax, boolean maskable, boolean is64bit) implements PciCapability {

    public MsiCapability {
        rawLines = List.copyOf(rawLines);
    }
}
