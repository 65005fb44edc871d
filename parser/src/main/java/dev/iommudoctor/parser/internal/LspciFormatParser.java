package dev.iommudoctor.parser.internal;

import dev.iommudoctor.grammar.LspciParser;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciTopologyLink;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads lspci output in any of its common forms (terse, -nn, -n, -D, -k, -v to -vvv, -x to -xxxx, root or
 * not, TAB or space indentation) into one {@link PciDevice} per device header.
 *
 * <p>The file is split into device blocks here, in Java: a line that starts at column 0 with a PCI slot
 * followed by a space ({@code 01:00.0 VGA ...}) opens a block, everything up to the next header belongs
 * to it. Each block is handed to the reused ANTLR parser on its own, so memory stays flat and one broken
 * block cannot spoil its neighbours. Hex dump rows ({@code 00: 86 80 ...}) stay inside their block and are
 * never taken for devices. {@code lspci -t}/{@code -tv} tree output (which has no device blocks) becomes
 * {@link PciTopologyLink}s through {@link LspciTreeReader}.
 */
public final class LspciFormatParser implements FormatParser {

    /** A block longer than this is not a device any more; the rest of it is counted, not parsed. */
    static final int MAX_BLOCK_LINES = 20_000;

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        AntlrLspciParser antlr = new AntlrLspciParser();
        LspciEventBuilder builder = new LspciEventBuilder(ctx,
                (line, code, message, preview) -> ctx.diagnostic(line, code, message, preview, false));
        Block block = new Block();
        LspciTreeReader tree = null;
        String line;
        while ((line = lines.next()) != null) {
            int n = lines.lineNumber();
            if (isHeader(line)) {
                flush(block, antlr, builder, ctx);
                block.start(line, n);
            } else if (block.open() && block.endsBefore(line)) {
                // unindented text after a blank line: the lspci output has ended (a bundle such as
                // nvidia-bug-report.log goes on with other sections); close the device, report the text
                flush(block, antlr, builder, ctx);
                ctx.diagnostic(n, "LSPCI_TRAILING", "unindented text after a device block is not lspci output; ignored",
                        line, false);
            } else if (block.open()) {
                if (block.lineCount < MAX_BLOCK_LINES) {
                    block.add(line, n);
                } else if (block.lineCount++ == MAX_BLOCK_LINES) {
                    ctx.diagnostic(n, "LSPCI_BLOCK_TOO_LONG", "device block exceeds " + MAX_BLOCK_LINES
                            + " lines; the rest of it is skipped", line, false);
                }
            } else if (!line.isBlank()) {
                if (tree == null && LspciTreeReader.isTreeStart(line)) {
                    tree = new LspciTreeReader();
                }
                List<PciTopologyLink> links = tree == null ? null : tree.read(line, ctx.span(n));
                if (links != null) {
                    links.forEach(ctx::emit);
                } else if (tree != null) {
                    ctx.diagnostic(n, "LSPCI_TREE_LINE", "line inside lspci -t output not understood", line, false);
                } else {
                    ctx.diagnostic(n, "LSPCI_PREAMBLE", "text before the first device header is ignored", line, false);
                }
            }
        }
        flush(block, antlr, builder, ctx);
    }

    private static void flush(Block block, AntlrLspciParser antlr, LspciEventBuilder builder, ParseContext ctx) {
        if (!block.open()) {
            return;
        }
        int first = block.firstLine;
        PciDevice device;
        try {
            LspciParser.BlockContext tree = antlr.parse(block.text.toString());
            List<CollectingErrorListener.SyntaxError> errors = antlr.errors();
            if (!errors.isEmpty()) {
                CollectingErrorListener.SyntaxError e = errors.get(0);
                ctx.diagnostic(first + e.line() - 1, "LSPCI_SYNTAX", "lspci block not understood as written ("
                        + e.message() + "); " + errors.size() + " error(s), the device is kept", block.headerLine, false);
            }
            LspciHeader header = LspciHeader.read(tree.header());
            if (header == null) {
                header = LspciHeader.fallback(block.headerLine);
            }
            device = builder.build(header, tree, first, block.lastLine);
        } catch (RuntimeException e) {
            // A tree that error recovery left incomplete (or any other surprise): keep what the header line says.
            ctx.diagnostic(first, "LSPCI_BROKEN_BLOCK", "device block could not be read (" + e + "); only its header"
                    + " line is kept", block.headerLine, false);
            device = headerOnly(LspciHeader.fallback(block.headerLine), ctx, first, block.lastLine);
        }
        ctx.emit(device);
        block.close();
    }

    private static PciDevice headerOnly(LspciHeader h, ParseContext ctx, int first, int last) {
        return new PciDevice(ctx.span(first).through(last), h.address(), h.className(), h.description(),
                h.classCode(), h.vendor(), h.vendorId(), h.deviceName(), h.deviceId(), h.revision(), h.progIf(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), List.of(), List.of(), List.of(), false, List.of(), java.util.Map.of());
    }

    /** {@code 01:00.0 }, {@code 0000:01:00.0 } or {@code 00:01.0/01:00.0 } at column 0. */
    static boolean isHeader(String s) {
        int i = 0;
        if (s.length() > 5 && s.charAt(4) == ':' && hex(s, 0) && hex(s, 1) && hex(s, 2) && hex(s, 3)) {
            i = 5;
        }
        if (s.length() < i + 8) {
            return false;
        }
        char f = s.charAt(i + 6);
        char after = s.charAt(i + 7);
        return hex(s, i) && hex(s, i + 1) && s.charAt(i + 2) == ':' && hex(s, i + 3) && hex(s, i + 4)
                && s.charAt(i + 5) == '.' && f >= '0' && f <= '7' && (after == ' ' || after == '/')
                && PciAddress.tryParse(s.substring(0, i + 7)) != null;
    }

    /** {@code 00: 86 80 c9 10 ...} or {@code 100: 01 00 ...}: a config-space dump row. */
    static boolean isHexRow(String s) {
        int colon = s.indexOf(':');
        if (colon < 2 || colon > 3 || s.length() < colon + 4 || s.charAt(colon + 1) != ' ') {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            if (!hex(s, i)) {
                return false;
            }
        }
        return hex(s, colon + 2) && hex(s, colon + 3);
    }

    private static boolean hex(String s, int i) {
        char c = s.charAt(i);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The lines of the device being collected, each ended with a newline for the grammar. */
    private static final class Block {
        final StringBuilder text = new StringBuilder(4096);
        String headerLine;
        int firstLine = -1;
        int lastLine;
        int lineCount;
        /** Width of one indentation level when the block is indented with spaces other than 8 (0: not seen). */
        int spaceUnit;

        boolean previousBlank;

        boolean open() {
            return firstLine >= 0;
        }

        void start(String header, int n) {
            text.setLength(0);
            headerLine = header;
            firstLine = n;
            lastLine = n;
            lineCount = 1;
            spaceUnit = 0;
            previousBlank = false;
            text.append(header).append('\n');
        }

        /** True for unindented non-hex text right after a blank line: not part of any device block. */
        boolean endsBefore(String line) {
            return previousBlank && !line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t'
                    && !isHexRow(line);
        }

        void add(String line, int n) {
            lineCount++;
            previousBlank = line.isBlank();
            if (!line.isBlank()) {
                lastLine = n;
            }
            if (!line.isEmpty() && line.charAt(0) == ' ') {
                appendSpaceIndented(line);
            } else {
                text.append(line);
            }
            text.append('\n');
        }

        /**
         * Captures pasted through some editors indent with 2 or 4 spaces per level instead of TAB or 8 spaces.
         * The first indented line of a device is level 1, so its width is the unit; rewrite such lines to TABs
         * so the grammar only has to know TABs and 8-space runs.
         */
        private void appendSpaceIndented(String line) {
            int w = 0;
            while (w < line.length() && line.charAt(w) == ' ') {
                w++;
            }
            if (w == line.length()) {
                return;
            }
            if (spaceUnit == 0) {
                spaceUnit = w;
            }
            if (spaceUnit < 2 || spaceUnit >= 8) {
                text.append(line);
                return;
            }
            int level = Math.max(1, Math.min(3, w / spaceUnit));
            text.append("\t".repeat(level)).append(" ".repeat(Math.max(0, w - level * spaceUnit)))
                    .append(line, w, line.length());
        }

        void close() {
            firstLine = -1;
            text.setLength(0);
            if (text.capacity() > 1 << 20) {
                text.trimToSize();
            }
        }
    }
}
