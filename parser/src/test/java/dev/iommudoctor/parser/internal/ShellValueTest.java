package dev.iommudoctor.parser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Shell unquoting without expansion, as /etc/default/grub needs it. */
class ShellValueTest {

    private static ShellValue.Result scan(String s) {
        return ShellValue.scan(s);
    }

    @Test
    void quotesAreRemovedAndConcatenated() {
        assertEquals(new ShellValue.Result(true, "a bcd", ""), scan("\"a b\"'c'd"));
        assertEquals(new ShellValue.Result(true, "", ""), scan("\"\""));
        assertEquals(new ShellValue.Result(true, "", ""), scan(""));
    }

    @Test
    void expansionsAreKeptVerbatim() {
        assertEquals("$GRUB_CMDLINE_LINUX iommu=pt", scan("\"$GRUB_CMDLINE_LINUX iommu=pt\"").value());
        assertEquals("$(sed 's, release .*$,,g' /etc/system-release)",
                scan("\"$(sed 's, release .*$,,g' /etc/system-release)\"").value());
        assertEquals("$(lsb_release -i -s)", scan("$(lsb_release -i -s)").value());
        assertEquals("`lsb_release -i -s 2> /dev/null || echo Debian`",
                scan("`lsb_release -i -s 2> /dev/null || echo Debian`").value());
        assertEquals("'$x'", scan("\"'$x'\"").value());
        assertEquals("$x", scan("'$x'").value());
    }

    @Test
    void escapesInsideAndOutsideDoubleQuotes() {
        assertEquals("dyndbg=\"module vfio_pci +p\"", scan("\"dyndbg=\\\"module vfio_pci +p\\\"\"").value());
        assertEquals("a\\nb", scan("\"a\\nb\"").value());
        assertEquals("a b", scan("a\\ b").value());
    }

    @Test
    void restAfterTheValueIsReturned() {
        assertEquals(new ShellValue.Result(true, "5", "# seconds"), scan("5   # seconds"));
        assertEquals(new ShellValue.Result(true, "5", "sleep 1"), scan("5 sleep 1"));
    }

    @Test
    void openQuotesAndTrailingBackslashAskForMore() {
        assertEquals(false, scan("\"quiet splash").complete());
        assertEquals(false, scan("'quiet").complete());
        assertEquals(false, scan("quiet\\").complete());
        assertEquals(false, scan("\"quiet \\").complete());
        assertEquals(false, scan("$(echo").complete());
    }
}
