package dev.iommudoctor.rules.telemetry;

import dev.iommudoctor.parser.event.HostTelemetry;
import dev.iommudoctor.rules.model.HostModel;
import java.util.List;
import java.util.Optional;

/** The last telemetry snapshot of the bundle (there is one per collected bundle). */
final class Telemetry {

    private Telemetry() {
    }

    static Optional<HostTelemetry> of(HostModel host) {
        List<HostTelemetry> all = host.events(HostTelemetry.class);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
