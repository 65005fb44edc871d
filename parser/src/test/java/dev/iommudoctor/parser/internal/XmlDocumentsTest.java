package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.event.Diagnostic;
import dev.iommudoctor.parser.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.helpers.DefaultHandler;

/** The XML safety net: no entity is ever resolved, buffered input is bounded, documents are cut at the root. */
class XmlDocumentsTest {

    @Test
    void doctypeWithExternalEntityIsRefusedAndTheFileIsNotRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<!DOCTYPE device [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]><device><name>&leak;</name></device>";
        List<Event> events = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        boolean ok = XmlDocuments.parse(new XmlDocuments.Document(1, xml), new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                seen.append(ch, start, length);
            }
        }, new ParseContext("t", events::add));
        assertFalse(ok);
        assertFalse(seen.toString().contains("TOP-SECRET"));
        assertEquals("XML_SYNTAX", ((Diagnostic) events.get(0)).code());
        assertTrue(((Diagnostic) events.get(0)).message().contains("DOCTYPE"), ((Diagnostic) events.get(0)).message());
    }

    @Test
    void splitsConcatenatedDocumentsAndKeepsLineNumbers() throws IOException {
        String text = "$ virsh nodedev-dumpxml a\n<device>\n<name>a</name>\n</device>\n\n  <device><name>b</name></device> trailing\n";
        List<Event> events = new ArrayList<>();
        ParseContext ctx = new ParseContext("t", events::add);
        LineReader lines = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000, ctx);
        List<XmlDocuments.Document> docs = XmlDocuments.split(lines, "device", ctx);
        assertEquals(2, docs.size());
        assertEquals(2, docs.get(0).firstLine());
        assertEquals("<device>\n<name>a</name>\n</device>", docs.get(0).text());
        assertEquals(6, docs.get(1).firstLine());
        assertEquals("<device><name>b</name></device>", docs.get(1).text());
        assertEquals(2, events.size(), "prompt line and trailing text are diagnostics: " + events);
    }

    @Test
    void oversizedInputStopsWithAFatalDiagnostic() throws IOException {
        byte[] line = ("<x>" + "a".repeat(1 << 20) + "</x>\n").getBytes(StandardCharsets.US_ASCII);
        int copies = XmlDocuments.MAX_CHARS / line.length + 2;
        byte[] all = new byte[line.length * copies];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(line, 0, all, i * line.length, line.length);
        }
        List<Event> events = new ArrayList<>();
        ParseContext ctx = new ParseContext("t", events::add);
        LineReader lines = new LineReader(new ByteArrayInputStream(all), 2 << 20, ctx);
        XmlDocuments.split(lines, "device", ctx);
        assertTrue(events.stream().anyMatch(e -> e instanceof Diagnostic d && d.code().equals("XML_TOO_LARGE") && d.fatal()));
    }
}
