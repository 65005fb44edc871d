package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.PciAddress;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the lines of an XML dump into XML documents and parses them safely. XML is not streamed line by
 * line: the lines are buffered (at most {@link #MAX_CHARS} characters, beyond that a fatal diagnostic
 * and the rest is not read) and cut into documents at the root element, so that several
 * {@code virsh nodedev-dumpxml} outputs pasted into one file each parse, and the shell prompt lines
 * between them become diagnostics instead of breaking the parse.
 *
 * <p>The JDK SAX parser is set up with DOCTYPEs forbidden and external entities and DTDs off: a
 * supplied file cannot make the tool read local files or the network (XXE).
 */
final class XmlDocuments {

    /** Characters buffered from one input; libvirt XML is a few kB, 16 M is far beyond any real dump. */
    static final int MAX_CHARS = 16 * 1024 * 1024;

    private static final Pattern DOCTYPE = Pattern.compile("^\\s*<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*$");

    /**
     * One document cut out of the input.
     *
     * @param firstLine the input line its root element starts on; SAX line 1 is this line
     * @param text      the document text
     */
    record Document(int firstLine, String text) {
    }

    private XmlDocuments() {
    }

    /** Reads all lines and returns the {@code <root ...>...</root>} documents in them. */
    static List<Document> split(LineReader lines, String root, ParseContext ctx) throws IOException {
        Pattern start = Pattern.compile("<" + root + "(?=[\\s>/])");
        Pattern end = Pattern.compile("</" + root + "\\s*>|<" + root + "(?:\\s[^>]*)?/>");
        List<Document> docs = new ArrayList<>();
        StringBuilder doc = null;
        int docLine = 0;
        long total = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            int n = lines.lineNumber();
            total += line.length() + 1;
            if (total > MAX_CHARS) {
                ctx.diagnostic(n, "XML_TOO_LARGE", "XML input is larger than " + MAX_CHARS
                        + " characters; the rest was not read", "", true);
                break;
            }
            String rest = line;
            if (doc == null) {
                Matcher s = start.matcher(line);
                if (!s.find()) {
                    if (DOCTYPE.matcher(line).find()) {
                        ctx.diagnostic(n, "DOCTYPE_REFUSED", "DOCTYPE declarations are not read: libvirt never writes "
                                + "them, and entities could point outside the file", line, false);
                    } else if (!line.isBlank() && !DECLARATION.matcher(line).matches()) {
                        ctx.diagnostic(n, "UNRECOGNIZED_LINE", "text outside a <" + root + "> document", line, false);
                    }
                    continue;
                }
                doc = new StringBuilder();
                docLine = n;
                rest = line.substring(s.start());
            }
            doc.append(rest).append('\n');
            Matcher e = end.matcher(rest);
            if (e.find()) {
                if (!rest.substring(e.end()).isBlank()) {
                    ctx.diagnostic(n, "UNRECOGNIZED_LINE", "text after </" + root + "> ignored", line, false);
                }
                doc.setLength(doc.length() - 1 - (rest.length() - e.end()));
                docs.add(new Document(docLine, doc.toString()));
                doc = null;
            }
        }
        if (doc != null) {
            // Unterminated document: parse what there is, SAX reports where it breaks.
            docs.add(new Document(docLine, doc.toString()));
        }
        return docs;
    }

    /**
     * Parses one document with {@code handler}; a syntax error becomes a diagnostic at its input line,
     * and whatever the handler collected before the error is kept by the caller.
     *
     * @return true when the document parsed to its end
     */
    static boolean parse(Document doc, DefaultHandler handler, ParseContext ctx) {
        try {
            SAXParser parser = factory().newSAXParser();
            parser.parse(new InputSource(new StringReader(doc.text())), handler);
            return true;
        } catch (SAXParseException e) {
            // An unterminated document fails after its last line; evidence stays inside the file.
            int lastLine = doc.firstLine() + Math.max(0, (int) doc.text().lines().count() - 1);
            int line = Math.min(lastLine, doc.firstLine() + Math.max(0, e.getLineNumber() - 1));
            ctx.diagnostic(line, "XML_SYNTAX", "XML is not well-formed: " + e.getMessage(), "", false);
            return false;
        } catch (SAXException | IOException | ParserConfigurationException e) {
            ctx.diagnostic(doc.firstLine(), "XML_SYNTAX", "XML could not be read: " + e.getMessage(), "", false);
        }
        return false;
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    /** A libvirt {@code <address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>}, or null if incomplete. */
    static PciAddress pciAddress(Attributes a) {
        try {
            String domain = a.getValue("domain");
            String bus = a.getValue("bus");
            String slot = a.getValue("slot");
            String function = a.getValue("function");
            if (bus == null || slot == null || function == null) {
                return null;
            }
            return new PciAddress(domain == null ? 0 : number(domain), number(bus), number(slot), number(function));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** libvirt writes {@code 0x1f} in attributes; plain decimal also occurs in hand-written XML. */
    static int number(String text) {
        String t = text.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
    }
}
