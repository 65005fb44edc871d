package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * One entry of a device's capability list as lspci -v/-vv/-vvv prints it, e.g.
 * <pre>
 * \tCapabilities: [148 v1] Access Control Services
 * \t\tACSCap:\tSrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-
 * \t\tACSCtl:\tSrcValid+ TransBlk- ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-
 * </pre>
 * Known capabilities become typed records; everything else is an {@link OtherCapability}, so no capability
 * is ever dropped. The raw detail lines are always kept.
 */
public interface PciCapability {

    /** Config-space offset in brackets: 0x60 for {@code [60]}, 0x148 for {@code [148 v1]}. */
    int offset();

    /** The text after the bracket: {@code Access Control Services}, {@code MSI: Enable+ Count=1/1 Maskable- 64bit+}. */
    String title();

    /** The detail lines under the header, indentation removed, continuation lines kept as separate entries. */
    List<String> rawLines();

    /** True for extended capabilities (offset 0x100 and above, PCIe config space). */
    default boolean extended() {
        return offset() >= 0x100;
    }
}
