package dev.iommudoctor.rules.report;

import static dev.iommudoctor.rules.report.Escapes.terminal;

import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.readiness.DeviceReadiness;
import dev.iommudoctor.rules.readiness.Readiness;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The human report for a terminal: host summary, findings grouped by severity with evidence quoted
 * as {@code file:line}, the fix, then device readiness, rules not evaluated and input problems.
 * Colour only when asked (a TTY without NO_COLOR).
 */
public final class TextReport {

    private final boolean colour;
    private final boolean allDevices;
    /** Directory every input lies under, printed once so evidence lines can name files briefly. */
    private String base = "";

    public TextReport(boolean colour, boolean allDevices) {
        this.colour = colour;
        this.allDevices = allDevices;
    }

    public void write(AnalysisDocument doc, PrintWriter out) {
        base = commonDirectory(doc);
        header(doc, out);
        if (doc.findings().isEmpty()) {
            out.println(paint("32", "No problems found") + " by the rules that could be evaluated.");
            out.println();
        }
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            List<Finding> group = doc.findings().stream().filter(f -> f.severity() == s).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.println(paint(colourOf(s), "== " + label(s) + " (" + group.size() + ")"));
            out.println();
            group.forEach(f -> finding(f, out));
        }
        devices(doc, out);
        notEvaluated(doc, out);
        inputs(doc, out);
        summary(doc, out);
        out.flush();
    }

    private void header(AnalysisDocument doc, PrintWriter out) {
        AnalysisDocument.Host h = doc.host();
        out.println(paint("1", "iommu-doctor " + doc.toolVersion()) + (doc.partial() ? paint("33", "  [PARTIAL: some input could not be read to its end]") : ""));
        StringBuilder who = new StringBuilder("Host:   ");
        append(who, h.hostname(), "");
        append(who, h.cpuModel() != null ? h.cpuModel() : h.cpuVendor().equals("UNKNOWN") ? null : h.cpuVendor(), " | ");
        append(who, h.system(), " | ");
        append(who, h.biosVersion() == null ? null : "BIOS " + h.biosVersion() + (h.biosDate() == null ? "" : " " + h.biosDate()), " ");
        append(who, h.hypervisor() == null ? null : "VM guest (" + h.hypervisor() + ")", " | ");
        out.println(terminal(who.toString()));
        out.println(terminal("Kernel: " + (h.kernel() == null ? "unknown" : h.kernel()) + (h.distro().equals("UNKNOWN") ? "" : " (" + h.distro().toLowerCase(Locale.ROOT) + ")")));
        if (!base.isEmpty()) {
            out.println(terminal("Files:  " + base + " (evidence below names files relative to it)"));
        }
        if (h.cmdline() != null) {
            out.println(terminal("Cmdline: " + h.cmdline()));
        }
        out.println(terminal("IOMMU:  " + h.iommu() + (h.iommu().equals("enabled") ? ", " + h.iommuMode() + " default domain" : "")
                + "; firmware table (DMAR/IVRS): " + h.firmwareTable() + "; interrupt remapping: " + h.interruptRemapping()
                + "; " + h.pciFunctions() + " PCI functions in " + h.iommuGroups() + " IOMMU groups"));
        out.println();
    }

    private String shortName(String file) {
        return !base.isEmpty() && file.startsWith(base) ? file.substring(base.length()) : file;
    }

    /** The longest directory prefix ending in '/' shared by all inputs, or "" when there is none worth stripping. */
    static String commonDirectory(AnalysisDocument doc) {
        String prefix = null;
        for (AnalysisDocument.Input in : doc.inputs()) {
            String s = in.source();
            prefix = prefix == null ? s : commonPrefix(prefix, s);
        }
        if (prefix == null) {
            return "";
        }
        int slash = prefix.lastIndexOf('/');
        return slash <= 0 ? "" : prefix.substring(0, slash + 1);
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    private static void append(StringBuilder b, String s, String sep) {
        if (s != null && !s.isBlank()) {
            if (b.length() > "Host:   ".length()) {
                b.append(sep);
            }
            b.append(s);
        }
    }

    private void finding(Finding f, PrintWriter out) {
        out.println(paint(colourOf(f.severity()), String.format(Locale.ROOT, "%-7s", f.severity()))
                + " " + paint("1", f.ruleId()) + "  " + terminal(f.title()));
        out.println(indent(terminal(f.message()), "  "));
        if (!f.evidence().isEmpty()) {
            out.println("  Evidence:");
            for (EvidenceLine e : f.evidence()) {
                out.println("    " + paint("2", terminal(shortName(e.file()) + ":" + e.line())) + "  " + terminal(e.text()));
            }
        }
        if (!f.remedy().isBlank()) {
            out.println("  Fix:");
            out.println(indent(terminal(f.remedy()), "    "));
        }
        out.println("  Docs: " + f.docs());
        out.println();
    }

    private void devices(AnalysisDocument doc, PrintWriter out) {
        List<DeviceReadiness> shown = doc.devices().stream()
                .filter(d -> allDevices || d.candidate())
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        out.println(paint("1", "== Passthrough readiness") + (allDevices ? "" : " (devices set up for passthrough; --all-devices for every function)"));
        for (DeviceReadiness d : shown) {
            String verdict = switch (d.verdict()) {
                case READY -> paint("32", "READY       ");
                case NEEDS_ACTION -> paint("33", "NEEDS ACTION");
                case BLOCKED -> paint("31", "BLOCKED     ");
            };
            out.println("  " + verdict + " " + terminal(d.label()) + terminal(d.driver().map(x -> " [driver " + x + "]").orElse(""))
                    + (d.group().isPresent() ? " [group " + d.group().getAsInt() + "]" : ""));
            if (d.verdict() != Readiness.READY || !d.reasons().isEmpty()) {
                d.reasons().forEach(r -> out.println("      - " + terminal(r)));
                d.steps().forEach(s -> out.println("      > " + terminal(s)));
            }
        }
        out.println();
    }

    private void notEvaluated(AnalysisDocument doc, PrintWriter out) {
        if (!doc.notEvaluated().isEmpty()) {
            out.println(paint("1", "== Not evaluated") + " (the bundle lacks what these rules need; they did NOT pass)");
            for (AnalysisDocument.NotEvaluatedRule n : doc.notEvaluated()) {
                out.println("  " + n.ruleId() + ": " + n.explanation());
            }
            out.println();
        }
        if (!doc.notApplicable().isEmpty()) {
            out.println(paint("1", "== Not applicable"));
            doc.notApplicable().forEach(n -> out.println("  " + n.ruleId() + ": " + terminal(n.reason())));
            out.println();
        }
    }

    private void inputs(AnalysisDocument doc, PrintWriter out) {
        out.println(paint("1", "== Inputs"));
        List<AnalysisDocument.Input> unknown = doc.inputs().stream().filter(i -> i.kind().equals("UNKNOWN")).toList();
        // A collected bundle holds one small file per sysfs attribute (a dozen per PCI device): one line says it.
        long sysfs = doc.inputs().stream().filter(i -> i.kind().equals("SYSFS_ATTRIBUTE") && i.problem() == null).count();
        for (AnalysisDocument.Input in : doc.inputs()) {
            if (unknown.size() > 3 && in.kind().equals("UNKNOWN")
                    || sysfs > 3 && in.kind().equals("SYSFS_ATTRIBUTE") && in.problem() == null) {
                continue;
            }
            long records = in.events() - in.diagnostics();
            String share = records <= 0 ? "" : String.format(Locale.ROOT, ", %d records, %.0f%% not about IOMMU/VFIO",
                    records, 100.0 * in.unrecognized() / records);
            out.println(terminal("  " + in.source() + ": " + in.kind() + ", " + in.lines() + " lines"
                    + (in.kind().equals("KERNEL_LOG") || in.kind().equals("QEMU_LOG") ? share : "")
                    + (in.problem() == null ? "" : "  (" + in.problem() + ")")));
        }
        if (unknown.size() > 3) {
            out.println("  " + unknown.size() + " other file(s) in formats iommu-doctor does not read (listed with --format json)");
        }
        if (sysfs > 3) {
            out.println("  " + sysfs + " sysfs attribute files (PCI devices, hugepage pools, module parameters; listed with --format json)");
        }
        for (AnalysisDocument.Skipped s : doc.skipped()) {
            out.println(terminal("  skipped " + s.name() + ": " + s.reason()));
        }
        doc.ruleErrors().forEach(e -> out.println(paint("31", "  internal rule error: ") + terminal(e)));
        out.println();
    }

    private void summary(AnalysisDocument doc, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "%d error(s), %d warning(s), %d info; %d rule(s) not evaluated.",
                doc.summary().get("error"), doc.summary().get("warning"), doc.summary().get("info"), doc.notEvaluated().size()));
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }

    private static String label(Severity s) {
        return switch (s) {
            case ERROR -> "Errors";
            case WARNING -> "Warnings";
            case INFO -> "Advice";
        };
    }

    private static String colourOf(Severity s) {
        return switch (s) {
            case ERROR -> "31";
            case WARNING -> "33";
            case INFO -> "36";
        };
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
