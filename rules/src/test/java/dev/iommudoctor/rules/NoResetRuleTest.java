package dev.iommudoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.rules.analysis.Analysis;
import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.rules.analysis.ProgressListener;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lspci-only path of VFIO-NO-RESET: a device without FLR and without PM reset is only reported when a
 * secondary bus reset is impossible too, here because the other function on its bus stays with the host.
 * Input: the RX 580 dump of the sample case (both functions FLReset-, NoSoftRst+).
 */
class NoResetRuleTest {

    @TempDir
    Path tmp;

    private List<Finding> noReset(String lspci) throws Exception {
        Path f = tmp.resolve("lspci-nnvvv.txt");
        Files.writeString(f, lspci, StandardCharsets.UTF_8);
        Analysis a = Analyzer.withDefaults().analyze(List.of(f), ProgressListener.NONE);
        return a.outcomes().findings().stream().filter(x -> x.ruleId().equals("VFIO-NO-RESET")).toList();
    }

    private static String rx580() throws Exception {
        return Files.readString(SamplesDir.get().resolve(
                "rules/VFIO-NO-RESET/fires-when-rx580-without-flr-cannot-be-reset/lspci-nnvvv.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void quietWhenEveryFunctionOnTheBusIsPassedThroughSoABusResetWorks() throws Exception {
        assertEquals(List.of(), noReset(rx580()));
    }

    @Test
    void warnsWhenTheBusPeerStaysWithAHostDriver() throws Exception {
        String text = rx580();
        int audio = text.indexOf("01:00.1 Audio device");
        String hostAudio = text.substring(0, audio) + text.substring(audio).replace("Kernel driver in use: vfio-pci",
                "Kernel driver in use: snd_hda_intel");
        List<Finding> found = noReset(hostAudio);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("0000:01:00.0"), f.devices());
        assertTrue(f.message().contains("a bus reset would also reset 0000:01:00.1 (snd_hda_intel)"), f.message());
    }
}
