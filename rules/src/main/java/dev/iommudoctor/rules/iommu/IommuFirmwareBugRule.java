package dev.iommudoctor.rules.iommu;

import dev.iommudoctor.parser.event.FirmwareBugKind;
import dev.iommudoctor.parser.event.IommuFirmwareBug;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The IOMMU driver reported a firmware bug that switches a feature off: a DMAR unit that reads back
 * as all ones (VT-d disabled), a bad IVRS checksum, IOAPICs the IVRS/DMAR tables do not cover
 * (interrupt remapping disabled). RMRR bugs have their own rule.
 */
@DiagnosticRule(id = "IOMMU-FIRMWARE-BUG", title = "Firmware bug disables the IOMMU or interrupt remapping",
        severity = Severity.ERROR, matrixRow = MatrixRow.IOMMU_PRESENCE, requires = Fact.KERNEL_LOG)
public final class IommuFirmwareBugRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<FirmwareBugKind, List<IommuFirmwareBug>> byKind = new EnumMap<>(FirmwareBugKind.class);
        host.events(IommuFirmwareBug.class).forEach(b -> byKind.computeIfAbsent(b.kind(), k -> new ArrayList<>()).add(b));
        List<Finding> findings = new ArrayList<>();
        byKind.forEach((kind, bugs) -> {
            IommuFirmwareBug first = bugs.get(0);
            String bios = first.biosVersion().or(() -> host.identity().biosVersion()).map(v -> " (BIOS " + v + ")").orElse("");
            var f = finding().evidence(bugs).severity(severity(kind))
                    .message("%s%s", consequence(kind, first), bios)
                    .remedy("update the system firmware; report the lines above to the platform vendor");
            switch (kind) {
                case DMAR_UNIT_INVALID -> f.remedy("check that VT-d is enabled in the firmware setup; coreboot/LinuxBoot builds "
                        + "must initialise VT-d themselves (a DMAR table copied from a vendor boot points at units that are not set up)");
                case IOAPIC_NOT_IN_IVRS, NO_SOUTHBRIDGE_IOAPIC -> f.remedy("as a stopgap the kernel accepts the missing mapping "
                        + "on the command line: ivrs_ioapic[<id>]=<bus>:<dev>.<fn> (values from the board vendor)");
                case IVRS_CHECKSUM -> f.remedy("if a firmware update is not available, amd_iommu=off avoids the broken table "
                        + "(and gives up passthrough)");
                default -> { }
            }
            findings.add(f.build());
        });
        return RuleResult.of(findings);
    }

    private static Severity severity(FirmwareBugKind kind) {
        return switch (kind) {
            case DMAR_UNIT_INVALID, IVRS_CHECKSUM -> Severity.ERROR;
            case IOAPIC_NOT_IN_IVRS, NO_SOUTHBRIDGE_IOAPIC, IOAPIC_WITHOUT_IOMMU -> Severity.WARNING;
            default -> Severity.INFO;
        };
    }

    private static String consequence(FirmwareBugKind kind, IommuFirmwareBug bug) {
        return switch (kind) {
            case DMAR_UNIT_INVALID -> "The firmware's DMAR table points at a remapping unit"
                    + bug.address().map(a -> " at " + a).orElse("") + " that reads back as all ones: the kernel disables VT-d, so "
                    + "there is no IOMMU for passthrough";
            case IVRS_CHECKSUM -> "The AMD IVRS table has an invalid checksum: AMD-Vi setup cannot trust it";
            case IOAPIC_NOT_IN_IVRS, NO_SOUTHBRIDGE_IOAPIC, IOAPIC_WITHOUT_IOMMU -> "The IOMMU tables do not describe every "
                    + "IOAPIC, so the kernel turns interrupt remapping off (VFIO then refuses devices unless unsafe interrupts are allowed)";
            default -> "The IOMMU driver reports a firmware bug: " + bug.detail();
        };
    }
}
