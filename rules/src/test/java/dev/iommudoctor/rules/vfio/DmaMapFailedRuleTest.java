package dev.iommudoctor.rules.vfio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DmaMapFailedRuleTest {

    @Test
    void listenerEnomemIsAPinningFailureButOtherContainerErrorsAreNot() {
        assertTrue(DmaMapFailedRule.pinningFailed("failed to setup container for group 1: memory listener initialization failed: "
                + "Region pc.ram: vfio_dma_map(0x55f1c3a0e2d0, 0x100000, 0x7ff00000, 0x7f1a13f00000) = -12 (Cannot allocate memory)"));
        assertTrue(DmaMapFailedRule.pinningFailed("vfio_container_dma_map(0x5600, 0x0, 0xa0000, 0x7f2d2fe00000) = -12 (Cannot allocate memory)"));
        assertFalse(DmaMapFailedRule.pinningFailed("failed to setup container for group 11: Failed to set iommu for container: Input/output error"));
        assertFalse(DmaMapFailedRule.pinningFailed("memory listener initialization failed: Region mach-virt.ram: vfio_dma_map(0x55de3c2a97f0, "
                + "0x40000000, 0x100000000, 0x7f8fcbe00000) = -22 (Invalid argument)"));
    }
}
