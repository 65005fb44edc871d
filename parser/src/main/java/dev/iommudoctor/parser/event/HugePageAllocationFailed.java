package dev.iommudoctor.parser.event;

/**
 * Fewer huge pages could be reserved than requested (memory fragmented or too small).
 *
 * <pre>{@code HugeTLB: allocating 10 of page size 1.00 GiB failed.  Only allocated 9 hugepages.}</pre>
 *
 * @param record the log record it was read from
 * @param pageSizeKb the page size in KiB
 * @param requested pages asked for
 * @param allocated pages obtained
 */
public record HugePageAllocationFailed(LogRecord record, long pageSizeKb, long requested, long allocated) implements LogEvent {
}
