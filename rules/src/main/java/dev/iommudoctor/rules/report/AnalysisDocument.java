package dev.iommudoctor.rules.report;

import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.engine.NotApplicable;
import dev.iommudoctor.rules.readiness.DeviceReadiness;
import java.util.List;
import java.util.Map;

/**
 * The versioned, documented shape of an analysis as every output format shows it (JSON serialises it
 * as is; text, Markdown and HTML render it). Change {@link #SCHEMA_VERSION} when a field changes meaning
 * or disappears; adding a field is compatible.
 *
 * @param schema         always {@code iommu-doctor/analysis}
 * @param schemaVersion  {@value #SCHEMA_VERSION}
 * @param toolVersion    the iommu-doctor version that produced it
 * @param partial        true when some input could not be read to its end
 * @param host           identity and effective state of the host
 * @param summary        counts of findings by severity
 * @param findings       worst first
 * @param notEvaluated   rules that lacked input, with what they need
 * @param notApplicable  rules that do not apply to this host, with why
 * @param devices        passthrough readiness of every non-bridge PCI function
 * @param inputs         each input file: kind, lines, unrecognised share, problems
 * @param skipped        bundle members not read, with why
 * @param ruleErrors     internal rule failures (bugs in iommu-doctor), normally empty
 */
public record AnalysisDocument(String schema, int schemaVersion, String toolVersion, boolean partial, Host host,
                               Map<String, Integer> summary, List<Finding> findings, List<NotEvaluatedRule> notEvaluated,
                               List<NotApplicable> notApplicable, List<DeviceReadiness> devices, List<Input> inputs,
                               List<Skipped> skipped, List<String> ruleErrors) {

    public static final String SCHEMA = "iommu-doctor/analysis";
    public static final int SCHEMA_VERSION = 1;

    /**
     * @param iommu               e.g. {@code enabled}, {@code disabled}, {@code unknown}
     * @param iommuMode           {@code translated}, {@code passthrough}, {@code unknown}
     * @param firmwareTable       DMAR/IVRS present: {@code yes}, {@code no}, {@code unknown}
     * @param interruptRemapping  {@code enabled}, {@code disabled}, {@code unknown}
     */
    public record Host(String hostname, String cpuVendor, String cpuModel, String system, String biosVersion,
                       String biosDate, String hypervisor, String kernel, String distro, String cmdline,
                       String iommu, String iommuMode, String firmwareTable, String interruptRemapping,
                       int pciFunctions, int iommuGroups, List<String> facts) {

        /** The host facts a report shows at its top, label to value, in display order (absent ones left out). */
        public Map<String, String> summaryRows() {
            Map<String, String> rows = new java.util.LinkedHashMap<>();
            put(rows, "Host", hostname);
            put(rows, "CPU", cpuModel != null ? cpuModel : cpuVendor);
            put(rows, "System", system == null ? null : system + (biosVersion == null ? "" : ", BIOS " + biosVersion));
            put(rows, "Hypervisor", hypervisor);
            put(rows, "Kernel", kernel);
            put(rows, "Command line", cmdline);
            put(rows, "IOMMU", iommu + " (" + iommuMode + "), DMAR/IVRS " + firmwareTable + ", interrupt remapping "
                    + interruptRemapping);
            return rows;
        }

        private static void put(Map<String, String> rows, String key, String value) {
            if (value != null) {
                rows.put(key, value);
            }
        }
    }

    public record NotEvaluatedRule(String ruleId, String title, List<String> missing, String explanation) {
    }

    public record Input(String source, String kind, long lines, long bytes, long events, long unrecognized,
                        long diagnostics, boolean partial, String problem) {
    }

    public record Skipped(String name, String reason) {
    }
}
