package dev.iommudoctor.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One line of every envelope the kernel-log grammar documents parses without a syntax error and lands in
 * the expected alternative. The thorough check (grammar versus the fast scanner, every sample and corpus
 * line) is EnvelopeDifferentialTest in the parser module.
 */
class GrammarSmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "dmesgLine|[   12.345678] DMAR: IOMMU enabled",
        "dmesgLine|[    1.234567] [T123] vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)",
        "dmesgLine|[Wed Nov 25 10:00:01 2026] DMAR: IOMMU enabled",
        "isoLine|2026-11-25T10:00:01,061644+00:00 DMAR: IOMMU enabled",
        "dmesgLine|<6>[    0.061644] DMAR: IOMMU enabled",
        "dmesgLine|kern  :info  : [    0.061644] DMAR: IOMMU enabled",
        "dmesgLine|[drm] radeon kernel modesetting enabled.",
        "kmsgLine|6,532,61644,-;DMAR: IOMMU enabled",
        "kmsgDictLine| DEVICE=+pci:0000:01:00.0",
        "syslogLine|Nov  5 10:00:01 pve kernel: [ 2839.442981] vfio-pci 0000:01:00.0: BAR 3: can't reserve",
        "isoLine|2026-11-25T10:00:01.123456+00:00 myhost kernel: DMAR: IOMMU enabled",
        "syslogLine|oct. 13 21:14:33 ordi kernel: DMAR: IOMMU enabled",
        "dmesgLine|[    0.061644] myhost kernel: DMAR: IOMMU enabled",
        "journalMarkLine|-- Boot 3f2c8e5a0c6b4c6c9b1e6b8e7d2a4f11 --",
        "syslogLine|Oct 31 20:09:02 host systemd[1]: Started Journal Service.",
        "libvirtLine|2022-11-21 19:11:07.418+0000: 1841: error : qemuProcessReportLogError:2126 : internal error",
        "isoLine|2022-11-21T19:11:06.523456Z qemu-system-x86_64: -device x: vfio 0000:28:00.0: group 13 is not viable",
        "kernelTagLine|kernel: [   13.134460] AMD-Vi: Event logged [",
        "indentLine|               BIOS vendor: American Megatrends Inc.; Ver: 3.11.2150",
        "blankLine|",
    })
    void parses(String spec) {
        String expected = spec.substring(0, spec.indexOf('|'));
        String line = spec.substring(spec.indexOf('|') + 1);
        List<String> errors = new ArrayList<>();
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object o, int l, int c, String msg, RecognitionException e) {
                errors.add(c + ": " + msg);
            }
        };
        KernelLogLineLexer lexer = new KernelLogLineLexer(CharStreams.fromString(line + "\n"));
        lexer.removeErrorListeners();
        lexer.addErrorListener(collect);
        KernelLogLineParser parser = new KernelLogLineParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(collect);
        KernelLogLineParser.LineContext ctx = parser.line();
        assertEquals(List.of(), errors, line);
        assertNotNull(ctx.getChild(0));
        String rule = KernelLogLineParser.ruleNames[((org.antlr.v4.runtime.ParserRuleContext) ctx.getChild(0)).getRuleIndex()];
        assertEquals(expected, rule, line);
    }
}
