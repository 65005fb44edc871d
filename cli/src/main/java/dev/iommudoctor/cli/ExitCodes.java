package dev.iommudoctor.cli;

/** Exit codes a script or CI job can rely on. */
public final class ExitCodes {
    /** Nothing at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold. */
    public static final int FINDINGS = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** An input could not be read or is not usable (empty, binary, truncated, not a known format). */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
