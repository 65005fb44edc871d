package dev.iommudoctor.rules.telemetry;

import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.List;

/** The functions this host passes through or means to: bound to vfio-pci, or listed in vfio-pci ids. */
final class PassthroughDevices {

    private PassthroughDevices() {
    }

    static List<PciFunction> of(HostModel host) {
        return host.pci().functions().stream()
                .filter(f -> !f.isBridge())
                .filter(f -> f.boundTo("vfio-pci") || f.vendorDevice().map(host.vfio()::requests).orElse(false))
                .toList();
    }
}
