package dev.iommudoctor.parser.api;

import dev.iommudoctor.parser.event.Event;

/** Receives events as they are parsed; parsing streams, so a sink never sees the whole file at once. */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);
}
