package dev.iommudoctor.parser.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iommudoctor.parser.event.HostTelemetry;
import dev.iommudoctor.parser.event.SourceNotCollected;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the two JSON files {@code iommu-doctor collect} writes: {@code telemetry.json}
 * (schema {@code iommu-doctor-telemetry/1}) into one {@link HostTelemetry}, and {@code manifest.json}
 * (schema {@code iommu-doctor-bundle/1}) into one {@link SourceNotCollected} per skipped source.
 * Zero temperatures and "unknown"/"Default string" identities are read as absent: that is how VMs
 * and boards without sensors report them.
 */
final class CollectorJsonParser implements FormatParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Both files are small; a larger one is not ours. */
    private static final int MAX_CHARS = 8 << 20;

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line = lines.next(); line != null && text.length() < MAX_CHARS; line = lines.next()) {
            text.append(line).append('\n');
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.toString());
        } catch (JsonProcessingException e) {
            // Jackson reports an early end of input on the line after the last one; evidence stays inside the file.
            int at = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            ctx.diagnostic(Math.max(1, Math.min(at, lines.lineNumber())), "BAD_JSON",
                    "not valid JSON: " + e.getOriginalMessage(), "", false);
            return;
        }
        String schema = root.path("schema").asText("");
        if (schema.startsWith("iommu-doctor-telemetry/")) {
            ctx.emit(telemetry(root, ctx));
        } else if (schema.startsWith("iommu-doctor-bundle/")) {
            for (JsonNode s : root.path("skipped")) {
                ctx.emit(new SourceNotCollected(ctx.span(1), s.path("source").asText("?"), s.path("reason").asText("?"),
                        s.path("detail").asText("")));
            }
        } else {
            ctx.diagnostic(1, "UNKNOWN_SCHEMA", "JSON schema '" + schema + "' is not one iommu-doctor reads", "", false);
        }
    }

    private static HostTelemetry telemetry(JsonNode root, ParseContext ctx) {
        JsonNode os = root.path("os");
        JsonNode cpu = root.path("cpu");
        List<String> virt = new ArrayList<>();
        cpu.path("virtualizationFlags").forEach(f -> virt.add(f.asText().toLowerCase(Locale.ROOT)));
        List<HostTelemetry.NumaNode> numa = new ArrayList<>();
        for (JsonNode n : root.path("numaNodes")) {
            numa.add(new HostTelemetry.NumaNode(n.path("node").asInt(), n.path("cpus").asText("")));
        }
        List<HostTelemetry.Nic> nics = new ArrayList<>();
        for (JsonNode n : root.path("nics")) {
            nics.add(new HostTelemetry.Nic(n.path("name").asText("?"), text(n, "mac"), integer(n, "mtu"),
                    positiveLong(n, "speedBps"), text(n, "state")));
        }
        JsonNode sensors = root.path("sensors");
        double temp = sensors.path("cpuTemperatureCelsius").asDouble(0);
        List<Integer> fans = new ArrayList<>();
        sensors.path("fanRpm").forEach(f -> {
            if (f.asInt() > 0) {
                fans.add(f.asInt());
            }
        });
        JsonNode board = root.path("board");
        return new HostTelemetry(ctx.span(1), text(os, "hostname"), text(os, "name"), text(os, "kernel"),
                text(cpu, "vendor"), text(cpu, "model"), cpu.path("flagsKnown").asBoolean(false), virt,
                cpu.path("hypervisorGuest").asBoolean(false), integer(cpu, "physicalCores"), integer(cpu, "logicalCores"),
                numa, positiveLong(root.path("memory"), "totalBytes"), nics,
                temp > 0 && temp < 200 ? OptionalDouble.of(temp) : OptionalDouble.empty(), fans,
                text(board, "manufacturer"), text(board, "model"), text(board, "biosVersion"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            return Optional.empty();
        }
        String s = v.asText().trim();
        String l = s.toLowerCase(Locale.ROOT);
        return s.isEmpty() || l.equals("unknown") || l.equals("default string") || l.equals("to be filled by o.e.m.")
                ? Optional.empty() : Optional.of(s);
    }

    private static OptionalInt integer(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isIntegralNumber() && v.asInt() > 0 ? OptionalInt.of(v.asInt()) : OptionalInt.empty();
    }

    private static OptionalLong positiveLong(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isIntegralNumber() && v.asLong() > 0 ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
    }
}
