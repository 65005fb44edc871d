package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The driver information of one interface from {@code ethtool -i IFACE}.
 *
 * <p>Example input:
 * <pre>
 * driver: ixgbe
 * version: 6.8.12-4-pve
 * firmware-version: 0x800008f9, 1.3089.0
 * bus-info: 0000:03:00.0
 * supports-statistics: yes
 * </pre>
 *
 * @param span            first to last line of the block
 * @param interfaceName   the interface, when a preceding {@code ethtool -i eno1} command line names it
 * @param driver          the bound driver
 * @param version         driver version (the kernel release for in-tree drivers)
 * @param firmwareVersion NIC firmware version, when printed and non-empty
 * @param busInfo         the PCI function, when bus-info is a PCI address
 * @param fields          every field of the block as printed, in order (including the ones above)
 */
public record EthtoolInfo(SourceSpan span, Optional<String> interfaceName, String driver, Optional<String> version,
                          Optional<String> firmwareVersion, Optional<PciAddress> busInfo, Map<String, String> fields)
        implements Event {

    public EthtoolInfo {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
