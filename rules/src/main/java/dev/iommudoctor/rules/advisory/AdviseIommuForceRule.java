package dev.iommudoctor.rules.advisory;

import dev.iommudoctor.parser.event.IommuState;
import dev.iommudoctor.parser.event.IommuStatus;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PassthroughIntent;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.List;

/**
 * Some devices are kept out of DMA remapping: {@code intel_iommu=igfx_off} ({@code DMAR: Disable GFX device
 * mapping}) or a chipset quirk ({@code DMAR: Disabling IOMMU for graphics on this chipset}) leave the
 * integrated GPU untranslated. On a host that passes that GPU to a VM (GVT-d), or that wants every device
 * behind the IOMMU, the exclusion has to go: the advisory behind the "iommu=force for hosts that
 * need every device behind the IOMMU".
 */
@DiagnosticRule(id = "ADVISE-IOMMU-FORCE", title = "A device is kept out of DMA remapping",
        severity = Severity.INFO, matrixRow = MatrixRow.ADVISORY, requiresAnyOf = {Fact.KERNEL_LOG, Fact.CMDLINE})
public final class AdviseIommuForceRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        List<IommuStatus> excluded = host.events(IommuStatus.class).stream()
                .filter(s -> s.state() == IommuState.GRAPHICS_EXCLUDED).toList();
        boolean igfxOff = host.cmdline().hasOption("intel_iommu", "igfx_off");
        if (excluded.isEmpty() && !igfxOff) {
            return RuleResult.passed();
        }
        List<PciFunction> igpu = host.pci().functions().stream()
                .filter(f -> f.isDisplay() && f.address().bus() == 0).toList();
        boolean passesIgpu = igpu.stream().anyMatch(f -> PassthroughIntent.intended(host, f));
        var f = finding().evidence(excluded);
        if (igfxOff) {
            f.evidence(host.cmdline().evidence());
        }
        igpu.forEach(g -> f.device(g.address()));
        f.message("The integrated GPU%s is left out of DMA remapping%s. Its DMA is not translated or isolated: %s",
                igpu.isEmpty() ? "" : " (" + igpu.get(0).address() + ")",
                igfxOff ? " by intel_iommu=igfx_off" : " by a chipset quirk",
                passesIgpu ? "it is set up for passthrough, which needs it behind the IOMMU (GVT-d will fail or fault)."
                        : "a host that needs every device behind the IOMMU (untrusted workloads, DMA protection) loses that here.");
        if (igfxOff) {
            f.remedy("remove igfx_off from intel_iommu= in " + host.identity().distro().cmdlineHowTo());
        } else {
            f.remedy("the quirk protects chipsets whose graphics DMA breaks under VT-d: update the BIOS/kernel first; "
                    + "intel_iommu=on,igfx_on is not an option, so passthrough of this iGPU needs a platform without the quirk");
        }
        return RuleResult.of(List.of(f.build()));
    }
}
