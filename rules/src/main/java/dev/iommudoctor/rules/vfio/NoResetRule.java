package dev.iommudoctor.rules.vfio;

import dev.iommudoctor.parser.event.OtherCapability;
import dev.iommudoctor.parser.event.PassthroughError;
import dev.iommudoctor.parser.event.PassthroughErrorKind;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciExpressCapability;
import dev.iommudoctor.parser.event.PowerManagementCapability;
import dev.iommudoctor.parser.event.VfioEvent;
import dev.iommudoctor.parser.event.VfioEventKind;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PassthroughDevices;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A passthrough device without a usable reset, or one that did not come back from a low-power state:
 * lspci {@code FLReset-} with {@code NoSoftRst+} (no FLR, and D3hot->D0 does not reset it), libvirt/QEMU
 * "no FLR, PM reset or bus reset available", the kernel's {@code not ready 65535ms after resume; giving
 * up} and {@code Unable to change power state from D3cold to D0, device inaccessible}. A warning when
 * only the capabilities say it; an error once the log shows the device lost.
 */
@DiagnosticRule(id = "VFIO-NO-RESET", title = "Passthrough device without a working reset or stuck in D3cold",
        severity = Severity.WARNING, matrixRow = MatrixRow.VFIO_RUNTIME)
public final class NoResetRule implements Rule {

    @Override
    public RuleResult evaluate(HostModel host) {
        Map<PciAddress, Case> cases = new TreeMap<>();
        for (VfioEvent e : host.events(VfioEvent.class)) {
            if (e.device().isPresent() && (e.kind() == VfioEventKind.RESET_FAILED
                    || e.kind() == VfioEventKind.POWER_STATE_INACCESSIBLE)) {
                cases.computeIfAbsent(e.device().get(), Case::new).lost.add(e);
            }
        }
        for (VfioEvent e : host.events(VfioEvent.class)) {
            if (e.kind() == VfioEventKind.RESET_DELAYED && e.device().isPresent() && cases.containsKey(e.device().get())) {
                cases.get(e.device().get()).delayed.add(e);
            }
        }
        for (PassthroughError e : host.events(PassthroughError.class)) {
            if (e.kind() == PassthroughErrorKind.NO_RESET && e.device().isPresent() && !e.detail().contains("not owned")) {
                cases.computeIfAbsent(e.device().get(), Case::new).noReset.add(e);
            }
        }
        PassthroughDevices intent = PassthroughDevices.of(host);
        for (PciFunction f : host.pci().functions()) {
            if (intent.includes(f.address()) && f.lspci().isPresent() && !f.isBridge()) {
                noFunctionReset(f.lspci().get()).flatMap(why -> noBusReset(host, intent, f).map(bus -> why + "; " + bus))
                        .ifPresent(why -> cases.computeIfAbsent(f.address(), Case::new).lspci = Optional.of(why));
            }
        }
        List<Finding> out = new ArrayList<>();
        cases.values().forEach(c -> out.add(finding(host, c)));
        return RuleResult.of(out);
    }

    /** Why lspci shows no function-level reset, when it shows that; empty when FLR, AF FLR or PM reset exists. */
    static Optional<String> noFunctionReset(PciDevice d) {
        Optional<PciExpressCapability> pcie = d.capability(PciExpressCapability.class);
        Optional<PowerManagementCapability> pm = d.capability(PowerManagementCapability.class);
        if (pcie.isEmpty() || !pcie.get().devCapPresent() || pcie.get().flReset()) {
            return Optional.empty();
        }
        boolean afFlr = d.capabilities().stream().filter(c -> c instanceof OtherCapability)
                .flatMap(c -> ((OtherCapability) c).rawLines().stream()).anyMatch(l -> l.contains("AFCap:") && l.contains("FLR+"));
        if (afFlr || pm.isEmpty() || pm.get().noSoftReset().isEmpty() || !pm.get().noSoftReset().get()) {
            return Optional.empty();
        }
        return Optional.of("DevCap FLReset- and PM NoSoftRst+: no function-level reset and no reset through D3hot");
    }

    /**
     * Why the last resort, a secondary bus reset, is not available either: a device on the root bus has no
     * parent bridge to reset, and a bus reset is refused while the bus holds devices the VM does not own.
     * Empty when every function on the bus is passed through (QEMU can then hot-reset the bus).
     */
    static Optional<String> noBusReset(HostModel host, PassthroughDevices intent, PciFunction f) {
        PciAddress a = f.address();
        if (a.bus() == 0) {
            return Optional.of("it sits on the root bus, where no secondary bus reset exists");
        }
        List<String> others = host.pci().functions().stream()
                .filter(o -> o.address().domain() == a.domain() && o.address().bus() == a.bus() && !o.address().equals(a))
                .filter(o -> !intent.includes(o.address()))
                .map(o -> o.address() + o.driver().map(d -> " (" + d + ")").orElse("")).toList();
        return others.isEmpty() ? Optional.empty()
                : Optional.of("a bus reset would also reset " + String.join(", ", others) + ", which the VM does not own");
    }

    private Finding finding(HostModel host, Case c) {
        String label = host.pci().get(c.device).map(PciFunction::label).orElse(c.device.toString());
        var f = finding().device(c.device).evidence(c.lost).evidence(c.delayed).evidence(c.noReset);
        c.lspci.ifPresent(why -> host.pci().get(c.device).flatMap(PciFunction::lspci)
                .ifPresent(d -> f.evidence(new EvidenceLine(d.span().source(), d.span().line(), c.device + ": " + why))));
        Optional<String> driver = host.pci().get(c.device).flatMap(PciFunction::driver)
                .or(() -> c.lost.stream().flatMap(e -> e.record().origin().stream()).findFirst());
        boolean amdGpu = host.pci().get(c.device).map(p -> p.isDisplay() && p.vendorId().map("1002"::equals).orElse(false)).orElse(false);
        List<String> said = new ArrayList<>();
        if (!c.lost.isEmpty()) {
            f.severity(Severity.ERROR);
            said.add("it did not come back to D0 (" + c.lost.size() + " line(s): '" + c.lost.get(0).detail()
                    + "'), so the device stays inaccessible, often until the host is power-cycled"
                    + driver.map(d -> ", while driver " + d + " held it").orElse(""));
        }
        if (!c.noReset.isEmpty()) {
            said.add("QEMU/libvirt found no reset method for it: " + c.noReset.get(0).detail());
        }
        if (c.lspci.isEmpty() && (!c.lost.isEmpty() || !c.noReset.isEmpty())) {
            // the device was lost: its missing FLR/PM reset explains why, even where a bus reset still exists
            host.pci().get(c.device).flatMap(PciFunction::lspci).ifPresent(d -> noFunctionReset(d).ifPresent(why -> {
                said.add("lspci: " + why);
                f.evidence(new EvidenceLine(d.span().source(), d.span().line(), c.device + ": " + why));
            }));
        }
        c.lspci.ifPresent(why -> said.add("lspci: " + why));
        f.message("%s: %s. Without a working reset a GPU or NIC keeps state between VM runs and often hangs on the second "
                + "start or after a host driver bind/unbind cycle.", label, String.join("; ", said));
        f.remedy("keep idle vfio-pci devices out of low-power states: options vfio-pci disable_idle_d3=1 in "
                + "/etc/modprobe.d/vfio.conf (or vfio-pci.disable_idle_d3=1 on the command line), and stop D3cold for this "
                + "device: echo 0 > /sys/bus/pci/devices/" + c.device + "/d3cold_allowed (persist with a udev rule)");
        if (driver.map(d -> !d.startsWith("vfio")).orElse(false)) {
            f.remedy("bind the device to vfio-pci at boot (vfio-pci ids= plus softdep) instead of moving it between "
                    + driver.get() + " and vfio-pci in hook scripts: repeated bind/unbind and runtime suspend is what "
                    + "leaves GPUs in D3cold");
        }
        if (amdGpu) {
            f.remedy("AMD GPU (Polaris/Vega/Navi 1x): install the vendor-reset module (github.com/gnif/vendor-reset) and "
                    + "select it: echo device_specific > /sys/bus/pci/devices/" + c.device + "/reset_method");
        }
        f.remedy("pass every function of the card (GPU, audio, USB-C) to the same VM, so a bus reset of the slot is allowed");
        f.remedy("after a device is lost: a full power cycle of the host (a warm reboot may not bring it back)");
        return f.build();
    }

    private static final class Case {
        final PciAddress device;
        final List<VfioEvent> lost = new ArrayList<>();
        final List<VfioEvent> delayed = new ArrayList<>();
        final List<PassthroughError> noReset = new ArrayList<>();
        Optional<String> lspci = Optional.empty();

        Case(PciAddress device) {
            this.device = device;
        }
    }
}
