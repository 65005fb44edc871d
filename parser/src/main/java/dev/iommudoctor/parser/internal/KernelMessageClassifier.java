package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.DmaFault;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Turns one complete log record (continuations already joined) into its typed event, or an
 * {@link UnrecognizedLine}. One instance per parse: it may keep reusable lexer/parser state.
 *
 * <p>Hot path: {@link MessageRouter} rejects ordinary lines with a hash lookup and a few literal
 * comparisons; only candidates are parsed by KernelMessage.g4. Two wordings of old kernels print one
 * fault as two records ({@code AMD-Vi: Event logged [} + {@code IO_PAGE_FAULT device=...]}, and
 * {@code DMAR:[DMA Read] ... fault addr X} + {@code DMAR:[fault reason 06] ...}); the first half is
 * held back as an UnrecognizedLine and the fault is emitted once, on the second half, with a record
 * spanning both lines.
 */
public final class KernelMessageClassifier {

    private final MessageRouter router = new MessageRouter();
    private final AntlrKernelMessageParser parser = new AntlrKernelMessageParser();
    private final KernelMessageEventBuilder builder = new KernelMessageEventBuilder();
    private LogRecord pendingAmdHead;
    /** Records that needed the slow full-LL pass; for tuning and the benchmark. */
    long llFallbacks() {
        return parser.llFallbacks;
    }

    private DmaFault pendingIntelHead;

    /**
     * Classifies {@code record}. Grammar problems on a line that looked like a known family become a
     * diagnostic in {@code ctx} plus an {@link UnrecognizedLine}, never an exception.
     */
    public LogEvent classify(LogRecord record, ParseContext ctx) {
        LogRecord amdHead = pendingAmdHead;
        DmaFault intelHead = pendingIntelHead;
        pendingAmdHead = null;
        pendingIntelHead = null;
        String body = body(record.text());
        MessageFamily family = router.route(body, amdHead != null);
        if (family == null || family == MessageFamily.INTEL_FAULT_REASON && intelHead == null) {
            return new UnrecognizedLine(record);
        }
        try {
            ParserRuleContext tree = parser.parse(family, body);
            int newline = body.indexOf('\n');
            if (tree == null && newline > 0) {
                // a one-line message followed by lines the envelope joined to it (dmesg's indented
                // continuations): the first line alone still says what it says
                tree = parser.parse(family, body.substring(0, newline));
            }
            if (tree == null) {
                ctx.diagnostic(record.span().line(), "GRAMMAR",
                        "looks like a " + family + " message but does not match its grammar (" + parser.lastError() + ")",
                        body, false);
                return new UnrecognizedLine(record);
            }
            if (family == MessageFamily.INTEL_FAULT_REASON) {
                return builder.withReason(intelHead, tree, merge(intelHead.record(), record));
            }
            LogRecord effective = family == MessageFamily.AMD_EVENT_CONTINUATION ? merge(amdHead, record) : record;
            LogEvent event = builder.build(family, tree, effective);
            if (event == null) {
                pendingAmdHead = record;
                return new UnrecognizedLine(record);
            }
            if (event instanceof DmaFault f && f.vendor() == dev.iommudoctor.parser.event.IommuVendor.INTEL
                    && f.reasonCode().isEmpty() && f.address().isPresent()) {
                pendingIntelHead = f;
                return new UnrecognizedLine(record);
            }
            return event;
        } catch (RuntimeException e) {
            // a value the grammar accepted but Java cannot convert (e.g. PCI device 0x3f, a number past int)
            ctx.diagnostic(record.span().line(), "GRAMMAR", "could not read " + family + " message: " + e.getMessage(),
                    body, false);
            return new UnrecognizedLine(record);
        }
    }

    /** The message body; some journal exports keep a {@code kernel: } tag in front of it. */
    private static String body(String text) {
        return text.startsWith("kernel: ") ? text.substring(8) : text;
    }

    private static LogRecord merge(LogRecord head, LogRecord tail) {
        return new LogRecord(head.span().through(tail.span().endLine()), head.monotonic(), head.wallClock(), head.host(),
                head.level(), head.origin(), head.device().isPresent() ? head.device() : tail.device(),
                head.text() + "\n" + tail.text());
    }
}
