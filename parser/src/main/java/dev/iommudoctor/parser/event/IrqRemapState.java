package dev.iommudoctor.parser.event;

/** What an {@link InterruptRemapping} message says. */
public enum IrqRemapState {
    /** {@code DMAR-IR: Enabled IRQ remapping in x2apic mode}, {@code AMD-Vi: Interrupt remapping enabled}. */
    ENABLED,
    /** {@code AMD-Vi: Disabling interrupt remapping}, {@code DMAR-IR: Not enabling interrupt remapping}. */
    DISABLED,
    /** {@code DMAR-IR: Failed to enable irq remapping. You are vulnerable to irq-injection attacks.} */
    FAILED,
    /** {@code This system BIOS has enabled interrupt remapping on a chipset that contains an erratum ...} (Intel 5500/5520/X58). */
    DISABLED_ERRATUM
}
