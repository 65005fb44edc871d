package dev.iommudoctor.collector.telemetry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Telemetry read from a JSON snapshot in the {@code telemetry.json} format: fake roots carry one as
 * {@code <root>/telemetry.json}, so every rule that uses telemetry is testable anywhere.
 */
public final class SnapshotTelemetrySource implements TelemetrySource {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private String problem = "";

    public SnapshotTelemetrySource(Path file) {
        this.file = file;
    }

    @Override
    public Optional<Telemetry> read() {
        if (!Files.isRegularFile(file)) {
            problem = "no telemetry snapshot at " + file;
            return Optional.empty();
        }
        try {
            Telemetry t = JSON.readValue(file.toFile(), Telemetry.class);
            return Optional.of(new Telemetry(Telemetry.SCHEMA, "snapshot", t.os(), t.cpu(), t.numaNodes(), t.memory(),
                    t.nics(), t.sensors(), t.board()));
        } catch (IOException e) {
            problem = file + " is not a telemetry snapshot: " + e.getMessage();
            return Optional.empty();
        }
    }

    @Override
    public String unavailableBecause() {
        return problem;
    }
}
