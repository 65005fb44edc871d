package dev.iommudoctor.server.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.iommudoctor.rules.report.JsonReport;

/**
 * The JSON mapper of the server: the report mapper (so an incident's analysis has exactly the shape of
 * {@code analyze --format json}) plus ISO-8601 instants, compact, tolerant of unknown fields so
 * incidents stored by an older version stay readable.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonReport.mapper().copy()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
