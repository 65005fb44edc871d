package dev.iommudoctor.parser.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.api.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the host facts parsers: every input under {@code samples/parser/<family>/} is parsed
 * as that family's kind and its events, printed one per line, must equal {@code <input>.events.txt}.
 * A missing golden is written and the test fails ("review and git add"); {@code -Dgoldens.update=true}
 * rewrites them all.
 */
class FactsGoldenTest {

    /** Family folder to the kind its inputs are parsed as. */
    static final Map<String, SourceKind> FAMILIES = Map.ofEntries(
            Map.entry("cmdline", SourceKind.PROC_CMDLINE),
            Map.entry("meminfo", SourceKind.MEMINFO),
            Map.entry("iommu-groups", SourceKind.IOMMU_GROUPS),
            Map.entry("modprobe", SourceKind.MODPROBE_CONF),
            Map.entry("grub", SourceKind.GRUB_DEFAULT),
            Map.entry("ip-link", SourceKind.IP_LINK),
            Map.entry("lsmod", SourceKind.LSMOD),
            Map.entry("ethtool", SourceKind.ETHTOOL_INFO),
            Map.entry("nodedev", SourceKind.NODEDEV_XML),
            Map.entry("domain-xml", SourceKind.DOMAIN_XML),
            Map.entry("dev-vfio", SourceKind.DEVICE_NODES),
            Map.entry("collector-json", SourceKind.COLLECTOR_JSON),
            Map.entry("pve-vm-conf", SourceKind.PVE_VM_CONF));

    static final String GOLDEN_SUFFIX = ".events.txt";

    static Path samplesRoot() {
        String dir = System.getProperty("samples.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "parser")),
                "samples.dir not set or has no parser/ folder; skipping golden tests");
        return Path.of(dir, "parser");
    }

    static List<Path> inputs(Path familyDir) throws IOException {
        if (!Files.isDirectory(familyDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(familyDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(GOLDEN_SUFFIX))
                    .sorted().toList();
        }
    }

    static List<String> events(Path input, SourceKind kind) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(input)) {
            Parsers.parse(input.getFileName().toString(), in, kind, ParseLimits.DEFAULT,
                    e -> out.add(FactsEventPrinter.print(e)));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        Path root = samplesRoot();
        boolean update = Boolean.getBoolean("goldens.update");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, SourceKind> family : FAMILIES.entrySet()) {
            for (Path input : inputs(root.resolve(family.getKey()))) {
                tests.add(DynamicTest.dynamicTest(family.getKey() + "/" + input.getFileName(), () -> {
                    Path golden = input.resolveSibling(input.getFileName() + GOLDEN_SUFFIX);
                    String actual = String.join("\n", events(input, family.getValue())) + "\n";
                    if (update || !Files.exists(golden)) {
                        Files.writeString(golden, actual, StandardCharsets.UTF_8);
                        if (!update) {
                            fail("golden " + golden + " was missing and has been written: review and git add");
                        }
                        return;
                    }
                    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "events of " + input);
                }));
            }
        }
        Assumptions.assumeFalse(tests.isEmpty(), "no host facts samples found");
        return tests.stream().sorted((a, b) -> a.getDisplayName().compareTo(b.getDisplayName()));
    }
}
