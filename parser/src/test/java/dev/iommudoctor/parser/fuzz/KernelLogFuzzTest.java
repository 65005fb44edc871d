package dev.iommudoctor.parser.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iommudoctor.parser.api.SourceKind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the kernel-log parser: each input is read as a kernel log, as a QEMU/libvirt log, and
 * with its kind sniffed (the path {@code analyze} takes), all under {@link ParseInvariants}.
 * Without {@code JAZZER_FUZZ=1} the fuzz test replays committed findings
 * ({@code KernelLogFuzzTestInputs/}) and the seed factory replays samples and corpus.
 */
class KernelLogFuzzTest {

    @BeforeAll
    static void seedCorpus() {
        FuzzSeeds.installForFuzzing(KernelLogFuzzTest.class, "kernelLog", seeds());
    }

    static Map<String, byte[]> seeds() {
        return FuzzSeeds.union(FuzzSeeds.sampleInputs("kernel-log", "kernel-messages"),
                FuzzSeeds.corpusFiles(n -> n.startsWith("dmesg") || n.startsWith("journal") || n.contains("log")));
    }

    @FuzzTest(maxDuration = "4m")
    void kernelLog(byte[] data) {
        ParseInvariants.parseAndCheck("fuzz/kern.log", data, SourceKind.KERNEL_LOG);
        ParseInvariants.parseAndCheck("fuzz/qemu.log", data, SourceKind.QEMU_LOG);
        ParseInvariants.parseAndCheck("fuzz/input", data, null);
    }

    @TestFactory
    Stream<DynamicTest> seedsKeepInvariants() {
        return FuzzSeeds.replay(seeds(), this::kernelLog);
    }
}
