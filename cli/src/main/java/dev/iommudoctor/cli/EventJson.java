package dev.iommudoctor.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.report.TerminalSafeJsonEscapes;

/**
 * The JSON-lines shape of events printed by {@code iommu-doctor parse}: one object per event, its
 * {@code type} first, then the record's components by name. Absent optionals are left out, PCI
 * addresses are strings ({@code "0000:01:00.0"}) and spans are {@code "file:line"} strings.
 */
final class EventJson {

    private final ObjectMapper mapper;

    EventJson() {
        SimpleModule ids = new SimpleModule("iommu-doctor-ids");
        ids.addSerializer(PciAddress.class, ToStringSerializer.instance);
        ids.addSerializer(SourceSpan.class, ToStringSerializer.instance);
        // printed to terminals: C1 controls and bidi overrides escaped too, not only C0
        mapper = TerminalSafeJsonEscapes.install(new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(ids)
                .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS));
    }

    String toJson(Event event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", event.type());
        node.setAll((ObjectNode) mapper.valueToTree(event));
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event.type(), e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
