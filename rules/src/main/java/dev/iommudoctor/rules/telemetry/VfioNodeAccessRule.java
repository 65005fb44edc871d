package dev.iommudoctor.rules.telemetry;

import dev.iommudoctor.parser.event.DeviceNode;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A VFIO group node ({@code /dev/vfio/12}) or device cdev ({@code /dev/vfio/devices/vfio0}) that users
 * outside its owner and group can open: any local user can then take the device and DMA through it
 * (within the IOMMU's limits). {@code /dev/vfio/vfio}, the container node, is 0666 by design and
 * is not a finding.
 */
@DiagnosticRule(id = "VFIO-NODE-WORLD-ACCESSIBLE", title = "VFIO device node accessible to every local user",
        severity = Severity.WARNING, matrixRow = MatrixRow.VFIO_RUNTIME, requires = Fact.DEVICE_NODES)
public final class VfioNodeAccessRule implements Rule {

    private static final Pattern GROUP_NODE = Pattern.compile("/dev/vfio/(?:\\d+|noiommu-\\d+|devices/vfio\\d+)");

    @Override
    public RuleResult evaluate(HostModel host) {
        List<Finding> findings = new ArrayList<>();
        for (DeviceNode n : host.events(DeviceNode.class)) {
            if (!GROUP_NODE.matcher(n.path()).matches() || !n.otherReadableOrWritable()) {
                continue;
            }
            findings.add(finding()
                    .evidence(n.span(), n.mode() + " " + n.owner() + " " + n.group() + " " + n.path())
                    .message("%s is %s (owner %s, group %s): every local user may open it and drive the device, not only "
                            + "the VM's user. A udev rule with MODE=\"0666\" is the usual cause.", n.path(), n.mode(), n.owner(), n.group())
                    .remedy("find the rule: grep -rn vfio /etc/udev/rules.d /lib/udev/rules.d")
                    .remedy("use a group instead, e.g. SUBSYSTEM==\"vfio\", OWNER=\"root\", GROUP=\"kvm\", MODE=\"0660\", and add the VM user to that group")
                    .remedy("apply: udevadm control --reload && udevadm trigger --subsystem-match=vfio")
                    .build());
        }
        return RuleResult.of(findings);
    }
}
