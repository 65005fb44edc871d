package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PciAddress;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a libvirt domain XML ({@code virsh dumpxml}, {@code /etc/libvirt/qemu/*.xml}) and emits one
 * {@link DomainHostdev} per host PCI device given to the guest: {@code <hostdev mode='subsystem' type='pci'>}
 * and {@code <interface type='hostdev'>}. Other hostdev types (usb, scsi, mdev) are reported as skipped.
 */
final class DomainXmlParser implements FormatParser {

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (XmlDocuments.Document doc : XmlDocuments.split(lines, "domain", ctx)) {
            Handler handler = new Handler(doc.firstLine(), ctx);
            XmlDocuments.parse(doc, handler, ctx);
            handler.emit();
        }
    }

    /** One hostdev being read. */
    private static final class Hostdev {
        String element;
        int first;
        int last;
        boolean managed;
        PciAddress device;
        String driver;
        String romFile;
        boolean romBarOff;
        PciAddress guest;
    }

    /** Collects the domain name and its PCI hostdevs. */
    private static final class Handler extends DefaultHandler {
        private final int offset;
        private final ParseContext ctx;
        private final Deque<String> path = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Hostdev> hostdevs = new ArrayList<>();
        private Locator locator;
        private String domainName;
        private Hostdev current;
        private int currentDepth;

        Handler(int firstLine, ParseContext ctx) {
            this.offset = firstLine - 1;
            this.ctx = ctx;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return offset + (locator == null ? 1 : Math.max(1, locator.getLineNumber()));
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            text.setLength(0);
            String parentElement = path.peek();
            path.push(qName);
            boolean inDevices = "devices".equals(parentElement);
            if (inDevices && qName.equals("hostdev")) {
                if ("pci".equals(a.getValue("type"))) {
                    begin("hostdev", a);
                } else {
                    ctx.diagnostic(line(), "SKIPPED_HOSTDEV", "hostdev of type " + a.getValue("type")
                            + " is not a PCI device; not read", "", false);
                }
            } else if (inDevices && qName.equals("interface") && "hostdev".equals(a.getValue("type"))) {
                begin("interface", a);
            } else if (current != null) {
                inside(qName, parentElement, a);
            }
        }

        private void begin(String element, Attributes a) {
            current = new Hostdev();
            current.element = element;
            current.first = line();
            current.managed = "yes".equals(a.getValue("managed"));
            currentDepth = path.size();
        }

        private void inside(String qName, String parentElement, Attributes a) {
            switch (qName) {
                case "address" -> {
                    PciAddress address = XmlDocuments.pciAddress(a);
                    if ("source".equals(parentElement)) {
                        current.device = address;
                    } else if (path.size() == currentDepth + 1 && "pci".equals(a.getValue("type"))) {
                        current.guest = address;
                    }
                }
                case "rom" -> {
                    current.romFile = a.getValue("file");
                    current.romBarOff = "off".equals(a.getValue("bar"));
                }
                case "driver" -> current.driver = a.getValue("name");
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (qName.equals("name") && path.size() == 2) {
                domainName = text.toString().trim();
            }
            if (current != null && path.size() == currentDepth) {
                current.last = line();
                hostdevs.add(current);
                current = null;
            }
            path.pop();
            text.setLength(0);
        }

        void emit() {
            if (current != null) {
                current.last = current.first;
                hostdevs.add(current); // the document broke inside it; keep what was read
            }
            for (Hostdev h : hostdevs) {
                if (h.device == null) {
                    ctx.diagnostic(h.first, "NO_PCI_ADDRESS", h.element + " without a readable source PCI address; skipped",
                            "", false);
                    continue;
                }
                ctx.emit(new DomainHostdev(new SourceSpan(ctx.source(), h.first, Math.max(h.first, h.last)),
                        domainName == null ? "" : domainName, h.element, h.device, h.managed,
                        Optional.ofNullable(h.driver), Optional.ofNullable(h.romFile), h.romBarOff,
                        Optional.ofNullable(h.guest)));
            }
        }
    }
}
