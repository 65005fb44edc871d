package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.IommuGroupMember;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.UsbDeviceBehind;
import java.io.IOException;
import dev.iommudoctor.parser.api.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the listings people make of {@code /sys/kernel/iommu_groups}, in any of the common forms and
 * mixed in one file:
 * <ul>
 *   <li>{@code find /sys/kernel/iommu_groups/ -type l}: {@code /sys/kernel/iommu_groups/13/devices/0000:28:00.0}</li>
 *   <li>{@code ls -l}, under a {@code /sys/kernel/iommu_groups/1/devices:} heading or with full paths:
 *       {@code lrwxrwxrwx 1 root root 0 Nov  5 10:00 0000:01:00.0 -> ../../../../devices/pci0000:00/...}</li>
 *   <li>the wiki script: {@code IOMMU Group 1 01:00.0 VGA compatible controller [0300]: NVIDIA ... [10de:1b80] (rev a1)}</li>
 *   <li>a {@code IOMMU Group 1:} heading followed by (indented) {@code lspci -nns} lines</li>
 *   <li>ls-iommu columns: {@code Group 12:\t[10de:2206] [R] 01:00.0  VGA compatible controller  GA102 ...},
 *       continuation rows without the {@code Group} cell, and {@code USB:} rows</li>
 * </ul>
 * {@code lspci -k} lines under a device ({@code Kernel driver in use: vfio-pci}) belong to that device.
 * A line that is none of these becomes an {@code UNRECOGNIZED_LINE} diagnostic.
 */
final class IommuGroupsParser implements FormatParser {

    private static final String BDF = "(?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]";
    private static final String IDS = "([0-9a-fA-F]{4}:[0-9a-fA-F]{4})";

    private static final Pattern SYSFS_PATH = Pattern.compile("^\\S*?/iommu_groups/(\\d+)/devices/(" + BDF + ")/?$");
    private static final Pattern LS_LONG = Pattern.compile("^[l-][rwxsStT-]{9}\\S*\\s+\\d+\\s+\\S+\\s+\\S+\\s+\\d+\\s+.*?(\\S+) -> \\S+$");
    private static final Pattern DIR_HEADING = Pattern.compile("^\\S*?/iommu_groups/(\\d+)/devices/?:$");
    private static final Pattern STRUCTURE = Pattern.compile("^(?:\\S*?/iommu_groups(?:/\\d+(?:/devices)?)?/?|total \\d+)$");
    private static final Pattern SCRIPT_INLINE = Pattern.compile("^\\s*IOMMU [Gg]roup (\\d+):?\\s+(" + BDF + ")\\s+(.*)$");
    private static final Pattern GROUP_HEADING = Pattern.compile("^\\s*(?:IOMMU )?[Gg]roup:?\\s*(\\d+):?\\s*$");
    private static final Pattern LSPCI_ROW = Pattern.compile("^\\s*(" + BDF + ")\\s+(.*)$");
    private static final Pattern BARE_ADDRESSES = Pattern.compile("^\\s*" + BDF + "(?:\\s+" + BDF + ")*\\s*$");
    private static final Pattern LS_IOMMU = Pattern.compile(
            "^(?:Group\\s+(\\d+):)?\\s*\\[" + IDS + "\\]\\s+(\\[R\\]\\s+)?(" + BDF + ")(?:\\s+(.*))?$");
    private static final Pattern USB_ROW = Pattern.compile("^\\s*USB:\\s+\\[" + IDS + "\\]\\s+Bus (\\d+) Device (\\d+)\\s*(.*)$");
    private static final Pattern LAST_IDS = Pattern.compile(".*\\[" + IDS + "\\]");
    private static final Pattern COLUMN_GAP = Pattern.compile("\\s{2,}");

    private static final Pattern DEVICE_DETAIL = Pattern.compile("^\\s+([A-Z][A-Za-z ]*[a-z]):\\s*(.*)$");
    private static final String DRIVER_IN_USE = "Kernel driver in use";

    private int group = -1;
    private PciAddress lastDevice;

    /** The member last read: emitted once the lines that may follow it ({@code Kernel driver in use: ...}) are read. */
    private static final class Pending {
        int group;
        int first;
        int last;
        PciAddress device;
        String description;
        String ids;
        Boolean reset;
        String driver;
        final List<String> details = new ArrayList<>();
    }

    private Pending pending;
    /** Line of the last bare group heading, 0 when none is open; a heading without devices is reported. */
    private int headingLine;
    private int membersUnderHeading;

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (!line.isBlank()) {
                read(line, lines.lineNumber(), ctx);
            }
        }
        flush(ctx);
        closeHeading(ctx);
    }

    private void closeHeading(ParseContext ctx) {
        if (headingLine > 0 && membersUnderHeading == 0) {
            ctx.diagnostic(headingLine, "EMPTY_GROUP", "IOMMU group " + group
                    + " is listed without any device (was the listing cut short?)", "", false);
        }
        headingLine = 0;
    }

    private void flush(ParseContext ctx) {
        if (pending != null) {
            Pending p = pending;
            pending = null;
            ctx.emit(new IommuGroupMember(new SourceSpan(ctx.source(), p.first, p.last), p.group, p.device,
                    Optional.ofNullable(p.description).map(String::trim).filter(s -> !s.isEmpty()),
                    Optional.ofNullable(p.ids).map(String::toLowerCase), Optional.ofNullable(p.reset),
                    Optional.ofNullable(p.driver), p.details));
        }
    }

    private void read(String line, int n, ParseContext ctx) {
        String text = line.stripTrailing();
        Matcher m = DEVICE_DETAIL.matcher(text);
        if (pending != null && m.matches() && !text.trim().startsWith("USB:")) {
            if (m.group(1).equals(DRIVER_IN_USE)) {
                pending.driver = m.group(2).trim();
            } else {
                pending.details.add(text.trim());
            }
            pending.last = n;
            return;
        }
        flush(ctx);
        if ((m = SYSFS_PATH.matcher(text)).matches()) {
            member(ctx, n, Integer.parseInt(m.group(1)), m.group(2), null, null, null);
        } else if ((m = LS_LONG.matcher(text)).matches()) {
            readLsLong(m.group(1), text, n, ctx);
        } else if ((m = DIR_HEADING.matcher(text)).matches()) {
            heading(Integer.parseInt(m.group(1)), n, ctx);
        } else if (STRUCTURE.matcher(text).matches()) {
            return;
        } else if ((m = SCRIPT_INLINE.matcher(text)).matches()) {
            newGroup(Integer.parseInt(m.group(1)));
            member(ctx, n, group, m.group(2), m.group(3), lastIds(m.group(3)), null);
        } else if ((m = GROUP_HEADING.matcher(text)).matches()) {
            heading(Integer.parseInt(m.group(1)), n, ctx);
        } else if ((m = LS_IOMMU.matcher(text)).matches()) {
            if (m.group(1) != null) {
                newGroup(Integer.parseInt(m.group(1)));
            }
            if (needGroup(text, n, ctx)) {
                member(ctx, n, group, m.group(4), lsIommuDescription(m.group(5)), m.group(2), m.group(3) != null);
            }
        } else if ((m = USB_ROW.matcher(text)).matches()) {
            if (needGroup(text, n, ctx)) {
                ctx.emit(new UsbDeviceBehind(ctx.span(n), group, Optional.ofNullable(lastDevice), m.group(1).toLowerCase(),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4).trim()));
            }
        } else if (BARE_ADDRESSES.matcher(text).matches()) {
            if (needGroup(text, n, ctx)) {
                for (String token : text.trim().split("\\s+")) {
                    member(ctx, n, group, token, null, null, null);
                }
            }
        } else if ((m = LSPCI_ROW.matcher(text)).matches()) {
            if (needGroup(text, n, ctx)) {
                member(ctx, n, group, m.group(1), m.group(2), lastIds(m.group(2)), null);
            }
        } else {
            ctx.diagnostic(n, "UNRECOGNIZED_LINE", "not a line of an IOMMU group listing", line, false);
        }
    }

    private void readLsLong(String name, String text, int n, ParseContext ctx) {
        Matcher path = SYSFS_PATH.matcher(name);
        if (path.matches()) {
            member(ctx, n, Integer.parseInt(path.group(1)), path.group(2), null, null, null);
        } else if (PciAddress.tryParse(name) != null) {
            if (needGroup(text, n, ctx)) {
                member(ctx, n, group, name, null, null, null);
            }
        } else {
            ctx.diagnostic(n, "UNRECOGNIZED_LINE", "ls -l entry is not a PCI device of an IOMMU group", text, false);
        }
    }

    private void heading(int number, int line, ParseContext ctx) {
        closeHeading(ctx);
        newGroup(number);
        headingLine = line;
        membersUnderHeading = 0;
    }

    private void newGroup(int number) {
        group = number;
        lastDevice = null;
    }

    private boolean needGroup(String text, int n, ParseContext ctx) {
        if (group < 0) {
            ctx.diagnostic(n, "NO_GROUP", "device listed before any IOMMU group heading; its group is unknown", text, false);
            return false;
        }
        return true;
    }

    private void member(ParseContext ctx, int n, int groupNumber, String address, String description, String ids,
                        Boolean reset) {
        PciAddress device = PciAddress.tryParse(address);
        if (device == null) {
            ctx.diagnostic(n, "BAD_PCI_ADDRESS", "not a valid PCI address: " + address, address, false);
            return;
        }
        lastDevice = device;
        membersUnderHeading++;
        flush(ctx);
        pending = new Pending();
        pending.group = groupNumber;
        pending.first = n;
        pending.last = n;
        pending.device = device;
        pending.description = description;
        pending.ids = ids;
        pending.reset = reset;
    }

    private static String lastIds(String text) {
        Matcher m = LAST_IDS.matcher(text);
        return m.lookingAt() ? m.group(1) : null;
    }

    /** ls-iommu pads class and name into columns: {@code Audio device    GA102 HD Audio} -> {@code Audio device: GA102 HD Audio}. */
    private static String lsIommuDescription(String columns) {
        if (columns == null) {
            return null;
        }
        String[] parts = COLUMN_GAP.split(columns.trim(), 2);
        return parts.length == 2 ? parts[0] + ": " + parts[1] : parts[0];
    }
}
