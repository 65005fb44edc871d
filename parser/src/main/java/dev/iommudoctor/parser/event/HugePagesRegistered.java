package dev.iommudoctor.parser.event;

/**
 * A huge page size the kernel registered at boot and how many pages it reserved.
 *
 * <pre>{@code HugeTLB: registered 1.00 GiB page size, pre-allocated 0 pages}</pre>
 *
 * @param record the log record it was read from
 * @param pageSizeKb the page size in KiB (1 GiB = 1048576)
 * @param preallocated pages reserved at boot
 */
public record HugePagesRegistered(LogRecord record, long pageSizeKb, long preallocated) implements LogEvent {
}
