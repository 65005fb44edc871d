package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;

/**
 * A device node with its owner and mode, from {@code stat -c '%A %U %G %n' /dev/vfio/*} (the form
 * {@code iommu-doctor collect} writes to {@code dev-vfio.txt}).
 *
 * <p>Example input line: {@code crw-rw---- root kvm /dev/vfio/12}
 *
 * @param mode  the ten-character symbolic mode, type first ({@code crw-rw----})
 * @param owner user name (or numeric uid when the name is unknown)
 * @param group group name (or numeric gid)
 * @param path  absolute path of the node
 */
public record DeviceNode(SourceSpan span, String mode, String owner, String group, String path) implements Event {

    /** True when users outside the owner and group may read or write the node. */
    public boolean otherReadableOrWritable() {
        return mode.length() >= 10 && (mode.charAt(7) == 'r' || mode.charAt(8) == 'w');
    }
}
