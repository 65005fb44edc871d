package dev.iommudoctor.rules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iommudoctor.parser.event.DmaFault;
import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sosreport carries the same kernel messages in dmesg, messages and the journal: they must count once. */
class LogCopiesTest {

    @TempDir
    Path dir;

    private static final String FAULT = "DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x70ad5000 "
            + "[fault reason 0x06] PTE Read access is not set";

    @Test
    void theSameFaultStormInDmesgAndInMessagesCountsOnce() throws IOException {
        StringBuilder dmesg = new StringBuilder();
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            dmesg.append(String.format("[    1.%06d] %s%n", i, FAULT));
            messages.append(String.format("Nov 25 10:00:0%d pve kernel: %s%n", i, FAULT));
        }
        messages.append("Nov 25 10:00:09 pve kernel: ").append(FAULT).append('\n');  // one more, only in messages
        Path a = Files.writeString(dir.resolve("dmesg"), dmesg);
        Path b = Files.writeString(dir.resolve("messages"), messages);
        Analysis both = Analyzer.withDefaults().analyze(List.of(a, b), ProgressListener.NONE);
        assertEquals(4, both.host().events(DmaFault.class).size(), "max(3, 4) occurrences, not 3 + 4");
        Analysis one = Analyzer.withDefaults().analyze(List.of(a), ProgressListener.NONE);
        assertEquals(3, one.host().events(DmaFault.class).size(), "repeats within one file all count");
    }
}
