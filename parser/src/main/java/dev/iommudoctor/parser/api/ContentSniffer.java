package dev.iommudoctor.parser.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what an input is from its first bytes. The file name is only a tie-breaker: users rename
 * files ({@code dmesg.txt}, {@code output.log}, {@code lspci_-nnvv}), and sosreports name them after
 * the command line that produced them.
 *
 * <p>Each kind has a line signature; the kind whose signature matches the largest share of the first
 * non-blank lines wins, provided the share is meaningful.
 */
public final class ContentSniffer {

    /** Bytes of the head looked at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final int MAX_LINES = 400;

    /**
     * A kind's signature: at least one line must match {@code anchor}; the score is the share of lines
     * that match {@code anchor} or {@code body}. Anchors keep indented detail lines (shared by lspci,
     * ip link and journal continuations) from deciding on their own.
     */
    private record Signature(SourceKind kind, Pattern anchor, Pattern body) {
    }

    private static final String BDF = "(?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]";

    /** The schema tag {@code iommu-doctor collect} puts in its JSON files. */
    private static final Pattern COLLECTOR_SCHEMA = Pattern.compile("\"schema\"\\s*:\\s*\"iommu-doctor-(?:telemetry|bundle)/");

    private static final List<Signature> SIGNATURES = List.of(
            new Signature(SourceKind.KERNEL_LOG, Pattern.compile(
                    "^(?:<\\d+>)?(?:\\[\\s*\\d+\\.\\d+\\]"
                            + "|\\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\\]"
                            + "|[a-z]+ *:[a-z]+ *: "
                            + "|\\d+,\\d+,\\d+,[-+c][^;]*;"
                            + "|-- (?:Logs begin|Journal begins|Boot|No entries|Reboot)"
                            + "|\\S+ {1,2}\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? \\S+ \\S+"
                            + "|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\S* \\S+ (?:kernel|\\S+\\[\\d+\\]):"
                            + "|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d+[+-]\\d\\d:?\\d\\d "
                            + "|kernel: "
                            + "|\\[\\s*\\d+\\.\\d+ <\\s*\\d+\\.\\d+>\\]|\\[\\s*\\+\\d+\\.\\d+\\]|\\[\\p{L}{2,6}\\d\\d \\d\\d:\\d\\d\\] "
                            + "|\\[\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?\\] "
                            + "|(?:DMAR|DMAR-IR|AMD-Vi|iommu|pci " + BDF + "|vfio-pci " + BDF + "|\\[drm\\]|\\[Firmware Bug\\]"
                            + "|ACPI|PCI|Linux version|Command line|Kernel command line|DMI|HugeTLB|x86/\\w+|radeon " + BDF
                            + "|Hypervisor detected|Booting Linux)[: ]).*"),
                    Pattern.compile("^\\s+\\S.*|^(?:\\S+ )?\\S+: .*")),
            new Signature(SourceKind.LSPCI,
                    Pattern.compile("^" + BDF + " (?:[^:]+(?: \\[[0-9a-f]{4}\\])?: .*|[0-9a-f]{4}: [0-9a-f]{4}:[0-9a-f]{4}.*)$"
                            + "|^ ?[-+\\\\|]+\\[[0-9a-f]{4}:[0-9a-f]{2}\\]-.*$"),  // lspci -t root: -[0000:00]-+-00.0, +-[0000:40]-
                    Pattern.compile("^(?:\\t| {2,8})\\S.*|^[0-9a-f]{2,3}: (?:[0-9a-f]{2} ){15}[0-9a-f]{2}$|^ +[|+\\\\]-?.*")),
            new Signature(SourceKind.IOMMU_GROUPS, Pattern.compile(
                    "^(?:\\S*/sys/kernel/iommu_groups/\\d+/devices/\\S+"
                            + "|.*iommu_groups/\\d+.*"
                            + "|IOMMU [Gg]roup \\d+.*"
                            + "|Group\\s+\\d+:.*)$"),
                    Pattern.compile("^\\s+.*|^\\d+$|^total \\d+$")),
            new Signature(SourceKind.QEMU_LOG, Pattern.compile(
                    "^(?:\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d\\.\\d+(?:[+-]\\d{4}|Z)?: (?:\\d+: )?"
                            + "(?:info|error|warning|debug|starting up|shutting down|Domain id|\\S+ : )"
                            + "|\\S*qemu-system-\\S+:? .*|LC_ALL=C .*|char device redirected.*).*"),
                    Pattern.compile("^(?:[A-Z_]+=\\S*|-[\\w-]+ .*|\\S+ \\\\|\\d{4}-\\d\\d-\\d\\d.*)$")),
            new Signature(SourceKind.MEMINFO,
                    Pattern.compile("^(?:Node \\d+ )?(?:MemTotal|MemFree|HugePages_Total|Hugepagesize):\\s+\\d+(?: kB)?$"
                            + "|^\\S*/hugepages/hugepages-\\d+kB/[a-z_]+:\\d+$"),
                    Pattern.compile("^(?:Node \\d+ )?[A-Za-z_()0-9]+:\\s+\\d+(?: kB)?$")),
            new Signature(SourceKind.PVE_VM_CONF,
                    Pattern.compile("^(?:hostpci\\d+|scsihw|vmgenid|smbios1|ostype|efidisk0|tpmstate0|boot): .*$"),
                    Pattern.compile("^(?:#.*|[a-z][a-z0-9_-]*\\d*: .*|\\[[^\\]]+\\])$")),
            new Signature(SourceKind.MODPROBE_CONF,
                    Pattern.compile("^\\s*(?:options|softdep|blacklist|install|remove|alias)\\s+\\S+.*$"),
                    Pattern.compile("^\\s*#.*$")),
            new Signature(SourceKind.GRUB_DEFAULT,
                    Pattern.compile("^\\s*(?:export\\s+)?GRUB_[A-Z0-9_]+=.*$"),
                    Pattern.compile("^\\s*#.*$")),
            new Signature(SourceKind.IP_LINK,
                    Pattern.compile("^\\d+: [^:\\s]+: <[A-Z_,-]*>.*$"),
                    Pattern.compile("^\\s+\\S.*$")),
            new Signature(SourceKind.LSMOD,
                    Pattern.compile("^Module\\s+Size\\s+Used by\\s*$|^[A-Za-z0-9_]+\\s+\\d+\\s+\\d+(?:\\s+\\S+)?\\s*$"
                            + "|^[A-Za-z0-9_]+ \\d+ (?:\\d+|-) \\S+ (?:Live|Loading|Unloading) 0x[0-9a-fA-F]+.*$"),
                    Pattern.compile("^$")),
            new Signature(SourceKind.DEVICE_NODES,
                    Pattern.compile("^[cbpsdl-][rwxsStT-]{9}[.+]?\\s+\\S+\\s+\\S+\\s+/dev/\\S+$"),
                    Pattern.compile("^$")),
            new Signature(SourceKind.ETHTOOL_INFO,
                    Pattern.compile("^(?:driver|bus-info): .*$"),
                    Pattern.compile("^(?:version|firmware-version|expansion-rom-version|supports-\\S+): ?.*$")));

    /**
     * A one- or two-line file of kernel parameters. The lookahead keeps out one-line files of other kinds
     * that quote a command line ({@code GRUB_CMDLINE_LINUX="quiet root=..."}, {@code options ...},
     * {@code [0.0] Command line: ...}); {@code rd.luks.options=} style dotted names count as well.
     */
    /** A libvirt root element at the start of a line, e.g. after a pasted {@code $ virsh nodedev-dumpxml ...} prompt. */
    private static final Pattern XML_ROOT_LINE = Pattern.compile("(?m)^\\s*<(?:domain|device)[\\s>]");

    private static final Pattern CMDLINE = Pattern.compile(
            "^(?!\\s*(?:export\\s+)?GRUB_|\\s*(?:options|softdep|install|alias|blacklist|remove)\\s|\\s*[\\[<#]|.*[Cc]ommand line:)"
                    + "(?:(?:BOOT_IMAGE=\\S+|initrd=\\S+|root=\\S+|ro|rw|quiet)(?: .*)?"
                    + "|.*(?:^| )(?:root|BOOT_IMAGE|rd\\.[\\w.]+|console|intel_iommu|amd_iommu|iommu|rootflags)=\\S+.*)$");

    private ContentSniffer() {
    }

    /**
     * Classifies an input from its head.
     *
     * @param name a file name or archive member path, used only to break ties (may be empty)
     * @param head the first bytes of the (decompressed) content, at most {@link #HEAD_BYTES}
     * @param len  how many bytes of {@code head} are valid
     */
    public static SourceKind sniff(String name, byte[] head, int len) {
        if (len == 0) {
            return SourceKind.EMPTY;
        }
        if (looksBinary(head, len)) {
            return SourceKind.BINARY;
        }
        String text = new String(head, 0, len, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            return SourceKind.EMPTY;
        }
        if (trimmed.startsWith("{") && COLLECTOR_SCHEMA.matcher(text).find()) {
            return SourceKind.COLLECTOR_JSON;
        }
        if (trimmed.startsWith("<")) {
            SourceKind xml = sniffXml(trimmed);
            if (xml != null) {
                return xml;
            }
        }
        Matcher xmlAfterPrompt = XML_ROOT_LINE.matcher(text);
        if (xmlAfterPrompt.find()) {
            SourceKind xml = sniffXml(text.substring(xmlAfterPrompt.start()));
            if (xml != null) {
                return xml;
            }
        }
        List<String> lines = firstLines(text);
        if (lines.size() <= 2 && lines.stream().allMatch(l -> CMDLINE.matcher(l).matches())) {
            return SourceKind.PROC_CMDLINE;
        }
        return bestSignature(lines, name == null ? "" : name.toLowerCase(Locale.ROOT));
    }

    private static SourceKind sniffXml(String text) {
        if (text.contains("<domain") && text.contains("<devices>")) {
            return SourceKind.DOMAIN_XML;
        }
        if (text.contains("<device>") || text.contains("<device ")) {
            return SourceKind.NODEDEV_XML;
        }
        return null;
    }

    private static SourceKind bestSignature(List<String> lines, String name) {
        SourceKind best = SourceKind.UNKNOWN;
        double bestScore = 0;
        for (Signature sig : SIGNATURES) {
            int anchors = 0;
            int bodies = 0;
            for (String line : lines) {
                if (sig.anchor().matcher(line).matches()) {
                    anchors++;
                } else if (sig.body().matcher(line).matches()) {
                    bodies++;
                }
            }
            if (anchors == 0) {
                continue;
            }
            // Anchors count double so that a shared body shape cannot outvote a kind's own headers.
            double score = (2.0 * anchors + bodies) / (lines.size() + anchors) + nameBonus(sig.kind(), name);
            if (score > bestScore) {
                bestScore = score;
                best = sig.kind();
            }
        }
        return bestScore >= 0.3 ? best : SourceKind.UNKNOWN;
    }

    /** A small nudge from the file name; never enough on its own to beat content. */
    private static double nameBonus(SourceKind kind, String name) {
        boolean hinted = switch (kind) {
            case LSPCI -> name.contains("lspci");
            case KERNEL_LOG -> name.contains("dmesg") || name.contains("kern") || name.contains("messages")
                    || name.contains("syslog") || name.contains("journal");
            case QEMU_LOG -> name.contains("qemu") || name.contains("libvirt");
            case MEMINFO -> name.contains("meminfo");
            case IOMMU_GROUPS -> name.contains("iommu");
            case MODPROBE_CONF -> name.contains("modprobe") || name.endsWith(".conf");
            case GRUB_DEFAULT -> name.contains("grub");
            case IP_LINK -> name.contains("ip_") || name.contains("ip-") || name.contains("link");
            case LSMOD -> name.contains("lsmod");
            case ETHTOOL_INFO -> name.contains("ethtool");
            default -> false;
        };
        return hinted ? 0.05 : 0;
    }

    private static List<String> firstLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                lines.add(line);
                if (lines.size() == MAX_LINES) {
                    break;
                }
            }
        }
        return lines;
    }

    /** NUL bytes or many control characters: no log or dump looks like that. */
    private static boolean looksBinary(byte[] head, int len) {
        int sample = Math.min(len, 8192);
        int control = 0;
        int nul = 0;
        for (int i = 0; i < sample; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                nul++;
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return nul > sample / 100 || (nul + control) > sample / 20;
    }
}
