package dev.iommudoctor.parser.event;

/** Which RMRR sanity check a {@link RmrrFirmwareBug} reports. */
public enum RmrrBugKind {
    /** {@code No firmware reserved region can cover this RMRR [...]}: the range is not reserved in the e820 map. */
    NO_RESERVED_REGION,
    /** {@code Your BIOS is broken; bad RMRR [...]} (misaligned, ends before it starts ...). */
    BAD_RMRR
}
