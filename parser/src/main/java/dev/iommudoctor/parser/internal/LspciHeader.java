package dev.iommudoctor.parser.internal;

import dev.iommudoctor.grammar.LspciParser;
import dev.iommudoctor.parser.event.PciAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The facts of one device header line, read from its parse tree:
 * {@code 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1) (prog-if 00 [VGA controller])}.
 */
record LspciHeader(PciAddress address, String className, String description, Optional<String> classCode,
                   Optional<String> vendor, Optional<String> deviceName, Optional<String> vendorId,
                   Optional<String> deviceId, Optional<String> revision, Optional<String> progIf) {

    private static final Pattern CLASS_WITH_CODE = Pattern.compile("(.*?) ?\\[([0-9a-fA-F]{4})\\]");
    private static final Pattern CLASS_UNNAMED = Pattern.compile("Class ([0-9a-fA-F]{4})");
    private static final Pattern CLASS_NUMERIC = Pattern.compile("[0-9a-fA-F]{4}");
    private static final Pattern REV = Pattern.compile("\\(rev ([0-9a-fA-F]{2})\\)");
    private static final Pattern PROG_IF = Pattern.compile("\\(prog-if ([0-9a-fA-F]{2}).*");

    /** Reads the header; null when the slot itself is unreadable (the caller reports it). */
    static LspciHeader read(LspciParser.HeaderContext ctx) {
        if (ctx.SLOT() == null || ctx.SLOT().getSymbol().getTokenIndex() < 0) {
            return null;
        }
        String slot = ctx.SLOT().getText();
        PciAddress address = PciAddress.tryParse(slot.substring(slot.lastIndexOf('/') + 1));
        if (address == null) {
            return null;
        }
        String classText = ctx.CLASS_TEXT() == null ? "" : ctx.CLASS_TEXT().getText().strip();
        String className = classText;
        Optional<String> classCode = Optional.empty();
        Matcher m = CLASS_WITH_CODE.matcher(classText);
        if (m.matches()) {
            className = m.group(1);
            classCode = Optional.of(m.group(2).toLowerCase());
        } else if ((m = CLASS_UNNAMED.matcher(classText)).matches()) {
            classCode = Optional.of(m.group(1).toLowerCase());
        } else if (CLASS_NUMERIC.matcher(classText).matches()) {
            classCode = Optional.of(classText.toLowerCase());
        }
        return readDescription(ctx.description(), address, className, classCode);
    }

    private static LspciHeader readDescription(LspciParser.DescriptionContext desc, PciAddress address,
                                               String className, Optional<String> classCode) {
        StringBuilder text = new StringBuilder();
        String ids = null;
        Optional<String> rev = Optional.empty();
        Optional<String> progIf = Optional.empty();
        if (desc != null) {
            for (ParseTree child : desc.children == null ? java.util.List.<ParseTree>of() : desc.children) {
                if (!(child instanceof TerminalNode node)) {
                    continue;
                }
                Token t = node.getSymbol();
                switch (t.getType()) {
                    case LspciParser.IDS -> ids = t.getText().substring(1, 10);
                    case LspciParser.NUM_IDS -> ids = t.getText();
                    case LspciParser.REV -> rev = group(REV, t.getText());
                    case LspciParser.PROG_IF -> progIf = group(PROG_IF, t.getText());
                    default -> text.append(t.getText());
                }
            }
        }
        String description = text.toString().strip().replaceAll("\\s{2,}", " ");
        Optional<String> vendorId = ids == null ? Optional.empty() : Optional.of(ids.substring(0, 4).toLowerCase());
        Optional<String> deviceId = ids == null ? Optional.empty() : Optional.of(ids.substring(5, 9).toLowerCase());
        VendorNameSplitter.Split split = VendorNameSplitter.split(description);
        if (deviceId.isEmpty()) {
            deviceId = split.deviceIdFromName();
        }
        return new LspciHeader(address, className, description, classCode, split.vendor(), split.deviceName(),
                vendorId, deviceId, rev, progIf);
    }

    /** The header of a block whose parse tree is unusable: slot from the line, the rest kept as text. */
    static LspciHeader fallback(String line) {
        int space = line.indexOf(' ');
        String slot = line.substring(0, space);
        PciAddress address = PciAddress.parse(slot.substring(slot.lastIndexOf('/') + 1));
        String rest = line.substring(space + 1).strip();
        int colon = rest.indexOf(": ");
        String className = colon < 0 ? "" : rest.substring(0, colon);
        String description = colon < 0 ? rest : rest.substring(colon + 2);
        return new LspciHeader(address, className, description, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Optional<String> group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.matches() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
    }
}
