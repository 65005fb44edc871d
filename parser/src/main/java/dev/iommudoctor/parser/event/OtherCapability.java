package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * A capability iommu-doctor does not interpret, kept as printed, e.g.
 * {@code \tCapabilities: [100 v1] Virtual Channel} or {@code \tCapabilities: [3c0 v1] Data Link Feature <?>}.
 */
public record OtherCapability(int offset, String title, List<String> rawLines) implements PciCapability {

    public OtherCapability {
        rawLines = List.copyOf(rawLines);
    }
}
