package dev.iommudoctor.parser.internal;

import dev.iommudoctor.grammar.KernelMessageLexer;
import dev.iommudoctor.grammar.KernelMessageParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs one start rule of KernelMessage.g4 over one message body. One lexer and one parser are
 * reused for every record (building them costs far more than a short parse). The first attempt uses
 * SLL prediction and bails out on the first error; only then is the record re-parsed in full LL mode,
 * and an error there is a real mismatch, reported through {@link #lastError()}.
 */
final class AntlrKernelMessageParser {

    private final KernelMessageLexer lexer = new KernelMessageLexer(null);
    private final CommonTokenStream tokens = new CommonTokenStream(lexer);
    private final KernelMessageParser parser = new KernelMessageParser(tokens);
    private final BailErrorStrategy bail = new BailErrorStrategy();
    private final DefaultErrorStrategy recover = new DefaultErrorStrategy();
    private String lastError;
    /** How many records needed the full-LL second pass (a grammar-tuning figure). */
    long llFallbacks;
    /** How many parses were answered from the memo. */
    long memoHits;

    /**
     * Trees of recently parsed bodies, direct-mapped by the body's hash (a collision replaces the slot).
     * Real logs repeat the same message verbatim in floods ({@code vfio-pci 0000:01:00.0: BAR 3: can't
     * reserve [mem ...]} hundreds of times per VM start, {@code DMAR: DRHD: handling fault status reg 2}
     * in fault storms, group additions at every boot): the grammar is deterministic, so the same body
     * under the same start rule always yields the same tree, and the tree is read-only for the event
     * builder. Only successful parses are kept; memory is bounded by {@value #MEMO_SLOTS} trees.
     */
    private static final int MEMO_SLOTS = 512;
    private final String[] memoBodies = new String[MEMO_SLOTS];
    private final MessageFamily[] memoFamilies = new MessageFamily[MEMO_SLOTS];
    private final ParserRuleContext[] memoTrees = new ParserRuleContext[MEMO_SLOTS];

    AntlrKernelMessageParser() {
        lexer.setInterpreter(new EofCachingLexerSimulator(lexer, lexer.getInterpreter()));
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                    String msg, RecognitionException e) {
                if (lastError == null) {
                    // ANTLR lists every viable token after "expecting"; past a few it only hides the point
                    int set = msg.indexOf(" expecting {");
                    String shortMsg = set > 0 && msg.length() - set > 60 ? msg.substring(0, set) : msg;
                    lastError = "column " + column + ": " + shortMsg;
                }
            }
        });
        parser.setBuildParseTree(true);
    }

    /** The parse tree of {@code body} under the start rule of {@code family}, or null (see {@link #lastError()}). */
    ParserRuleContext parse(MessageFamily family, String body) {
        lastError = null;
        int h = body.hashCode() * 31 + family.ordinal();
        int slot = (h ^ (h >>> 16)) & (MEMO_SLOTS - 1);
        if (memoFamilies[slot] == family && body.equals(memoBodies[slot])) {
            memoHits++;
            return memoTrees[slot];
        }
        ParserRuleContext tree = parseUncached(family, body);
        if (tree != null) {
            memoBodies[slot] = body;
            memoFamilies[slot] = family;
            memoTrees[slot] = tree;
        }
        return tree;
    }

    private ParserRuleContext parseUncached(MessageFamily family, String body) {
        reset(body);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(bail);
        try {
            return start(family);
        } catch (ParseCancellationException sllFailed) {
            llFallbacks++;
            reset(body);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(recover);
            ParserRuleContext tree = start(family);
            return lastError == null ? tree : null;
        }
    }

    /** The first syntax error of the last failed {@link #parse}. */
    String lastError() {
        return lastError == null ? "no viable parse" : lastError;
    }

    private void reset(String body) {
        lexer.setInputStream(StringCharStream.fits(body) ? new StringCharStream(body) : CharStreams.fromString(body));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
    }

    private ParserRuleContext start(MessageFamily family) {
        return switch (family) {
            case KERNEL_VERSION -> parser.kernelVersion();
            case COMMAND_LINE -> parser.commandLine();
            case UNKNOWN_PARAMETERS -> parser.unknownParameters();
            case DMI -> parser.dmi();
            case HYPERVISOR -> parser.hypervisor();
            case ACPI_TABLE -> parser.acpiTable();
            case IOMMU_STATUS -> parser.iommuStatus();
            case DEFAULT_DOMAIN -> parser.defaultDomain();
            case TLB_POLICY -> parser.tlbPolicy();
            case GROUP_ADDED -> parser.groupAdded();
            case DRHD -> parser.drhd();
            case RMRR_RANGE -> parser.rmrrRange();
            case FIRMWARE_BUG -> parser.firmwareBug();
            case BIOS_INFO -> parser.biosInfoLine();
            case RMRR_INELIGIBLE -> parser.rmrrIneligible();
            case INTEL_FAULT -> parser.intelFault();
            case INTEL_FAULT_REASON -> parser.intelFaultReason();
            case AMD_EVENT -> parser.amdEvent();
            case AMD_EVENT_CONTINUATION -> parser.amdEventContinuation();
            case FAULTS_SUPPRESSED -> parser.faultsSuppressed();
            case FAULT_STATUS -> parser.faultStatus();
            case IRQ_REMAPPING -> parser.irqRemapping();
            case X2APIC -> parser.x2apicStatus();
            case VFIO -> parser.vfioEvent();
            case PASSTHROUGH -> parser.passthroughError();
            case ACS -> parser.acsEvent();
            case HUGEPAGES_REGISTERED -> parser.hugePagesRegistered();
            case HUGEPAGES_FAILED -> parser.hugePagesFailed();
            case MTU -> parser.mtuEvent();
            case SRIOV -> parser.sriovEnabled();
            case PCI_ENUMERATED -> parser.pciEnumerated();
            case BOUNCE_BUFFERING -> parser.bounceBuffering();
        };
    }
}
