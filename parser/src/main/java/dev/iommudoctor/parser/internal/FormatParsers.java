package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceKind;
import java.util.Optional;

/** Which parser reads which kind of input: the one place to register a new format. */
public final class FormatParsers {

    private FormatParsers() {
    }

    public static Optional<FormatParser> forKind(SourceKind kind) {
        FormatParser parser = switch (kind) {
            case KERNEL_LOG, QEMU_LOG -> new KernelLogFormatParser();
            case LSPCI -> new LspciFormatParser();
            case PROC_CMDLINE -> new ProcCmdlineParser();
            case MEMINFO -> new MemInfoParser();
            case IOMMU_GROUPS -> new IommuGroupsParser();
            case MODPROBE_CONF -> new ModprobeConfParser();
            case GRUB_DEFAULT -> new GrubDefaultParser();
            case IP_LINK -> new IpLinkParser();
            case LSMOD -> new LsmodParser();
            case ETHTOOL_INFO -> new EthtoolInfoParser();
            case NODEDEV_XML -> new NodedevXmlParser();
            case DOMAIN_XML -> new DomainXmlParser();
            case SYSFS_ATTRIBUTE -> new SysfsAttributeFormatParser();
            case PVE_VM_CONF -> new PveVmConfigParser();
            case COLLECTOR_JSON -> new CollectorJsonParser();
            case DEVICE_NODES -> new DeviceNodeListingParser();
            default -> null;
        };
        return Optional.ofNullable(parser);
    }
}
