package dev.iommudoctor.parser.event;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PCI Express capability, the source of port type, FLR support, payload sizes and link state:
 * <pre>
 * \tCapabilities: [78] Express (v2) Legacy Endpoint, IntMsgNum 0
 * \t\tDevCap:\tMaxPayload 256 bytes, PhantFunc 0, Latency L0s unlimited, L1 &lt;64us
 * \t\t\tExtTag+ AttnBtn- AttnInd- PwrInd- RBE+ FLReset- TEE-IO-
 * \t\tDevCtl:\tCorrErr- NonFatalErr- FatalErr- UnsupReq-
 * \t\t\tRlxdOrd+ ExtTag+ PhantFunc- AuxPwr- NoSnoop+
 * \t\t\tMaxPayload 256 bytes, MaxReadReq 512 bytes
 * \t\tLnkCap:\tPort #0, Speed 8GT/s, Width x16, ASPM L0s L1, Exit Latency L0s &lt;512ns, L1 &lt;4us
 * \t\tLnkSta:\tSpeed 2.5GT/s (downgraded), Width x8 (downgraded)
 * </pre>
 *
 * @param capVersion        the {@code (v2)} of the title (printed with -vv and more)
 * @param portType          Endpoint, Legacy Endpoint, Root Port, Upstream Port, Downstream Port,
 *                          Root Complex Integrated Endpoint, Root Complex Event Collector,
 *                          PCI-Express to PCI/PCI-X Bridge, PCI/PCI-X to PCI-Express Bridge, Unknown type N
 * @param slot              {@code (Slot+)}/{@code (Slot-)} of root and downstream ports
 * @param devCapMaxPayload  DevCap MaxPayload in bytes
 * @param flReset           DevCap {@code FLReset+}: Function Level Reset supported. False also when DevCap is
 *                          absent (-v) or the port type has no FLR bit; see {@link #devCapPresent()}
 * @param devCtlMaxPayload  DevCtl MaxPayload in bytes
 * @param maxReadReq        DevCtl MaxReadReq in bytes
 * @param lnkCapSpeed       LnkCap speed as printed ("8GT/s")
 * @param lnkCapWidth       LnkCap width (16 for x16)
 * @param lnkStaSpeed       LnkSta current speed ("2.5GT/s")
 * @param lnkStaWidth       LnkSta current width
 * @param lnkStaSpeedDowngraded {@code (downgraded)} after the LnkSta speed
 * @param lnkStaWidthDowngraded {@code (downgraded)} after the LnkSta width
 */
public record PciExpressCapability(int offset, String title, List<String> rawLines, OptionalInt capVersion,
                                   String portType, Optional<Boolean> slot, OptionalInt devCapMaxPayload,
                                   boolean flReset, OptionalInt devCtlMaxPayload, OptionalInt maxReadReq,
                                   Optional<String> lnkCapSpeed, OptionalInt lnkCapWidth,
                                   Optional<String> lnkStaSpeed, OptionalInt lnkStaWidth,
                                   boolean lnkStaSpeedDowngraded, boolean lnkStaWidthDowngraded)
        implements PciCapability {

    public PciExpressCapability {
        rawLines = List.copyOf(rawLines);
    }

    /** True when the DevCap line was printed (-vv or more), i.e. when {@link #flReset()} is meaningful. */
    public boolean devCapPresent() {
        return devCapMaxPayload.isPresent();
    }

    /** True for the link's upstream-facing end of a switch or a root/downstream port (ACS matters there). */
    public boolean isPort() {
        return portType.startsWith("Root Port") || portType.startsWith("Downstream Port")
                || portType.startsWith("Upstream Port");
    }

    /** True when LnkSta reports a downgraded speed or width. */
    public boolean linkDowngraded() {
        return lnkStaSpeedDowngraded || lnkStaWidthDowngraded;
    }
}
