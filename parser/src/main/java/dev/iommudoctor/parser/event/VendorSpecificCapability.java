package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * A vendor-specific capability (standard ID 09, extended ID 0x0b, or a DVSEC), e.g.
 * {@code \tCapabilities: [48] Vendor Specific Information: Len=08 <?>},
 * {@code \tCapabilities: [70] VirtIO: Notify} (virtio's vendor capability as older lspci prints it) or
 * {@code \tCapabilities: [180 v1] Designated Vendor-Specific: Vendor=8086 ID=0023 Rev=1 Len=20 <?>}.
 */
public record VendorSpecificCapability(int offset, String title, List<String> rawLines) implements PciCapability {

    public VendorSpecificCapability {
        rawLines = List.copyOf(rawLines);
    }

    /** True for virtio's vendor capabilities ({@code VirtIO: CommonCfg}, {@code Vendor Specific Information: VirtIO: Notify}). */
    public boolean virtio() {
        return title.contains("VirtIO:");
    }
}
