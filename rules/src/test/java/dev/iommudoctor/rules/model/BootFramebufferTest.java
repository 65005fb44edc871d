package dev.iommudoctor.rules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BootFramebufferTest {

    @Test
    void collectsIomemRowsOfAJoinedRecordWithTheirOwnLineNumbers() {
        // the Talos snippet: three /proc/iomem rows read as one record with continuation lines
        LogRecord r = new LogRecord(new SourceSpan("talos.txt", 1, 3), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(),
                "2800000000-2fffffffff : 0000:c3:00.0\n  2800000000-2801fa3fff : BOOTFB\n    2800000000-2801fa3fff : simpledrm");
        List<EvidenceLine> out = new ArrayList<>();
        BootFramebuffer.collect(r, out);
        assertEquals(List.of(new EvidenceLine("talos.txt", 2, "2800000000-2801fa3fff : BOOTFB"),
                new EvidenceLine("talos.txt", 3, "2800000000-2801fa3fff : simpledrm")), out);
        assertEquals(Optional.of(0x2800000000L), BootFramebuffer.start(out.get(0)));
        assertEquals("BOOTFB", BootFramebuffer.owner(out.get(0)));
        assertEquals("simpledrm", BootFramebuffer.owner(out.get(1)));
    }

    @Test
    void recognisesDriverLinesButNotOtherDrmOrPciLines() {
        assertTrue(BootFramebuffer.matches("efifb: framebuffer at 0xe0000000, using 8100k, total 8100k"));
        assertTrue(BootFramebuffer.matches("[drm] Initialized simpledrm 1.0.0 20200625 for simple-framebuffer.0 on minor 0"));
        assertTrue(BootFramebuffer.matches("blacklisting initcall sysfb_init"));
        assertFalse(BootFramebuffer.matches("[drm] Initialized i915 1.6.0 20230929 for 0000:00:02.0 on minor 1"));
        assertFalse(BootFramebuffer.matches("pci 0000:07:00.0: BAR 1: assigned [mem 0xc0000000-0xcfffffff 64bit pref]"));
        assertEquals(Optional.of(0xe0000000L),
                BootFramebuffer.start(new EvidenceLine("d", 1, "efifb: framebuffer at 0xe0000000, using 8100k, total 8100k")));
    }
}
