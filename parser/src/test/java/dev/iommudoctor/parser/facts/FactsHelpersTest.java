package dev.iommudoctor.parser.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.GrubSetting;
import dev.iommudoctor.parser.event.KernelParameter;
import dev.iommudoctor.parser.event.MemInfo;
import dev.iommudoctor.parser.event.ModprobeDirective;
import dev.iommudoctor.parser.event.ProcCmdline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The convenience methods rules rely on: options/softdep lists, module keys, last-wins parameters. */
class FactsHelpersTest {

    private static final SourceSpan AT = SourceSpan.line("t", 1);

    @Test
    void modprobeOptionsKeepOrderFlagsAndQuotedValues() {
        ModprobeDirective d = new ModprobeDirective(AT, "options", "snd-hda-intel", "model=\"asus laptop\" probe_mask enable=1");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("model", "asus laptop");
        expected.put("probe_mask", "");
        expected.put("enable", "1");
        assertEquals(expected, d.options());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(d.options().keySet()));
        assertEquals("snd_hda_intel", d.moduleKey());
    }

    @Test
    void softdepPreAndPostLists() {
        ModprobeDirective d = new ModprobeDirective(AT, "softdep", "snd_hda_intel", "pre: vfio-pci vfio post: snd_hda_codec_hdmi");
        assertEquals(List.of("vfio-pci", "vfio"), d.pre());
        assertEquals(List.of("snd_hda_codec_hdmi"), d.post());
        assertEquals(Map.of(), d.options());
        ModprobeDirective postOnly = new ModprobeDirective(AT, "softdep", "x", "post: y");
        assertEquals(List.of(), postOnly.pre());
        assertEquals(List.of("y"), postOnly.post());
    }

    @Test
    void optionsOfOtherCommandsAreEmpty() {
        assertEquals(Map.of(), new ModprobeDirective(AT, "install", "vfio-pci", "a=b /bin/true").options());
        assertEquals(List.of(), new ModprobeDirective(AT, "options", "vfio-pci", "pre: x").pre());
    }

    @Test
    void cmdlineLastValueWinsAndHasIgnoresValue() {
        ProcCmdline c = new ProcCmdline(AT, KernelParameter.parseAll("iommu=pt quiet iommu=nopt"));
        assertEquals(Optional.of("nopt"), c.lastValue("iommu"));
        assertEquals(Optional.empty(), c.lastValue("quiet"));
        assertTrue(c.has("quiet"));
        assertFalse(c.has("intel_iommu"));
    }

    @Test
    void meminfoAccessorsAndImmutability() {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("HugePages_Total", 16L);
        v.put("Hugepagesize", 1048576L);
        MemInfo m = new MemInfo(AT, v);
        v.put("MemTotal", 1L);
        assertEquals(OptionalLong.empty(), m.memTotalKb());
        assertEquals(OptionalLong.of(16), m.hugePagesTotal());
        assertEquals(OptionalLong.of(1048576), m.hugepageSizeKb());
        assertEquals(OptionalLong.empty(), m.hugetlbKb());
    }

    @Test
    void grubKernelCommandLineVariables() {
        assertTrue(new GrubSetting(AT, "GRUB_CMDLINE_LINUX_DEFAULT", "", false, List.of()).isKernelCommandLine());
        assertFalse(new GrubSetting(AT, "GRUB_CMDLINE_XEN", "", false, List.of()).isKernelCommandLine());
    }
}
