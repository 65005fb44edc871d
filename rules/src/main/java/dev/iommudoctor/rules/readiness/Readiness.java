package dev.iommudoctor.rules.readiness;

/** Whether a PCI function can be passed to a VM as the host stands. */
public enum Readiness {
    /** Bound to vfio-pci (or ready to be), its group is viable, nothing blocks it. */
    READY,
    /** Works after configuration steps on the host (bind, group mates, parameters). */
    NEEDS_ACTION,
    /** Cannot be passed through safely without hardware, firmware or kernel changes. */
    BLOCKED
}
