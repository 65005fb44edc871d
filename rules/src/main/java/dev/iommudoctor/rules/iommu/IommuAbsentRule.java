package dev.iommudoctor.rules.iommu;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.CpuVendor;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.Tri;
import java.util.List;

/**
 * Bare metal whose firmware publishes no ACPI DMAR (Intel) or IVRS (AMD) table: VT-d / AMD-Vi is off
 * in the BIOS or unsupported. A VM guest without a virtual IOMMU is not this problem.
 */
@DiagnosticRule(id = "IOMMU-ABSENT", title = "No IOMMU in firmware (VT-d / AMD-Vi off or unsupported)",
        severity = Severity.ERROR, matrixRow = MatrixRow.IOMMU_PRESENCE, requires = Fact.BOOT_LOG)
public final class IommuAbsentRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        if (host.identity().isVirtualMachine() && host.iommu().enabled() != Tri.YES) {
            return RuleResult.notApplicable("VM guest (" + host.identity().hypervisor().get()
                    + ") without a virtual IOMMU; passthrough happens on the hypervisor host");
        }
        if (host.iommu().firmwareTable() != Tri.NO || host.iommu().enabled() == Tri.YES) {
            return RuleResult.passed();
        }
        String table = host.identity().cpuVendor() == CpuVendor.AMD ? "IVRS" : host.identity().cpuVendor() == CpuVendor.INTEL ? "DMAR" : "DMAR/IVRS";
        String setting = host.identity().cpuVendor() == CpuVendor.AMD ? "AMD-Vi / IOMMU / SVM-IOMMU"
                : host.identity().cpuVendor() == CpuVendor.INTEL ? "Intel VT-d (Virtualization Technology for Directed I/O)" : "VT-d / AMD-Vi (IOMMU)";
        var f = finding()
                .message("The boot log lists the ACPI tables but no %s table: the firmware does not expose an IOMMU%s. "
                                + "Nothing on the kernel side can enable passthrough until it does.", table,
                        host.identity().biosVersion().map(v -> " (BIOS " + v + ")").orElse(""))
                .remedy("enable " + setting + " in the firmware setup (often under Chipset / North Bridge / Advanced CPU)")
                .remedy("if the option is missing or already on, update the BIOS: vendors ship fixes for broken or missing "
                        + table + " tables")
                .remedy("after reboot: dmesg | grep -e 'ACPI: " + table + "' -e 'IOMMU enabled' -e 'AMD-Vi'");
        host.acpiTableList().ifPresent(f::evidence);
        host.passthroughIntent().ifPresentOrElse(f::evidence, () -> f.severity(Severity.WARNING));
        return RuleResult.of(List.of(f.build()));
    }
}
