package dev.iommudoctor.collector;

/** Why a source is missing from a bundle; recorded in {@code manifest.json}, never fatal. */
public enum SkipReason {
    /** The command is not installed (no {@code lspci} without pciutils). */
    NOT_INSTALLED,
    /** The file or command needs privileges the collector does not have ({@code dmesg} as a user). */
    PERMISSION_DENIED,
    /** The source took longer than its timeout. */
    TIMED_OUT,
    /** The path does not exist on this host (no {@code /dev/vfio} without an IOMMU). */
    ABSENT,
    /** The bundle reached its total size cap before this source. */
    TOO_LARGE,
    /** Anything else: a command failed, an I/O error. The detail says what. */
    FAILED
}
