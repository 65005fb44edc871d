package dev.iommudoctor.parser.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iommudoctor.parser.api.SourceKind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Fuzzes the lspci parser (every lspci form: -nnvvv, -k, -t, terse) under {@link ParseInvariants}. */
class LspciFuzzTest {

    @BeforeAll
    static void seedCorpus() {
        FuzzSeeds.installForFuzzing(LspciFuzzTest.class, "lspci", seeds());
    }

    static Map<String, byte[]> seeds() {
        return FuzzSeeds.union(FuzzSeeds.sampleInputs("lspci"), FuzzSeeds.corpusFiles(n -> n.startsWith("lspci")));
    }

    @FuzzTest(maxDuration = "4m")
    void lspci(byte[] data) {
        ParseInvariants.parseAndCheck("fuzz/lspci.txt", data, SourceKind.LSPCI);
    }

    @TestFactory
    Stream<DynamicTest> seedsKeepInvariants() {
        return FuzzSeeds.replay(seeds(), this::lspci);
    }
}
