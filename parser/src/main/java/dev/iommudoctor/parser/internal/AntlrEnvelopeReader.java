package dev.iommudoctor.parser.internal;

import dev.iommudoctor.grammar.KernelLogLineLexer;
import dev.iommudoctor.grammar.KernelLogLineParser;
import dev.iommudoctor.grammar.KernelLogLineParser.BodyContext;
import dev.iommudoctor.grammar.KernelLogLineParser.BodyHeadContext;
import dev.iommudoctor.grammar.KernelLogLineParser.BracketOriginContext;
import dev.iommudoctor.grammar.KernelLogLineParser.BusOriginContext;
import dev.iommudoctor.grammar.KernelLogLineParser.CallerOriginContext;
import dev.iommudoctor.grammar.KernelLogLineParser.DeviceOriginContext;
import dev.iommudoctor.grammar.KernelLogLineParser.DmesgIsoContext;
import dev.iommudoctor.grammar.KernelLogLineParser.DmesgLineContext;
import dev.iommudoctor.grammar.KernelLogLineParser.HostTagContext;
import dev.iommudoctor.grammar.KernelLogLineParser.IsoBareContext;
import dev.iommudoctor.grammar.KernelLogLineParser.IsoLineContext;
import dev.iommudoctor.grammar.KernelLogLineParser.JournalTagContext;
import dev.iommudoctor.grammar.KernelLogLineParser.KernelBodyContext;
import dev.iommudoctor.grammar.KernelLogLineParser.KernelHostTagContext;
import dev.iommudoctor.grammar.KernelLogLineParser.KmsgDictLineContext;
import dev.iommudoctor.grammar.KernelLogLineParser.LibvirtLineContext;
import dev.iommudoctor.grammar.KernelLogLineParser.LineContext;
import dev.iommudoctor.grammar.KernelLogLineParser.MonoStampContext;
import dev.iommudoctor.grammar.KernelLogLineParser.NetdevOriginContext;
import dev.iommudoctor.grammar.KernelLogLineParser.PidOriginContext;
import dev.iommudoctor.grammar.KernelLogLineParser.PrefixOriginContext;
import dev.iommudoctor.grammar.KernelLogLineParser.ProcessHostTagContext;
import dev.iommudoctor.grammar.KernelLogLineParser.StampContext;
import dev.iommudoctor.grammar.KernelLogLineParser.SyslogIsoContext;
import dev.iommudoctor.grammar.KernelLogLineParser.SyslogLineContext;
import dev.iommudoctor.grammar.KernelLogLineParser.SyslogNoHostContext;
import dev.iommudoctor.grammar.KernelLogLineParser.SyslogTaggedContext;
import dev.iommudoctor.grammar.KernelLogLineParser.SyslogUntaggedContext;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.internal.LineEnvelope.Style;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Reads a line's envelope with the ANTLR grammar {@code KernelLogLineParser.g4}: the executable
 * specification that {@link KernelLogEnvelopeScanner} must agree with. Slow (an ANTLR lexer runs at a
 * few tens of MB/s), so it is used by tests and as a reference, never on the hot path.
 *
 * <p>Example: {@code <4>[    0.013013] DMAR-IR: This system BIOS ...} parses as dmesgLine(levelPrefix
 * RAW_LEVEL, monoStamp MONO, body(prefixOrigin name=DMAR-IR ...)) and gives level 4, monotonic 0.013013,
 * origin DMAR-IR, syslog path.
 */
final class AntlrEnvelopeReader {

    private final KernelLogLineLexer lexer = new KernelLogLineLexer(CharStreams.fromString(""));
    private final CommonTokenStream tokens = new CommonTokenStream(lexer);
    private final KernelLogLineParser parser = new KernelLogLineParser(tokens);
    private final List<String> errors = new ArrayList<>();
    private String line;
    private LineEnvelope e;

    AntlrEnvelopeReader() {
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int l, int col, String msg, RecognitionException ex) {
                errors.add(col + ": " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(collect);
        parser.removeErrorListeners();
        parser.addErrorListener(collect);
    }

    /** Syntax errors of the last {@link #read} (the grammar accepts every line, so this stays empty). */
    List<String> errors() {
        return errors;
    }

    /** Reads the envelope of {@code text} (one line, no terminator) into {@code out}. */
    void read(String text, LineEnvelope out) {
        errors.clear();
        line = text;
        e = out;
        e.reset();
        lexer.setInputStream(CharStreams.fromString(text + "\n"));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
        LineContext ctx = parser.line();
        if (ctx.blankLine() != null) {
            e.style = Style.BLANK;
        } else if (ctx.journalMarkLine() != null) {
            e.style = Style.JOURNAL_MARK;
            e.origin = "journalctl";
        } else if (ctx.kmsgDictLine() != null) {
            kmsgDict(ctx.kmsgDictLine());
        } else if (ctx.indentLine() != null) {
            e.style = Style.INDENTED;
            e.bodyStart = start(ctx.indentLine().rest(), ctx.indentLine().rest().getStart());
        } else if (ctx.kmsgLine() != null) {
            kmsg(ctx.kmsgLine().KMSG_HEAD().getText());
            body(ctx.kmsgLine().body());
        } else if (ctx.libvirtLine() != null) {
            libvirt(ctx.libvirtLine());
        } else if (ctx.isoLine() != null) {
            iso(ctx.isoLine());
        } else if (ctx.syslogLine() != null) {
            syslog(ctx.syslogLine());
        } else if (ctx.kernelTagLine() != null) {
            e.style = Style.SYSLOG;
            kernelBody(ctx.kernelTagLine().kernelBody());
        } else {
            dmesg(ctx.dmesgLine());
        }
    }

    private void kmsgDict(KmsgDictLineContext d) {
        String key = d.key.getText();
        e.bodyStart = 1;
        if (!key.matches("[A-Z][A-Z0-9_]*")) {
            e.style = Style.INDENTED;
            return;
        }
        e.style = Style.KMSG_DICT;
        if (key.equals("DEVICE") && d.BDF() != null && d.WORD(1).getText().equals("pci")) {
            e.device = BodyPrefixScanner.parseBdf(line, d.BDF().getSymbol().getStartIndex());
        }
    }

    private void kmsg(String head) {
        String[] f = head.substring(0, head.length() - 1).split(",", 4);
        e.style = Style.KMSG;
        e.level = (int) (Long.parseLong(f[0]) & 7);
        e.monotonic = Long.parseLong(f[2]) / 1e6;
        e.kmsgFlag = f[3].charAt(0);
    }

    private void libvirt(LibvirtLineContext l) {
        e.style = Style.LIBVIRT;
        e.origin = "libvirtd";
        e.wallClock = l.ISO_SP().getText();
        e.bodyStart = start(l.rest(), l.rest().getStart());
        if (l.level != null) {
            int level = KernelLogEnvelopeScanner.levelName(l.level.getText(), 0, l.level.getText().length());
            if (level >= 0) {
                e.level = level;
            } else {
                e.bodyStart = l.level.getStartIndex();
            }
        }
    }

    private void iso(IsoLineContext iso) {
        if (iso instanceof DmesgIsoContext d) {
            e.style = Style.DMESG_ISO;
            e.wallClock = d.ISO_COMMA().getText();
            body(d.body());
        } else if (iso instanceof SyslogIsoContext s) {
            e.wallClock = s.ISO_T().getText();
            hostTag(s.hostTag());
        } else {
            IsoBareContext b = (IsoBareContext) iso;
            e.style = Style.ISO_BARE;
            e.wallClock = (b.ISO_T() != null ? b.ISO_T() : b.ISO_SP()).getText();
            body(b.body());
        }
    }

    private void syslog(SyslogLineContext s) {
        e.style = Style.SYSLOG;
        if (s instanceof SyslogTaggedContext t) {
            e.wallClock = t.SYSLOG_DATE().getText();
            hostTag(t.hostTag());
        } else if (s instanceof SyslogUntaggedContext u) {
            e.wallClock = u.SYSLOG_DATE().getText();
            e.host = text(u.syslogHost());
            body(u.body());
        } else if (s instanceof KernelLogLineParser.ShortFullContext f) {
            e.wallClock = f.SHORT_FULL().getText();
            hostTag(f.hostTag());
        } else {
            SyslogNoHostContext n = (SyslogNoHostContext) s;
            e.wallClock = n.SYSLOG_DATE().getText();
            body(n.body());
        }
    }

    private void hostTag(HostTagContext h) {
        e.style = Style.SYSLOG;
        if (h instanceof KernelHostTagContext k) {
            e.host = text(k.syslogHost());
            kernelBody(k.kernelBody());
        } else {
            ProcessHostTagContext p = (ProcessHostTagContext) h;
            e.host = text(p.syslogHost());
            e.origin = text(p.processTag().tagName());
            e.bodyStart = p.processTag().getStart().getStartIndex();
        }
    }

    private void kernelBody(KernelBodyContext k) {
        if (k.MONO() != null) {
            e.monotonic = seconds(k.MONO().getText());
            e.syslogPath = true;
        }
        body(k.body());
    }

    private void dmesg(DmesgLineContext d) {
        if (d.CONSOLE_STAMP() != null) {
            String c = d.CONSOLE_STAMP().getText();
            e.wallClock = c.substring(1, c.length() - 1);
        }
        boolean raw = d.levelPrefix() != null && d.levelPrefix().RAW_LEVEL() != null;
        if (d.levelPrefix() != null) {
            String p = d.levelPrefix().getText();
            if (raw) {
                e.level = Integer.parseInt(p.substring(1, p.length() - 1)) & 7;
            } else {
                int c = p.indexOf(':') + 1;
                int end = c;
                while (end < p.length() && Character.isLetter(p.charAt(end))) {
                    end++;
                }
                e.level = KernelLogEnvelopeScanner.levelName(p, c, end);
            }
        }
        StampContext stamp = d.stamp();
        e.style = Style.BARE;
        if (stamp instanceof MonoStampContext m) {
            e.style = Style.DMESG;
            e.monotonic = seconds(m.MONO().getText());
            e.syslogPath = raw;
            JournalTagContext j = m.journalTag();
            if (j != null) {
                e.style = Style.SYSLOG;
                if (j.host() != null) {
                    e.host = text(j.host());
                }
                if (j.pidTag() != null) {
                    e.origin = text(j.pidTag().tagName());
                    e.bodyStart = j.pidTag().getStart().getStartIndex();
                    return;
                }
            }
        } else if (stamp instanceof KernelLogLineParser.ReltimeStampContext r) {
            e.style = Style.DMESG_RELTIME;
            String t = r.RELTIME().getText();
            if (t.indexOf('+') < 0) {
                e.wallClock = t.substring(1, t.length() - 1);
            }
        } else if (stamp != null) {
            e.style = Style.DMESG_CTIME;
            String c = ((KernelLogLineParser.CtimeStampContext) stamp).CTIME().getText();
            e.wallClock = c.substring(1, c.length() - 1);
        }
        body(d.body());
    }

    private void body(BodyContext b) {
        e.bodyStart = start(b, b.getStart());
        BodyHeadContext h = b.bodyHead();
        if (h == null) {
            return;
        }
        if (h instanceof BracketOriginContext br) {
            e.origin = text(br.ident());
        } else if (h instanceof CallerOriginContext c) {
            String t = c.CALLER_ID().getText();
            String inner = t.substring(1, t.length() - 1);
            if (inner.indexOf(' ') < 0) {
                e.origin = inner;
            }
        } else if (h instanceof DeviceOriginContext d) {
            device(text(d.name()), d.BDF().getSymbol());
        } else if (h instanceof NetdevOriginContext n) {
            device(text(n.name()), n.BDF().getSymbol());
        } else if (h instanceof BusOriginContext bus) {
            e.origin = text(bus.name());
        } else if (h instanceof PidOriginContext p) {
            e.origin = text(p.name());
        } else if (h instanceof PrefixOriginContext p) {
            e.origin = text(p.name());
            if (e.origin.startsWith("qemu")) {
                e.device = BodyPrefixScanner.qemuDevice(line, p.COLON().getSymbol().getStartIndex());
            }
        }
    }

    /** dev_printk names an origin only when the PCI name is a valid one (device 0..1f). */
    private void device(String origin, Token bdf) {
        PciAddress a = BodyPrefixScanner.parseBdf(line, bdf.getStartIndex());
        if (a != null) {
            e.origin = origin;
            e.device = a;
        }
    }

    private int start(ParserRuleContext ctx, Token first) {
        return Math.min(first.getStartIndex(), line.length());
    }

    private String text(ParserRuleContext ctx) {
        return line.substring(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex() + 1);
    }

    private static double seconds(String mono) {
        String inner = mono.substring(1, mono.length() - 1);
        int delta = inner.indexOf('<');
        return Double.parseDouble((delta < 0 ? inner : inner.substring(0, delta)).trim());
    }
}
