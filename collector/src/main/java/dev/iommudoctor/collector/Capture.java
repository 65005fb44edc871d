package dev.iommudoctor.collector;

import java.util.Optional;

/**
 * The result of reading one file or running one command: content, or why there is none.
 *
 * @param content   the bytes read (capped), empty when {@code failure} is set
 * @param truncated the cap cut the content
 */
public record Capture(Optional<byte[]> content, boolean truncated, Optional<SkipReason> failure, String detail) {

    public static Capture of(byte[] bytes, boolean truncated) {
        return new Capture(Optional.of(bytes), truncated, Optional.empty(), "");
    }

    public static Capture failed(SkipReason reason, String detail) {
        return new Capture(Optional.empty(), false, Optional.of(reason), detail);
    }

    public boolean ok() {
        return content.isPresent();
    }

    /** Records this capture in {@code out}: the file at {@code bundlePath}, or a skip of {@code source}. */
    public boolean into(SourceOutput out, String bundlePath, String source) {
        if (content.isPresent()) {
            out.file(bundlePath, content.get(), source, truncated);
            return true;
        }
        out.skip(source, failure.orElse(SkipReason.FAILED), detail);
        return false;
    }
}
