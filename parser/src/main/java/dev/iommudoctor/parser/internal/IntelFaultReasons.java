package dev.iommudoctor.parser.internal;

import java.util.Map;

/** The VT-d fault reason texts of drivers/iommu/intel/dmar.c, for logs that print only the code. */
final class IntelFaultReasons {

    private static final String[] DMA = {
        "Software", "Present bit in root entry is clear", "Present bit in context entry is clear",
        "Invalid context entry", "Access beyond MGAW", "PTE Write access is not set", "PTE Read access is not set",
        "Next page table ptr is invalid", "Root table address invalid", "Context table ptr is invalid",
        "non-zero reserved fields in RTP", "non-zero reserved fields in CTP", "non-zero reserved fields in PTE",
        "PCE for translation request specifies blocking",
    };
    private static final String[] IRQ = {
        "Detected reserved fields in the decoded interrupt-remapped request",
        "Interrupt index exceeded the interrupt-remapping table size", "Present field in the IRTE entry is clear",
        "Error accessing interrupt-remapping table pointed by IRTA_REG", "Detected reserved fields in the IRTE entry",
        "Blocked a compatibility format interrupt request",
        "Blocked an interrupt request due to source-id verification failure",
    };
    private static final Map<Integer, String> SCALABLE = Map.of(
            0x71, "SM: Present bit in first-level paging entry is clear",
            0x79, "SM: Read/Write permission error in second-level paging entry");

    private IntelFaultReasons() {
    }

    /** The kernel's text for {@code code}; {@code Unknown} like the kernel for codes it has no text for. */
    static String describe(int code) {
        if (code >= 0 && code < DMA.length) {
            return DMA[code];
        }
        if (code >= 0x20 && code < 0x20 + IRQ.length) {
            return IRQ[code - 0x20];
        }
        return SCALABLE.getOrDefault(code, "Unknown");
    }
}
