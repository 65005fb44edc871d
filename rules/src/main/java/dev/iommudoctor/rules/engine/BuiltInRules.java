package dev.iommudoctor.rules.engine;

import dev.iommudoctor.rules.acs.AcsOverrideInUseRule;
import dev.iommudoctor.rules.acs.AcsSharedGroupRule;
import dev.iommudoctor.rules.advisory.AdviseIommuForceRule;
import dev.iommudoctor.rules.advisory.AdviseIommuPtRule;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.faults.DmaFaultsRule;
import dev.iommudoctor.rules.iommu.IommuAbsentRule;
import dev.iommudoctor.rules.iommu.IommuDisabledRule;
import dev.iommudoctor.rules.iommu.IommuFirmwareBugRule;
import dev.iommudoctor.rules.iommu.IommuInvalidOptionRule;
import dev.iommudoctor.rules.iommu.IommuNotEnabledRule;
import dev.iommudoctor.rules.irq.IrqRemapDisabledRule;
import dev.iommudoctor.rules.irq.UnsafeInterruptsRule;
import dev.iommudoctor.rules.irq.UnsafeInterruptsUnneededRule;
import dev.iommudoctor.rules.memory.Hugepages1gNotAllocatedRule;
import dev.iommudoctor.rules.memory.HugepagesNoneAllocatedRule;
import dev.iommudoctor.rules.memory.HugepagesNumaUnbalancedRule;
import dev.iommudoctor.rules.memory.HugepagesSizeMismatchRule;
import dev.iommudoctor.rules.net.MtuMismatchRule;
import dev.iommudoctor.rules.net.MtuOversizeDropsRule;
import dev.iommudoctor.rules.net.PcieMpsMismatchRule;
import dev.iommudoctor.rules.numa.NumaRemoteDeviceRule;
import dev.iommudoctor.rules.kernel.KernelNoVfioRule;
import dev.iommudoctor.rules.kernel.KernelTooOldRule;
import dev.iommudoctor.rules.rmrr.RmrrBadFirmwareRule;
import dev.iommudoctor.rules.rmrr.RmrrIneligibleDeviceRule;
import dev.iommudoctor.rules.sriov.SriovNoVfsRule;
import dev.iommudoctor.rules.sriov.SriovVfsWithoutIommuRule;
import dev.iommudoctor.rules.vfio.BarConflictRule;
import dev.iommudoctor.rules.vfio.DmaMapFailedRule;
import dev.iommudoctor.rules.telemetry.CpuVirtExtensionsRule;
import dev.iommudoctor.rules.telemetry.HighTemperatureRule;
import dev.iommudoctor.rules.telemetry.NumaHugepagesRemoteRule;
import dev.iommudoctor.rules.telemetry.PcieLinkDegradedRule;
import dev.iommudoctor.rules.telemetry.VfioNodeAccessRule;
import dev.iommudoctor.rules.vfio.GroupNotViableRule;
import dev.iommudoctor.rules.vfio.HostDriverBoundRule;
import dev.iommudoctor.rules.vfio.MultipleAddressSpacesRule;
import dev.iommudoctor.rules.vfio.NoResetRule;
import dev.iommudoctor.rules.vfio.ProbeFailedRule;
import java.util.List;

/**
 * Every built-in rule, listed explicitly so that it is greppable and ordered. A meta-test fails when a
 * class annotated with {@code @DiagnosticRule} is missing from this list.
 */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new IommuDisabledRule(),
                new IommuAbsentRule(),
                new IommuNotEnabledRule(),
                new IommuInvalidOptionRule(),
                new IommuFirmwareBugRule(),
                new RmrrBadFirmwareRule(),
                new RmrrIneligibleDeviceRule(),
                new GroupNotViableRule(),
                new HostDriverBoundRule(),
                new AcsSharedGroupRule(),
                new AcsOverrideInUseRule(),
                new IrqRemapDisabledRule(),
                new UnsafeInterruptsRule(),
                new UnsafeInterruptsUnneededRule(),
                new DmaFaultsRule(),
                new HugepagesNoneAllocatedRule(),
                new Hugepages1gNotAllocatedRule(),
                new HugepagesSizeMismatchRule(),
                new HugepagesNumaUnbalancedRule(),
                new MtuMismatchRule(),
                new MtuOversizeDropsRule(),
                new PcieMpsMismatchRule(),
                new NumaRemoteDeviceRule(),
                new MultipleAddressSpacesRule(),
                new KernelTooOldRule(),
                new KernelNoVfioRule(),
                new DmaMapFailedRule(),
                new BarConflictRule(),
                new NoResetRule(),
                new ProbeFailedRule(),
                new SriovNoVfsRule(),
                new SriovVfsWithoutIommuRule(),
                new AdviseIommuPtRule(),
                new AdviseIommuForceRule(),
                new CpuVirtExtensionsRule(),
                new VfioNodeAccessRule(),
                new PcieLinkDegradedRule(),
                new NumaHugepagesRemoteRule(),
                new HighTemperatureRule());
    }
}
