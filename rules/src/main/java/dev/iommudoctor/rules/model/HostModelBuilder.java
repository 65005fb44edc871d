package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.api.EventSink;
import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.event.UnrecognizedLine;
import dev.iommudoctor.parser.input.SkippedInput;
import dev.iommudoctor.rules.api.Fact;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the events of every input of one bundle and builds the {@link HostModel}. Memory stays
 * bounded on huge logs: unrecognized lines are counted, not kept, and each event type keeps at most
 * {@value #MAX_PER_TYPE} events (a fault storm is summarised by its first ones and a count).
 */
public final class HostModelBuilder implements EventSink {

    static final int MAX_PER_TYPE = 50_000;

    private final Map<Class<? extends Event>, List<Event>> events = new LinkedHashMap<>();
    private final Set<Fact> facts = EnumSet.noneOf(Fact.class);
    private final List<ParseSummary> inputs = new ArrayList<>();
    private final List<SkippedInput> skipped = new ArrayList<>();

    @Override
    public void accept(Event event) {
        if (event instanceof UnrecognizedLine) {
            return;
        }
        List<Event> list = events.computeIfAbsent(event.getClass(), k -> new ArrayList<>());
        if (list.size() < MAX_PER_TYPE) {
            list.add(event);
        }
    }

    public void input(ParseSummary summary) {
        inputs.add(summary);
    }

    public void skipped(SkippedInput s) {
        skipped.add(s);
    }

    public HostModel build() {
        return new HostModel(events, facts, inputs, skipped);
    }
}
