package dev.iommudoctor.rules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.MemInfo;
import dev.iommudoctor.parser.event.ProcCmdline;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HugePageConfigTest {

    private static HugePageConfig of(String cmdline, MemInfo... mem) {
        HostModelBuilder b = new HostModelBuilder();
        b.accept(new ProcCmdline(new SourceSpan("cmdline", 1, 1), KernelParameter.parseAll(cmdline)));
        for (MemInfo m : mem) {
            b.accept(m);
        }
        return b.build().hugepages();
    }

    @Test
    void hugepagesAppliesToTheHugepageszBeforeIt() {
        HugePageConfig hp = of("quiet default_hugepagesz=1G hugepagesz=2M hugepages=4096");
        assertEquals(1048576, hp.defaultSizeKb());
        assertTrue(hp.defaultSizeGiven());
        assertEquals(Map.of(2048L, 4096L), hp.requested());
    }

    @Test
    void hugepagesWithoutHugepageszCountsDefaultSizePages() {
        assertEquals(Map.of(1048576L, 16L), of("default_hugepagesz=1G hugepages=16").requested());
        assertEquals(Map.of(2048L, 512L), of("hugepages=512").requested(), "x86 default without meminfo: 2 MiB");
        HugePageConfig two = of("default_hugepagesz=1G hugepagesz=1G hugepages=8 hugepagesz=2M hugepages=1024");
        assertEquals(8L, two.requested().get(1048576L));
        assertEquals(1024L, two.requested().get(2048L));
        assertEquals(Map.of(1048576L, 6L), of("hugepagesz=1G hugepages=0:2,1:4").requested(), "per-node counts are summed");
    }

    @Test
    void sizesFollowMemparse() {
        assertEquals(Optional.of(1048576L), HugePageConfig.sizeKb("1G"));
        assertEquals(Optional.of(1048576L), HugePageConfig.sizeKb("1GB"));
        assertEquals(Optional.of(2048L), HugePageConfig.sizeKb("2M"));
        assertEquals(Optional.of(2048L), HugePageConfig.sizeKb("2048k"));
        assertFalse(HugePageConfig.sizeKb("huge").isPresent());
    }

    @Test
    void meminfoGivesTheDefaultSizeAndKeyLines() {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("MemTotal", 1000L);
        v.put("HugePages_Total", 0L);
        v.put("HugePages_Free", 0L);
        v.put("Hugepagesize", 1048576L);
        HugePageConfig hp = of("quiet", new MemInfo(new SourceSpan("meminfo", 10, 13), v));
        assertEquals(1048576, hp.defaultSizeKb());
        assertFalse(hp.defaultSizeGiven());
        assertEquals(11, hp.meminfoLine("HugePages_Total").line());
        assertEquals(0L, hp.pages(1048576).orElseThrow().pages());
        assertTrue(hp.pages(1048576).orElseThrow().current());
    }
}
