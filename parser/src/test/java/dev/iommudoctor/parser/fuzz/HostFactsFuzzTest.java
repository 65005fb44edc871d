package dev.iommudoctor.parser.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iommudoctor.parser.api.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the host-facts parsers: each input is read as every facts kind in turn (a grub file read as
 * meminfo must be as harmless as real meminfo), under {@link ParseInvariants}.
 */
class HostFactsFuzzTest {

    /** Every kind that is neither a log nor lspci; sysfs attributes are named after their path. */
    private static final List<SourceKind> KINDS = List.of(SourceKind.PROC_CMDLINE, SourceKind.MEMINFO,
            SourceKind.IOMMU_GROUPS, SourceKind.MODPROBE_CONF, SourceKind.GRUB_DEFAULT, SourceKind.IP_LINK,
            SourceKind.LSMOD, SourceKind.ETHTOOL_INFO, SourceKind.NODEDEV_XML, SourceKind.DOMAIN_XML,
            SourceKind.SYSFS_ATTRIBUTE, SourceKind.COLLECTOR_JSON, SourceKind.DEVICE_NODES, SourceKind.PVE_VM_CONF);

    @BeforeAll
    static void seedCorpus() {
        FuzzSeeds.installForFuzzing(HostFactsFuzzTest.class, "hostFacts", seeds());
    }

    static Map<String, byte[]> seeds() {
        return FuzzSeeds.union(FuzzSeeds.sampleInputs("cmdline", "collector-json", "dev-vfio", "domain-xml", "ethtool",
                        "grub", "iommu-groups", "ip-link", "lsmod", "meminfo", "modprobe", "nodedev", "pve-vm-conf"),
                FuzzSeeds.corpusFiles(n -> !n.startsWith("dmesg") && !n.startsWith("lspci") && !n.startsWith("journal")));
    }

    @FuzzTest(maxDuration = "4m")
    void hostFacts(byte[] data) {
        for (SourceKind kind : KINDS) {
            String name = kind == SourceKind.SYSFS_ATTRIBUTE
                    ? "fuzz/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts" : "fuzz/" + kind;
            ParseInvariants.parseAndCheck(name, data, kind);
        }
    }

    @TestFactory
    Stream<DynamicTest> seedsKeepInvariants() {
        return FuzzSeeds.replay(seeds(), this::hostFacts);
    }
}
