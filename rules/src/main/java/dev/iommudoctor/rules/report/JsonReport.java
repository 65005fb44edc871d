package dev.iommudoctor.rules.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The machine-readable report: {@link AnalysisDocument} as pretty JSON (schema in the README). */
public final class JsonReport {

    private static final ObjectMapper MAPPER = TerminalSafeJsonEscapes.install(new ObjectMapper()
            .registerModule(new Jdk8Module())
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false));

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public void write(AnalysisDocument doc, Writer out) {
        try {
            MAPPER.writeValue(out, doc);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
