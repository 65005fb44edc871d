package dev.iommudoctor.rules.report;

import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostIdentity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.IommuAssessment;
import dev.iommudoctor.rules.model.Tri;
import dev.iommudoctor.rules.readiness.ReadinessAssessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link AnalysisDocument} every output format renders. */
public final class AnalysisDocuments {

    private AnalysisDocuments() {
    }

    public static AnalysisDocument of(Analysis analysis, String toolVersion) {
        HostModel host = analysis.host();
        List<Finding> findings = analysis.outcomes().findings();
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            summary.put(s.name().toLowerCase(Locale.ROOT), (int) findings.stream().filter(f -> f.severity() == s).count());
        }
        return new AnalysisDocument(AnalysisDocument.SCHEMA, AnalysisDocument.SCHEMA_VERSION, toolVersion,
                analysis.partial(), host(host), summary, findings,
                analysis.outcomes().notEvaluated().stream()
                        .map(n -> new AnalysisDocument.NotEvaluatedRule(n.ruleId(), n.title(),
                                n.missing().stream().map(Fact::name).toList(), n.explanation()))
                        .toList(),
                analysis.outcomes().notApplicable(),
                ReadinessAssessor.assess(host, findings),
                host.inputs().stream().map(AnalysisDocuments::input).toList(),
                host.skipped().stream().map(s -> new AnalysisDocument.Skipped(s.name(), s.reason())).toList(),
                analysis.outcomes().ruleErrors());
    }

    private static AnalysisDocument.Input input(ParseSummary s) {
        return new AnalysisDocument.Input(s.source(), s.kind().name(), s.lines(), s.bytes(), s.events(),
                s.unrecognized(), s.diagnostics(), s.partial(), s.problem().orElse(null));
    }

    private static AnalysisDocument.Host host(HostModel host) {
        HostIdentity id = host.identity();
        IommuAssessment iommu = host.iommu();
        return new AnalysisDocument.Host(id.hostname().orElse(null), id.cpuVendor().name(), id.cpuModel().orElse(null),
                id.system().orElse(null), id.biosVersion().orElse(null), id.biosDate().orElse(null),
                id.hypervisor().orElse(null), host.kernel().map(k -> k.release()).orElse(null), id.distro().name(),
                host.cmdline().present() ? host.cmdline().text() : null,
                state(iommu.enabled(), "enabled", "disabled"), iommu.mode().name().toLowerCase(Locale.ROOT),
                iommu.firmwareTable().name().toLowerCase(Locale.ROOT),
                state(iommu.interruptRemapping(), "enabled", "disabled"),
                host.pci().functions().size(), host.pci().groups().size(),
                host.facts().stream().map(Fact::name).toList());
    }

    private static String state(Tri t, String yes, String no) {
        return switch (t) {
            case YES -> yes;
            case NO -> no;
            case UNKNOWN -> "unknown";
        };
    }
}
