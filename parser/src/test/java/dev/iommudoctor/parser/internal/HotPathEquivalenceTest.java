package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.iommudoctor.grammar.KernelMessageLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.junit.jupiter.api.Test;

/**
 * The throughput shortcuts must not change a single result: a scanner that reuses the previous line's
 * {@code DATE HOST kernel: } prefix reads every line exactly like a fresh scanner, the in-place char
 * stream lexes exactly like {@code CharStreams.fromString}, and a memoised parse is the same tree.
 */
class HotPathEquivalenceTest {

    /** Consecutive lines that share (or almost share) a syslog prefix, in an order that switches it on and off. */
    private static final List<String> SEQUENCE = List.of(
            "Nov  5 10:00:01 pve kernel: [ 1.000000] DMAR: IOMMU enabled",
            "Nov  5 10:00:01 pve kernel: [ 1.000100] pci 0000:01:00.0: Adding to iommu group 13",
            "Nov  5 10:00:01 pve kernel: DMAR: no stamp on this one",
            "Nov  5 10:00:01 pve kernel: ",
            "Nov  5 10:00:01 pve kernel:",
            "Nov  5 10:00:01 pve kernel: [ 1.2] [T1] caller id",
            "Nov  5 10:00:01 pve kernel: [ 1.2 <    0.000001>] delta",
            "Nov  5 10:00:01 pve kernel: [bad stamp] x",
            "Nov  5 10:00:01 pve kernel: [ 1.0] vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0x50000000-0x51ffffff 64bit pref]",
            "Nov  5 10:00:01 pve kernel: [ 1.0]  indented body",
            "Nov  5 10:00:01 pve systemd[1]: Started x.",
            "Nov  5 10:00:01 pve kernel: [ 1.0] x",
            "Nov  5 10:00:02 pve kernel: [ 2.0] x",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] x",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] BIOS vendor: American Megatrends Inc.; Ver: 3.11",
            "   continuation",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] x",
            "[ 2.000000] plain dmesg",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] x",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] x",
            "déc. 02 08:01:02 ordi kernel: x",
            "déc. 02 08:01:02 ordi kernel: y",
            "kern  :info  : [ 1.0] DMAR: x",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] x",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] x",
            "2026-11-25T10:00:01.123456+00:00 host kernel: [ 1.0] DMAR: x",
            "2026-11-25T10:00:01.123456+00:00 host kernel: [ 1.0] DMAR: y",
            "Nov  5 10:00:02 pvf kernel: [ 2.0] x");

    @Test
    void reusedScannerReadsEveryLineLikeAFreshOne() {
        KernelLogEnvelopeScanner reused = new KernelLogEnvelopeScanner();
        LineEnvelope a = new LineEnvelope();
        LineEnvelope b = new LineEnvelope();
        for (int round = 0; round < 2; round++) {
            for (String line : SEQUENCE) {
                reused.scan(line, a);
                new KernelLogEnvelopeScanner().scan(line, b);
                assertEquals(b.describe(line) + " syslogPath=" + b.syslogPath + " flag=" + (int) b.kmsgFlag,
                        a.describe(line) + " syslogPath=" + a.syslogPath + " flag=" + (int) a.kmsgFlag, line);
            }
        }
    }

    @Test
    void inPlaceCharStreamLexesLikeTheCodePointStream() {
        List<String> bodies = List.of("pci 0000:00:14.0: [8086:a36d] type 00 class 0x0c0330", "", " ", "x",
                "DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x70ad5000 [fault reason 0x07] Next page table ptr is invalid",
                "AMD-Vi: Event logged [\nIO_PAGE_FAULT device=02:00.0 domain=0x0015 address=0x000000010000e000 flags=0x0030]",
                "évènement: 10:00:01.5 2022-07-12T22:08:31.781466 10/20/2023 failed. \\n x");
        for (String body : bodies) {
            assertEquals(tokens(CharStreams.fromString(body)), tokens(new StringCharStream(body)), body);
        }
    }

    @Test
    void memoisedParseIsTheSameTree() {
        AntlrKernelMessageParser parser = new AntlrKernelMessageParser();
        String body = "vfio-pci 0000:01:00.0: BAR 3: can't reserve [mem 0x50000000-0x51ffffff 64bit pref]";
        ParseTree first = parser.parse(MessageFamily.VFIO, body);
        assertNotNull(first);
        ParseTree again = parser.parse(MessageFamily.VFIO, new String(body.toCharArray()));
        assertSame(first, again);
        assertEquals(1, parser.memoHits);
        // another start rule over the same text is a different question, not a memo hit
        parser.parse(MessageFamily.PCI_ENUMERATED, body);
        assertEquals(1, parser.memoHits);
    }

    @Test
    void anchorsFoundAnywhereThroughTheColonWalk() {
        MessageRouter router = new MessageRouter();
        assertEquals(MessageFamily.MTU, router.route("vmbr0: dropped over-mtu packet: 1514 > 1500", false));
        assertEquals(MessageFamily.MTU, router.route("a: b: c: dropped over-mtu packet: 9014 > 9000", false));
        assertEquals(MessageFamily.MTU, router.route("bond0: Invalid MTU 9216 requested, hw max 9000", false));
        assertEquals(MessageFamily.AMD_EVENT, router.route(
                "iommu ivhd0: AMD-Vi: Event logged [IO_PAGE_FAULT device=0000:00:00.0 domain=0x0000 address=0x0 flags=0x0]", false));
        assertEquals(MessageFamily.VFIO, router.route("vfio_iommu_type1_attach_group: No interrupt remapping support."
                + "  Use the module param \"allow_unsafe_interrupts\" to enable VFIO IOMMU support on this platform", false));
        assertEquals(null, router.route("eth0 dropped over-mtu packet 1514 > 1500", false));
        assertEquals(null, router.route("a: b: c:: d :", false));
    }

    private static List<String> tokens(CharStream input) {
        KernelMessageLexer lexer = new KernelMessageLexer(input);
        lexer.setInterpreter(new EofCachingLexerSimulator(lexer, lexer.getInterpreter()));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.nextToken();
            out.add(t.getType() + ":" + t.getStartIndex() + "-" + t.getStopIndex() + ":" + t.getText());
        } while (t.getType() != Token.EOF);
        return out;
    }
}
