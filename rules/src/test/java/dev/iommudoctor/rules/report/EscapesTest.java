package dev.iommudoctor.rules.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Log lines are attacker-controlled: every output format must make them inert. */
class EscapesTest {

    private static final String HOSTILE = "x\u001b[2J<script>alert('1')</script> [link](http://e) **b** \u0007";

    @Test
    void terminalOutputCarriesNoControlCharacters() {
        String t = Escapes.terminal(HOSTILE);
        assertFalse(t.chars().anyMatch(c -> c == 0x1b || c == 0x07), t);
        assertEquals("tab\tand\nnewline stay", Escapes.terminal("tab\tand\nnewline stay"));
    }

    @Test
    void htmlHasNoMarkupLeft() {
        assertEquals("x\uFFFD[2J&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; [link](http://e) **b** \uFFFD", Escapes.html(HOSTILE));
    }

    @Test
    void markdownEscapesMarkupAndHtmlButKeepsQuotesReadable() {
        assertEquals("x\uFFFD\\[2J&lt;script&gt;alert'1'\\)&lt;/script&gt; \\[link\\]\\(http://e\\) \\*\\*b\\*\\* \uFFFD"
                .replace("alert'1'\\)", "alert\\('1'\\)"), Escapes.markdown(HOSTILE));
    }
}
