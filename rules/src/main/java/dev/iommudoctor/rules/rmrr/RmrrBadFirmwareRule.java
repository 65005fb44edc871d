package dev.iommudoctor.rules.rmrr;

import dev.iommudoctor.parser.event.RmrrFirmwareBug;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import java.util.List;
import java.util.Optional;

/**
 * The firmware's RMRR entries (memory that devices keep DMA-ing to behind the OS's back) are broken:
 * {@code DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [...]} or not covered by a reserved region.
 * Devices tied to such ranges may fault or be refused for passthrough.
 */
@DiagnosticRule(id = "RMRR-BAD-FIRMWARE", title = "Firmware reports broken RMRR ranges",
        severity = Severity.WARNING, matrixRow = MatrixRow.RMRR, requires = Fact.KERNEL_LOG)
public final class RmrrBadFirmwareRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        List<RmrrFirmwareBug> bugs = host.events(RmrrFirmwareBug.class);
        if (bugs.isEmpty()) {
            return RuleResult.passed();
        }
        Optional<String> bios = bugs.stream().flatMap(b -> b.biosVersion().stream()).findFirst()
                .or(() -> host.identity().biosVersion());
        Optional<String> vendor = bugs.stream().flatMap(b -> b.biosVendor().stream()).findFirst();
        List<String> ranges = bugs.stream().flatMap(b -> b.range().stream()).distinct().toList();
        return RuleResult.of(List.of(finding()
                .message("The firmware%s%s describes %d RMRR range(s) the kernel had to flag as broken%s. Devices that the "
                                + "firmware ties to these ranges (often USB and integrated graphics) may raise DMA faults, and "
                                + "on kernels that enforce RMRRs they cannot be assigned to a VM.",
                        vendor.map(v -> " (" + v).orElse(""), bios.map(v -> (vendor.isPresent() ? ", " : " (") + "BIOS " + v + ")")
                                .orElse(vendor.isPresent() ? ")" : ""),
                        Math.max(ranges.size(), 1), ranges.isEmpty() ? "" : ": " + String.join(", ", ranges))
                .evidence(bugs)
                .remedy("update the BIOS/UEFI firmware: broken RMRR tables are firmware bugs vendors fix")
                .remedy("if a device behind these ranges must be passed through, move it to another slot or use the vendor's "
                        + "RMRR exclusion setting (HPE: 'conrep' RMRR exclusion per slot; Dell/Lenovo: disable the "
                        + "device's shared-memory/option-ROM feature in setup)")
                .remedy("report the BIOS version and the lines above to the platform vendor")
                .build()));
    }
}
