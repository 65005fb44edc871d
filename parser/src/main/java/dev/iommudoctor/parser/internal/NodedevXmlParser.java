package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.NodeDevice;
import dev.iommudoctor.parser.event.PciAddress;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads {@code virsh nodedev-dumpxml} output of PCI devices: one {@link NodeDevice} per {@code <device>}
 * with a PCI capability. Non-PCI node devices (net, usb, scsi ...) are reported as skipped.
 */
final class NodedevXmlParser implements FormatParser {

    private static final Pattern PCI_NAME = Pattern.compile("^pci_([0-9a-f]{4})_([0-9a-f]{2})_([0-9a-f]{2})_([0-7])$");

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        for (XmlDocuments.Document doc : XmlDocuments.split(lines, "device", ctx)) {
            Handler handler = new Handler(doc.firstLine());
            boolean complete = XmlDocuments.parse(doc, handler, ctx);
            handler.emit(ctx, complete);
        }
    }

    /** Collects the fields of one {@code <device>} document. */
    private static final class Handler extends DefaultHandler {
        private final int offset;
        private final Deque<String> path = new ArrayDeque<>();
        private final Deque<String> capabilities = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private int lastLine;
        private String name;
        private String parent;
        private String driver;
        private String pciClass;
        private String vendorId;
        private String vendorName;
        private String productId;
        private String productName;
        private Integer domain;
        private Integer bus;
        private Integer slot;
        private Integer function;
        private Integer group;
        private Integer numa;
        private boolean pci;
        private PciAddress physicalFunction;
        private final List<PciAddress> members = new ArrayList<>();
        private final List<PciAddress> vfs = new ArrayList<>();

        Handler(int firstLine) {
            this.offset = firstLine - 1;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            text.setLength(0);
            String parentElement = path.peek();
            path.push(qName);
            lastLine = locator == null ? 0 : locator.getLineNumber();
            switch (qName) {
                case "capability" -> {
                    String type = String.valueOf(a.getValue("type"));
                    capabilities.push(type);
                    pci |= type.equals("pci") && capabilities.size() == 1;
                }
                case "product" -> productId = a.getValue("id");
                case "vendor" -> vendorId = a.getValue("id");
                case "iommuGroup" -> group = integer(a.getValue("number"));
                case "numa" -> numa = integer(a.getValue("node"));
                case "address" -> address(parentElement, XmlDocuments.pciAddress(a));
                default -> {
                }
            }
        }

        private void address(String parentElement, PciAddress address) {
            if (address == null) {
                return;
            }
            if ("iommuGroup".equals(parentElement)) {
                members.add(address);
            } else if ("virt_functions".equals(capabilities.peek())) {
                vfs.add(address);
            } else if ("phys_function".equals(capabilities.peek())) {
                physicalFunction = address;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            path.pop();
            String parentElement = path.peek();
            String value = text.toString().trim();
            text.setLength(0);
            lastLine = locator == null ? lastLine : locator.getLineNumber();
            boolean top = path.size() == 1;
            boolean inPciCap = capabilities.size() == 1 && "pci".equals(capabilities.peek());
            switch (qName) {
                case "name" -> {
                    if (top) {
                        name = value;
                    } else if ("driver".equals(parentElement) && path.size() == 2) {
                        driver = value;
                    }
                }
                case "parent" -> parent = top ? value : parent;
                case "capability" -> capabilities.pop();
                case "class" -> pciClass = inPciCap ? value : pciClass;
                case "product" -> productName = inPciCap ? value : productName;
                case "vendor" -> vendorName = inPciCap ? value : vendorName;
                case "domain" -> domain = inPciCap ? integer(value) : domain;
                case "bus" -> bus = inPciCap ? integer(value) : bus;
                case "slot" -> slot = inPciCap ? integer(value) : slot;
                case "function" -> function = inPciCap ? integer(value) : function;
                default -> {
                }
            }
        }

        void emit(ParseContext ctx, boolean complete) {
            int first = offset + 1;
            int last = Math.max(first, offset + lastLine);
            if (!pci && !complete) {
                return; // the XML_SYNTAX diagnostic already says why nothing was read
            }
            if (!pci) {
                ctx.diagnostic(first, "NOT_PCI", "node device " + name + " is not a PCI device; skipped", "", false);
                return;
            }
            PciAddress address = address();
            if (address == null) {
                ctx.diagnostic(first, "NO_PCI_ADDRESS", "node device " + name + " has no readable PCI address; skipped",
                        "", false);
                return;
            }
            ctx.emit(new NodeDevice(new SourceSpan(ctx.source(), first, last), String.valueOf(name), address,
                    Optional.ofNullable(parent), Optional.ofNullable(driver).filter(d -> !d.isEmpty()),
                    Optional.ofNullable(pciClass), Optional.ofNullable(vendorId), Optional.ofNullable(vendorName),
                    Optional.ofNullable(productId), Optional.ofNullable(productName), optional(group), members,
                    optional(numa), Optional.ofNullable(physicalFunction), vfs));
        }

        private PciAddress address() {
            try {
                if (bus != null && slot != null && function != null) {
                    return new PciAddress(domain == null ? 0 : domain, bus, slot, function);
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
            Matcher m = name == null ? null : PCI_NAME.matcher(name);
            if (m != null && m.matches()) {
                return PciAddress.tryParse(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + "." + m.group(4));
            }
            return null;
        }

        private static OptionalInt optional(Integer value) {
            return value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }

        private static Integer integer(String text) {
            try {
                return text == null ? null : XmlDocuments.number(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
