package dev.iommudoctor.parser.event;

/**
 * The BIOS identification line the kernel adds to a {@code Your BIOS is broken} firmware bug, when
 * it reaches the log as a record of its own (rsyslog imklog, serial consoles and old {@code dmesg}
 * give every line of a multi-line printk its own prefix). When the envelope reader joins it to the
 * firmware-bug record instead, its fields are in {@link RmrrFirmwareBug} / {@link IommuFirmwareBug}.
 *
 * <pre>{@code BIOS vendor: American Megatrends Inc.; Ver: 3.11.2150; Product Version: 1}</pre>
 *
 * @param record the log record it was read from
 * @param biosVendor the BIOS vendor ({@code (null)} when the firmware left it empty)
 * @param biosVersion the BIOS version
 * @param productVersion the product version
 */
public record FirmwareBiosInfo(LogRecord record, String biosVendor, String biosVersion, String productVersion)
        implements LogEvent {
}
