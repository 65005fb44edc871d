package dev.iommudoctor.parser.event;

import dev.iommudoctor.parser.api.SourceSpan;

/**
 * An event read from a line-oriented log (kernel log family, QEMU or libvirt log): it carries the
 * whole {@link LogRecord}, so rules can always quote the original text and its time stamp.
 */
public interface LogEvent extends Event {

    LogRecord record();

    @Override
    default SourceSpan span() {
        return record().span();
    }
}
