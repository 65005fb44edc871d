package dev.iommudoctor.rules.acs;

import dev.iommudoctor.parser.event.AcsEvent;
import dev.iommudoctor.parser.event.AcsEventKind;
import dev.iommudoctor.parser.event.GrubSetting;
import dev.iommudoctor.parser.event.KernelVersion;
import dev.iommudoctor.parser.event.UnknownBootParameters;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The out-of-tree ACS override patch (Proxmox pve, linux-zen, some "vfio" kernels) is asked for with
 * {@code pcie_acs_override=} and announces itself with
 * {@code Warning: PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA}. It makes
 * the kernel pretend ports isolate devices they do not isolate: the IOMMU groups no longer describe what
 * can reach what. On a kernel without the patch the parameter is listed among the unknown parameters and
 * does nothing; that is reported as info, since then the groups are real and the option is just clutter.
 */
@DiagnosticRule(id = "ACS-OVERRIDE-IN-USE", title = "PCIe ACS override requested or in effect",
        severity = Severity.WARNING, matrixRow = MatrixRow.ACS, requiresAnyOf = {Fact.KERNEL_LOG, Fact.CMDLINE})
public final class AcsOverrideInUseRule implements Rule {

    private static final String PARAM = "pcie_acs_override";

    @Override
    public RuleResult evaluate(HostModel host) {
        List<AcsEvent> warnings = host.events(AcsEvent.class).stream()
                .filter(e -> e.kind() == AcsEventKind.OVERRIDE_ENABLED || e.kind() == AcsEventKind.OVERRIDE_INVALID).toList();
        Optional<String> value = host.cmdline().last(PARAM);
        List<GrubSetting> grub = host.events(GrubSetting.class).stream().filter(GrubSetting::isKernelCommandLine)
                .filter(g -> g.parameters().stream().anyMatch(p -> p.name().equals(PARAM))).toList();
        List<UnknownBootParameters> unknown = host.events(UnknownBootParameters.class).stream()
                .filter(u -> u.parameters().stream().anyMatch(p -> p.name().equals(PARAM))).toList();
        if (warnings.isEmpty() && value.isEmpty() && grub.isEmpty()) {
            return RuleResult.passed();
        }
        FindingBuilder f = finding().evidence(warnings).evidence(unknown);
        value.ifPresent(v -> f.evidence(host.cmdline().evidence()));
        grub.forEach(g -> f.evidence(g.span(), g.variable() + "=\"" + g.value() + "\""));
        String options = value.or(() -> grub.stream().flatMap(g -> g.parameters().stream())
                .filter(p -> p.name().equals(PARAM)).map(p -> p.value().orElse("")).reduce((a, b) -> b)).orElse("");
        String grubCmd = host.identity().distro().cmdlineHowTo();

        if (warnings.isEmpty() && !unknown.isEmpty()) {
            return RuleResult.of(List.of(f.severity(Severity.INFO)
                    .message("%s=%s is on the command line, but this kernel%s does not know the parameter (it is listed "
                                    + "among the unknown parameters passed to user space): it lacks the ACS override patch, "
                                    + "so the option does nothing and the IOMMU groups are the real, hardware-isolated ones.",
                            PARAM, options, host.kernel().map(k -> " (" + k.release() + ")").orElse(""))
                    .remedy("remove " + PARAM + "=" + options + " from " + grubCmd + " to avoid the impression that groups are split")
                    .remedy("if a device really needs its own group, move it to a CPU-attached slot (see ACS-SHARED-GROUP); "
                            + "the override only exists in patched kernels (Proxmox pve, linux-zen)")
                    .build()));
        }
        String state;
        if (!warnings.isEmpty()) {
            state = "The kernel confirms it: PCIe ACS overrides are enabled" + (options.isEmpty() ? "" : " (" + PARAM + "=" + options + ")") + ".";
        } else if (value.isPresent()) {
            List<UnknownBootParameters> anyUnknown = host.events(UnknownBootParameters.class);
            anyUnknown.forEach(f::evidence);
            state = PARAM + "=" + options + " is on the running command line and the kernel "
                    + (anyUnknown.isEmpty() ? "did not reject it as unknown"
                    : "knows it (it is not among the parameters the kernel lists as unknown), so it carries the override patch")
                    + (!host.events(KernelVersion.class).isEmpty() ? "" : "; the log starts after the point where the kernel prints "
                            + "'PCIe ACS overrides enabled', so take it as in effect") + ".";
        } else {
            state = PARAM + "=" + options + " is set in the bootloader configuration"
                    + (host.cmdline().present() ? " but not on the running command line: it takes effect at the next "
                            + "regeneration of the boot config and reboot" : "") + ".";
        }
        f.message("%s The override makes the kernel treat %s as if they isolated peer-to-peer DMA, so devices land in "
                        + "separate IOMMU groups although the hardware still lets them reach each other without the IOMMU "
                        + "seeing it. Peer-to-peer requests are routed by the switch or chipset "
                        + "without reaching the IOMMU, so a device given to a VM can read and write the registers and buffers "
                        + "of the host devices behind the same port (and they can reach it): the groups are no longer a "
                        + "security boundary.", state,
                describe(options));
        f.remedy("prefer real isolation: put the device to pass through in a CPU-attached slot whose root port has ACS, then "
                + "remove " + PARAM + "=" + options + " from " + grubCmd);
        f.remedy("check the groups without the override: boot once without it and list "
                + "/sys/kernel/iommu_groups/*/devices/ (iommu-doctor reports shared groups as ACS-SHARED-GROUP)");
        f.remedy("if you keep it, limit it to what you need (pcie_acs_override=id:<vendor>:<device> for one port instead of "
                + "downstream,multifunction) and only on hosts where the VM is trusted");
        return RuleResult.of(List.of(f.build()));
    }

    private static String describe(String options) {
        List<String> parts = new ArrayList<>();
        for (String o : options.split(",")) {
            if (o.equals("downstream")) {
                parts.add("all downstream ports");
            } else if (o.equals("multifunction")) {
                parts.add("the functions of multifunction devices");
            } else if (o.startsWith("id:")) {
                parts.add("the ports with id " + o.substring(3));
            }
        }
        return parts.isEmpty() ? "PCIe ports" : String.join(" and ", parts);
    }
}
