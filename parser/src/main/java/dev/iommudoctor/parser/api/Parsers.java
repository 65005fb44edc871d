package dev.iommudoctor.parser.api;

import dev.iommudoctor.parser.internal.FormatParser;
import dev.iommudoctor.parser.internal.FormatParsers;
import dev.iommudoctor.parser.internal.FreeTextScan;
import dev.iommudoctor.parser.event.Event;
import java.util.List;
import dev.iommudoctor.parser.internal.LimitedInputStream;
import dev.iommudoctor.parser.internal.LineReader;
import dev.iommudoctor.parser.internal.ParseContext;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The one entry point for parsing: sniffs the content, undoes gzip (rotated {@code kern.log.1.gz}),
 * picks the format parser and streams events into a sink. Never throws for bad content: empty,
 * binary, unknown, truncated or over-limit inputs come back as a {@link ParseSummary} that says so.
 */
public final class Parsers {

    private Parsers() {
    }

    /** Parses a file, its kind decided from content. */
    public static ParseSummary parse(Path file, ParseLimits limits, EventSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in, null, limits, sink);
        }
    }

    /**
     * Parses a stream. The caller owns and closes {@code raw}.
     *
     * @param name   the source name used in every {@link SourceSpan}, also a hint for sniffing
     * @param kind   a kind the caller already knows, or null to sniff
     */
    public static ParseSummary parse(String name, InputStream raw, SourceKind kind, ParseLimits limits,
                                     EventSink sink) throws IOException {
        return parse(name, raw, kind, limits, sink, 0);
    }

    /**
     * Parses a section of a larger file (an nvidia-bug-report section, say): line numbers count on
     * from {@code linesBefore}, so evidence points into the original file.
     */
    public static ParseSummary parse(String name, InputStream raw, SourceKind kind, ParseLimits limits,
                                     EventSink sink, int linesBefore) throws IOException {
        ParseContext ctx = new ParseContext(name, sink);
        BufferedInputStream buffered = new BufferedInputStream(raw, ContentSniffer.HEAD_BYTES);
        InputStream content = buffered;
        try {
            if (isGzip(buffered)) {
                content = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), ContentSniffer.HEAD_BYTES);
            }
            LimitedInputStream limited = new LimitedInputStream(content, limits.maxBytes());
            BufferedInputStream in = new BufferedInputStream(limited, ContentSniffer.HEAD_BYTES);
            byte[] head = peek(in);
            SourceKind actual = kind != null ? kind
                    : SysfsPaths.isAttribute(name) ? SourceKind.SYSFS_ATTRIBUTE
                    : ContentSniffer.sniff(name, head, head.length);
            boolean wholeFileInHead = head.length < ContentSniffer.HEAD_BYTES;
            Optional<String> note = Optional.empty();
            if (actual == SourceKind.UNKNOWN && wholeFileInHead && kind == null
                    && !FreeTextScan.recognisedLogEvents(name, head, limits.maxLineBytes(), linesBefore).isEmpty()) {
                actual = SourceKind.KERNEL_LOG;
                note = Optional.of("no known format as a whole; read as free-form log text");
            }
            Optional<FormatParser> parser = FormatParsers.forKind(actual);
            if (parser.isEmpty()) {
                return summary(ctx, actual, 0, 0, false, Optional.of(explain(actual)));
            }
            LineReader lines = new LineReader(in, limits.maxLineBytes(), ctx, linesBefore);
            try {
                parser.get().parse(lines, ctx);
            } catch (EOFException | ZipException e) {
                String msg = "input is truncated or corrupt after " + lines.bytesRead() + " bytes (" + e.getMessage()
                        + "); events up to line " + lines.lineNumber() + " were kept";
                ctx.diagnostic(Math.max(1, lines.lineNumber()), "TRUNCATED", msg, "", true);
                return summary(ctx, actual, lines.bytesRead(), lines.lineNumber() - linesBefore, true, Optional.of(msg));
            }
            if (limited.limitReached()) {
                String msg = "input is larger than the limit of " + limits.maxBytes() + " bytes; only the start was read";
                ctx.diagnostic(Math.max(1, lines.lineNumber()), "SIZE_LIMIT", msg, "", true);
                return summary(ctx, actual, lines.bytesRead(), lines.lineNumber() - linesBefore, true, Optional.of(msg));
            }
            if (wholeFileInHead && ctx.diagnostics() > 0 && actual != SourceKind.KERNEL_LOG && actual != SourceKind.QEMU_LOG) {
                // A pasted fragment: the lines this format could not read may be log messages (a QEMU error under a group list).
                List<Event> extra = FreeTextScan.recognisedLogEvents(name, head, limits.maxLineBytes(), linesBefore);
                extra.forEach(ctx::emit);
                if (!extra.isEmpty()) {
                    note = Optional.of(extra.size() + " log message(s) found among lines this format does not have");
                }
            }
            return summary(ctx, actual, lines.bytesRead(), lines.lineNumber() - linesBefore, false, note);
        } catch (EOFException | ZipException e) {
            String msg = "compressed input is truncated or corrupt (" + e.getMessage() + ")";
            ctx.diagnostic(1, "TRUNCATED", msg, "", true);
            return summary(ctx, SourceKind.UNKNOWN, 0, 0, true, Optional.of(msg));
        }
    }

    private static String explain(SourceKind kind) {
        return switch (kind) {
            case EMPTY -> "file is empty";
            case BINARY -> "file is binary, not a log or a command's text output";
            case UNKNOWN -> "file is not a format iommu-doctor reads (kernel log, lspci, /proc files, "
                    + "iommu group listing, modprobe.d, grub, ip link, lsmod, ethtool -i, libvirt XML)";
            default -> "no parser for " + kind;
        };
    }

    private static ParseSummary summary(ParseContext ctx, SourceKind kind, long bytes, long lines, boolean partial,
                                        Optional<String> problem) {
        Map<String, Long> counts = new TreeMap<>(ctx.counts());
        return new ParseSummary(ctx.source(), kind, bytes, lines, counts, ctx.unrecognized(), ctx.diagnostics(),
                partial, problem);
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(ContentSniffer.HEAD_BYTES);
        byte[] head = in.readNBytes(ContentSniffer.HEAD_BYTES);
        in.reset();
        return head;
    }
}
