package dev.iommudoctor.parser.internal;

import dev.iommudoctor.grammar.LspciParser;
import dev.iommudoctor.parser.event.PciCapability;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Converts the parse tree of one device block into a {@link PciDevice}; rules never see ANTLR types.
 * Known body lines fill fields, every other line is kept in {@code otherLines}.
 */
final class LspciEventBuilder {

    private static final Pattern CAP_HEADER = Pattern.compile("\\[([0-9a-fA-F]+)(?: v(\\d+))?\\]\\s*(.*)");
    private static final Pattern SUBSYSTEM_IDS = Pattern.compile("(.*?)\\s*\\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\\]");
    private static final Pattern NUMERIC_IDS = Pattern.compile("(?:Device )?([0-9a-fA-F]{4}):([0-9a-fA-F]{4})");
    private static final Pattern FLAGS_NUMA = Pattern.compile("NUMA node (\\d+)");
    private static final Pattern FLAGS_GROUP = Pattern.compile("IOMMU group (\\d+)");

    /** Receives problems found while building (a stray column-0 line, an unreadable capability header). */
    interface Problems {
        void report(int fileLine, String code, String message, String preview);
    }

    private final ParseContext ctx;
    private final Problems problems;

    LspciEventBuilder(ParseContext ctx, Problems problems) {
        this.ctx = ctx;
        this.problems = problems;
    }

    /** Builds the device; {@code header} must be non-null; {@code firstLine}/{@code lastLine} are file lines. */
    PciDevice build(LspciHeader header, LspciParser.BlockContext block, int firstLine, int lastLine) {
        Fields f = new Fields();
        for (LspciParser.ItemContext item : block.item()) {
            if (item.capability() != null) {
                capability(item.capability(), f, firstLine);
            } else if (item.bodyLine() != null) {
                bodyLine(item.bodyLine(), f, firstLine);
            } else if (item.detailLine() != null) {
                f.otherLines.add(text(lineToken(item.detailLine())).strip());
            } else if (item.strayLine() != null) {
                String text = text(item.strayLine().STRAY()).strip();
                f.otherLines.add(text);
                problems.report(firstLine + item.getStart().getLine() - 1, "LSPCI_STRAY_LINE",
                        "unexpected unindented line inside the block of " + header.address(), text);
            }
        }
        return new PciDevice(ctx.span(firstLine).through(lastLine), header.address(), header.className(),
                header.description(), header.classCode(), header.vendor(), header.vendorId(), header.deviceName(),
                header.deviceId(), header.revision(), header.progIf(), f.subsystem, f.subsystemVendorId,
                f.subsystemDeviceId, f.numaNode, f.iommuGroup, f.driver, f.modules, f.regions, f.capabilities,
                f.accessDenied, f.otherLines, f.keyLines);
    }

    private void bodyLine(LspciParser.BodyLineContext line, Fields f, int firstLine) {
        if (line.KV_LINE() == null) {
            String value = text(line.TEXT_LINE()).strip();
            PciRegion region = LspciRegions.bar("Region", value);
            if (region != null) {
                f.regions.add(region);
            } else {
                f.otherLines.add(value);
            }
            return;
        }
        String kv = text(line.KV_LINE());
        int colon = kv.indexOf(':');
        String key = kv.substring(0, colon).strip();
        String value = kv.substring(colon + 1).strip();
        f.keyLines.putIfAbsent(key, firstLine + line.getStart().getLine() - 1);
        switch (key) {
            case "Subsystem" -> subsystem(value, f);
            case "NUMA node" -> f.numaNode = parseInt(value);
            case "IOMMU group" -> f.iommuGroup = parseInt(value);
            case "Kernel driver in use" -> f.driver = value.isEmpty() ? Optional.empty() : Optional.of(value);
            case "Kernel modules" -> {
                for (String module : value.split(",")) {
                    if (!module.isBlank()) {
                        f.modules.add(module.strip());
                    }
                }
            }
            case "I/O behind bridge", "Memory behind bridge", "Prefetchable memory behind bridge" ->
                    f.regions.add(LspciRegions.bridgeWindow(key, value));
            default -> {
                PciRegion region = key.startsWith("Region ") ? LspciRegions.bar(key, value) : null;
                if (region != null) {
                    f.regions.add(region);
                    return;
                }
                if (key.equals("Flags")) {
                    // lspci -v folds NUMA node and IOMMU group into the Flags line; keep the line as well
                    f.numaNode = find(FLAGS_NUMA, value).isPresent() ? find(FLAGS_NUMA, value) : f.numaNode;
                    f.iommuGroup = find(FLAGS_GROUP, value).isPresent() ? find(FLAGS_GROUP, value) : f.iommuGroup;
                }
                f.otherLines.add(key + ": " + value);
            }
        }
    }

    private void subsystem(String value, Fields f) {
        Matcher m = SUBSYSTEM_IDS.matcher(value);
        Matcher n = NUMERIC_IDS.matcher(value);
        if (m.matches()) {
            f.subsystem = m.group(1).isEmpty() ? Optional.empty() : Optional.of(m.group(1));
            f.subsystemVendorId = Optional.of(m.group(2).toLowerCase());
            f.subsystemDeviceId = Optional.of(m.group(3).toLowerCase());
        } else if (n.matches()) {
            f.subsystemVendorId = Optional.of(n.group(1).toLowerCase());
            f.subsystemDeviceId = Optional.of(n.group(2).toLowerCase());
        } else {
            f.subsystem = Optional.of(value);
        }
    }

    private void capability(LspciParser.CapabilityContext cap, Fields f, int firstLine) {
        String header = text(cap.CAP_LINE()).substring("Capabilities:".length()).strip();
        CapabilityLines lines = new CapabilityLines();
        for (LspciParser.DetailLineContext d : cap.detailLine()) {
            String rawLine = text(lineToken(d)).strip();
            if (d.INDENT3() != null) {
                lines.continuation(rawLine);
            } else if (d.TEXT_LINE() != null) {
                lines.field(null, rawLine, rawLine);
            } else {
                int colon = rawLine.indexOf(':');
                lines.field(rawLine.substring(0, colon).strip(), rawLine.substring(colon + 1).strip(), rawLine);
            }
        }
        if (header.equals("<access denied>")) {
            f.accessDenied = true;
            return;
        }
        Matcher m = CAP_HEADER.matcher(header);
        if (!m.matches()) {
            f.otherLines.add("Capabilities: " + header);
            f.otherLines.addAll(lines.raw());
            problems.report(firstLine + cap.getStart().getLine() - 1, "LSPCI_BAD_CAPABILITY",
                    "capability header without [offset]; kept as an other line", header);
            return;
        }
        PciCapability parsed = LspciCapabilities.create(Integer.parseInt(m.group(1), 16), m.group(3), lines);
        f.capabilities.add(parsed);
    }

    private static TerminalNode lineToken(LspciParser.DetailLineContext d) {
        return d.KV_LINE() != null ? d.KV_LINE() : d.TEXT_LINE() != null ? d.TEXT_LINE() : d.CAP_LINE();
    }

    /** The token text without its line end (line tokens carry their newline). */
    private static String text(TerminalNode node) {
        String s = node.getText();
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static OptionalInt parseInt(String value) {
        try {
            return OptionalInt.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** Mutable collector for one device; frozen into the record at the end. */
    private static final class Fields {
        Optional<String> subsystem = Optional.empty();
        Optional<String> subsystemVendorId = Optional.empty();
        Optional<String> subsystemDeviceId = Optional.empty();
        OptionalInt numaNode = OptionalInt.empty();
        OptionalInt iommuGroup = OptionalInt.empty();
        final java.util.Map<String, Integer> keyLines = new java.util.LinkedHashMap<>();
        Optional<String> driver = Optional.empty();
        boolean accessDenied;
        final List<String> modules = new ArrayList<>();
        final List<PciRegion> regions = new ArrayList<>();
        final List<PciCapability> capabilities = new ArrayList<>();
        final List<String> otherLines = new ArrayList<>();
    }
}
