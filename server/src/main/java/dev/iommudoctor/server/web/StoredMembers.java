package dev.iommudoctor.server.web;

import dev.iommudoctor.parser.input.BundleLimits;
import dev.iommudoctor.parser.input.InputWalker;
import dev.iommudoctor.server.store.BundleStore;
import dev.iommudoctor.server.store.Incident;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Finds one input of an incident by the name the analysis gave it: a loose file ({@code dmesg.txt}),
 * a bundle member ({@code case.zip!/case/dmesg.txt}) or a report section
 * ({@code nvidia-bug-report.log#dmesg}). The stored files are walked again with the same
 * {@link InputWalker} the analysis used, so names match exactly; nothing is ever extracted to disk
 * and the name is a lookup key only, never a path.
 */
final class StoredMembers {

    private final BundleStore bundles;

    StoredMembers(BundleStore bundles) {
        this.bundles = bundles;
    }

    /**
     * One input read into memory, at most {@code maxBytes} of it.
     *
     * @param linesBefore lines of the enclosing file before it (sections), so numbers match the evidence
     * @param truncated   true when the input is longer than what was read
     */
    record Member(String name, byte[] content, int linesBefore, boolean truncated) {
    }

    Optional<Member> find(Incident incident, String name, int maxBytes) throws IOException {
        for (Incident.StoredFile f : incident.files()) {
            if (!name.equals(f.name()) && !name.startsWith(f.name() + "!/") && !name.startsWith(f.name() + "#")
                    && !couldBeDecompressed(f.name(), name)) {
                continue;
            }
            try (InputStream in = bundles.open(f)) {
                new InputWalker(BundleLimits.DEFAULT).walk(f.name(), in, (n, content, before) -> {
                    if (n.equals(name)) {
                        byte[] bytes = content.readNBytes(maxBytes);
                        boolean more = content.read() >= 0;
                        throw new Stop(new Member(n, bytes, before, more));
                    }
                });
            } catch (Stop stop) {
                return Optional.of(stop.member);
            }
        }
        return Optional.empty();
    }

    /** A single compressed upload ({@code kern.log.1.gz}) is analysed under its name without the suffix. */
    private static boolean couldBeDecompressed(String stored, String name) {
        return stored.startsWith(name) && stored.length() > name.length() && stored.charAt(name.length()) == '.';
    }

    /** Ends the walk as soon as the member is read: the rest of the bundle is not needed. */
    private static final class Stop extends RuntimeException {
        final transient Member member;

        Stop(Member member) {
            super(null, null, false, false);
            this.member = member;
        }
    }
}
