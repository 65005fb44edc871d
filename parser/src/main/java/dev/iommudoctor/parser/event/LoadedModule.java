package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * One loaded kernel module from {@code lsmod} (or the raw {@code /proc/modules} it is made from).
 *
 * <p>Example inputs: {@code vfio                   45056  2 vfio_pci,vfio_iommu_type1} and
 * {@code vfio_pci 16384 0 - Live 0xffffffffc0a1b000}
 *
 * @param span     the line
 * @param name     module name
 * @param size     size in bytes
 * @param useCount reference count, -1 when printed as {@code -} (no unload support)
 * @param usedBy   modules holding a reference, in order (markers like {@code [permanent]} excluded)
 * @param state    {@code Live}, {@code Loading} or {@code Unloading} for {@code /proc/modules} lines
 */
public record LoadedModule(SourceSpan span, String name, long size, int useCount, List<String> usedBy,
                           Optional<String> state) implements Event {

    public LoadedModule {
        usedBy = List.copyOf(usedBy);
    }
}
