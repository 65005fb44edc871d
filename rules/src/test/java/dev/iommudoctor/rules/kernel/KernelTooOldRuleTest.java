package dev.iommudoctor.rules.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelTooOldRuleTest {

    @Test
    void rhel9AndLaterAreJudgedByTheirBackportsNotTheirNumber() {
        assertTrue(KernelTooOldRule.rhelAtLeast9("5.14.0-570.23.1.el9_6.x86_64"));
        assertTrue(KernelTooOldRule.rhelAtLeast9("6.12.0-55.el10.x86_64"));
        assertFalse(KernelTooOldRule.rhelAtLeast9("4.18.0-80.el8.x86_64"));
        assertFalse(KernelTooOldRule.rhelAtLeast9("5.4.0-150-generic"));
    }

    @Test
    void featureListIsInReleaseOrder() {
        var f = KernelTooOldRule.FEATURES;
        for (int i = 1; i < f.size(); i++) {
            assertTrue(f.get(i - 1).major() * 100 + f.get(i - 1).minor() < f.get(i).major() * 100 + f.get(i).minor(), f.get(i).text());
        }
    }
}
