package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Single Root I/O Virtualization on a physical function:
 * <pre>
 * \tCapabilities: [160 v1] Single Root I/O Virtualization (SR-IOV)
 * \t\tIOVCap:\tMigration- 10BitTagReq- IntMsgNum 0
 * \t\tIOVCtl:\tEnable+ Migration- Interrupt- MSE+ ARIHierarchy+ 10BitTagReq-
 * \t\tInitial VFs: 64, Total VFs: 64, Number of VFs: 8, Function Dependency Link: 00
 * \t\tVF offset: 128, stride: 2, Device ID: 10ed
 * </pre>
 *
 * @param enabled     IOVCtl {@code Enable+} (VFs are instantiated)
 * @param vfDeviceId  the VF device id, 4 hex digits ("10ed")
 */
public record SriovCapability(int offset, String title, List<String> rawLines, boolean enabled,
                              OptionalInt initialVfs, OptionalInt totalVfs, OptionalInt numVfs,
                              Optional<String> vfDeviceId, OptionalInt vfOffset, OptionalInt vfStride)
        implements PciCapability {

    public SriovCapability {
        rawLines = List.copyOf(rawLines);
    }
}
