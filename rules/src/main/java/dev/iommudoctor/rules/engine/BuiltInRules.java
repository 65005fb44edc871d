package dev.iommudoctor.rules.engine;

import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.iommu.IommuAbsentRule;
import dev.iommudoctor.rules.iommu.IommuDisabledRule;
import dev.iommudoctor.rules.iommu.IommuFirmwareBugRule;
import dev.iommudoctor.rules.iommu.IommuInvalidOptionRule;
import dev.iommudoctor.rules.iommu.IommuNotEnabledRule;
import dev.iommudoctor.rules.rmrr.RmrrBadFirmwareRule;
import dev.iommudoctor.rules.rmrr.RmrrIneligibleDeviceRule;
import dev.iommudoctor.rules.telemetry.CpuVirtExtensionsRule;
import dev.iommudoctor.rules.telemetry.HighTemperatureRule;
import dev.iommudoctor.rules.telemetry.NumaHugepagesRemoteRule;
import dev.iommudoctor.rules.telemetry.PcieLinkDegradedRule;
import dev.iommudoctor.rules.telemetry.VfioNodeAccessRule;
import dev.iommudoctor.rules.vfio.GroupNotViableRule;
import dev.iommudoctor.rules.vfio.HostDriverBoundRule;
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
                new CpuVirtExtensionsRule(),
                new VfioNodeAccessRule(),
                new PcieLinkDegradedRule(),
                new NumaHugepagesRemoteRule(),
                new HighTemperatureRule());
    }
}
