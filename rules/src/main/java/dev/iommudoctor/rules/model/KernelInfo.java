package dev.iommudoctor.rules.model;

import dev.iommudoctor.rules.api.EvidenceLine;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running kernel's release ({@code 6.5.13-1-pve}, {@code 5.14.0-570.23.1.el9_6.x86_64}) with the
 * numbers rules compare, and the line it was read from.
 */
public record KernelInfo(String release, int major, int minor, EvidenceLine evidence) {

    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    public static Optional<KernelInfo> parse(String release, EvidenceLine evidence) {
        Matcher m = RELEASE.matcher(release);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new KernelInfo(release, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), evidence));
    }

    /** True when this kernel is at least {@code major.minor}. */
    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    public String majorMinor() {
        return major + "." + minor;
    }
}
