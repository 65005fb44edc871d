package dev.iommudoctor.collector.telemetry;

import java.util.Optional;

/**
 * Where telemetry comes from: OSHI on a live host, a JSON snapshot in tests and under {@code --root}.
 * Kept behind this interface so that no test depends on the build machine's hardware.
 */
public interface TelemetrySource {

    /** The readings, or empty with nothing to read (the reason is in {@link #unavailableBecause()}). */
    Optional<Telemetry> read();

    /** Why {@link #read()} came back empty. */
    String unavailableBecause();
}
