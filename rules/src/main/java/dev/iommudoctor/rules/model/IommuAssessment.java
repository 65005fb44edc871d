package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.event.DefaultDomain;
import dev.iommudoctor.parser.event.DmaFault;
import dev.iommudoctor.parser.event.FirmwareBugKind;
import dev.iommudoctor.parser.event.IommuAcpiTable;
import dev.iommudoctor.parser.event.IommuFirmwareBug;
import dev.iommudoctor.parser.event.IommuGroupAdded;
import dev.iommudoctor.parser.event.IommuState;
import dev.iommudoctor.parser.event.IommuStatus;
import dev.iommudoctor.parser.event.IrqRemapState;
import dev.iommudoctor.parser.event.InterruptRemapping;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The effective IOMMU verdict, judged from evidence rather than from command-line text alone: CPU
 * vendor, the kernel's default (Intel VT-d is on by default from 6.8, AMD-Vi always), the parameters
 * in effect ({@code intel_iommu=off}, {@code iommu=off}, {@code amd_iommu=off}; {@code amd_iommu=on}
 * is not an option and is ignored), the ACPI DMAR/IVRS table, the kernel's own messages, and whether
 * devices were put into IOMMU groups.
 *
 * @param firmwareTable  the ACPI DMAR (Intel) or IVRS (AMD) table is present
 * @param enabled        DMA remapping is active
 * @param mode           default domain of host devices
 * @param disabledBy     the parameter that turned it off, when one did ({@code intel_iommu=off})
 * @param interruptRemapping  interrupt remapping is active
 * @param evidence       lines that support the verdicts
 */
public record IommuAssessment(Tri firmwareTable, Tri enabled, DomainMode mode, Optional<String> disabledBy,
                              Tri interruptRemapping, Optional<String> interruptRemappingMode,
                              List<EvidenceLine> evidence, List<EvidenceLine> interruptEvidence) {

    /** How host-owned devices are mapped. */
    public enum DomainMode { TRANSLATED, PASSTHROUGH, UNKNOWN }

    static IommuAssessment of(HostModel host) {
        List<EvidenceLine> ev = new ArrayList<>();
        BootParameters p = host.cmdline();
        CpuVendor vendor = host.identity().cpuVendor();

        Tri table = Tri.UNKNOWN;
        for (IommuAcpiTable t : host.events(IommuAcpiTable.class)) {
            table = Tri.YES;
            ev.add(line(t));
        }
        for (IommuStatus s : host.events(IommuStatus.class)) {
            if (indicatesHardware(s.state()) && !isOptionEcho(s)) {
                table = Tri.YES;
            }
        }
        if (table == Tri.UNKNOWN && host.acpiTablesListed() && !host.identity().isVirtualMachine()) {
            table = Tri.NO;
        }

        Optional<String> disabledBy = disabledBy(p, vendor);
        Tri enabled = Tri.UNKNOWN;
        for (IommuStatus s : host.events(IommuStatus.class)) {
            if (isOptionEcho(s)) {
                continue;
            }
            if (s.state() == IommuState.ENABLED) {
                enabled = Tri.YES;
                ev.add(line(s));
            } else if (meansDisabled(s.state()) && enabled != Tri.YES) {
                enabled = Tri.NO;
                ev.add(line(s));
            }
        }
        // Not evidence of a working IOMMU: "iommu: Default domain type" is printed by the IOMMU core on
        // every x86 boot, with or without hardware.
        List<IommuGroupAdded> added = host.events(IommuGroupAdded.class);
        if (!added.isEmpty() || !host.pci().groups().isEmpty() || !host.events(DmaFault.class).isEmpty()) {
            enabled = Tri.YES;
            if (!added.isEmpty()) {
                ev.add(line(added.get(0)));
            }
        }
        for (IommuFirmwareBug bug : host.events(IommuFirmwareBug.class)) {
            // "DMAR reported at address ... returns all ones": the kernel gives up on VT-d for that unit.
            if (bug.kind() == FirmwareBugKind.DMAR_UNIT_INVALID && enabled != Tri.YES) {
                enabled = Tri.NO;
                ev.add(line(bug));
            }
        }
        if (enabled == Tri.UNKNOWN && disabledBy.isPresent()) {
            enabled = Tri.NO;
        }
        if (enabled == Tri.UNKNOWN && table == Tri.NO) {
            enabled = Tri.NO;
        }
        if (enabled == Tri.UNKNOWN && vendor == CpuVendor.INTEL && host.has(dev.iommudoctor.rules.api.Fact.BOOT_LOG)
                && host.kernel().map(k -> !k.atLeast(6, 8)).orElse(false) && !p.hasOption("intel_iommu", "on")) {
            // Before 6.8 VT-d DMA remapping is off unless asked for (CONFIG_INTEL_IOMMU_DEFAULT_ON=n on most distros).
            enabled = Tri.NO;
        }

        DomainMode mode = DomainMode.UNKNOWN;
        for (DefaultDomain d : host.events(DefaultDomain.class)) {
            String t = d.domainType().toLowerCase(Locale.ROOT);
            mode = t.startsWith("passthrough") || t.startsWith("identity") ? DomainMode.PASSTHROUGH : DomainMode.TRANSLATED;
            ev.add(line(d));
        }
        if (mode == DomainMode.UNKNOWN && enabled == Tri.YES) {
            mode = p.hasOption("iommu", "pt") ? DomainMode.PASSTHROUGH : DomainMode.UNKNOWN;
        }

        Tri ir = Tri.UNKNOWN;
        Optional<String> irMode = Optional.empty();
        List<EvidenceLine> irEv = new ArrayList<>();
        for (InterruptRemapping r : host.events(InterruptRemapping.class)) {
            irEv.add(line(r));
            if (r.state() == IrqRemapState.ENABLED) {
                ir = Tri.YES;
                irMode = r.mode().isPresent() ? r.mode() : irMode;
            } else if (ir != Tri.YES) {
                ir = Tri.NO;
            }
        }
        if (ir == Tri.UNKNOWN && (p.hasOption("intremap", "off") || p.has("nointremap"))) {
            ir = Tri.NO;
            irEv.add(p.evidence());
        }
        return new IommuAssessment(table, enabled, mode, disabledBy, ir, irMode, List.copyOf(ev), List.copyOf(irEv));
    }

    /**
     * {@code DMAR: IOMMU enabled} / {@code DMAR: IOMMU disabled} only echo the parsing of
     * {@code intel_iommu=on|off}: printed before the kernel has looked for any hardware, so they prove
     * what was asked, not what happened (a host with VT-d off in the BIOS prints "IOMMU enabled" too).
     */
    static boolean isOptionEcho(IommuStatus s) {
        String text = s.record().text().trim();
        return s.vendor() == dev.iommudoctor.parser.event.IommuVendor.INTEL
                && (text.equals("DMAR: IOMMU enabled") || text.equals("DMAR: IOMMU disabled"));
    }

    /** The kernel found IOMMU hardware described by firmware. */
    static boolean indicatesHardware(IommuState state) {
        return state == IommuState.DETECTED || state == IommuState.ENABLED || state == IommuState.INIT_FAILED;
    }

    private static boolean meansDisabled(IommuState state) {
        return state == IommuState.DISABLED || state == IommuState.NOT_FOUND || state == IommuState.INIT_FAILED;
    }

    private static Optional<String> disabledBy(BootParameters p, CpuVendor vendor) {
        if (p.hasOption("iommu", "off")) {
            return Optional.of("iommu=off");
        }
        if (vendor != CpuVendor.AMD && p.hasOption("intel_iommu", "off")) {
            return Optional.of("intel_iommu=off");
        }
        if (vendor != CpuVendor.INTEL && p.hasOption("amd_iommu", "off")) {
            return Optional.of("amd_iommu=off");
        }
        return Optional.empty();
    }

    private static EvidenceLine line(LogEvent e) {
        String text = e.record().text();
        int nl = text.indexOf('\n');
        return EvidenceLine.of(e.span(), nl < 0 ? text : text.substring(0, nl));
    }
}
