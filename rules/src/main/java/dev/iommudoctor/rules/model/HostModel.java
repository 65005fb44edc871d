package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.api.ParseSummary;
import dev.iommudoctor.parser.event.Event;
import dev.iommudoctor.parser.input.SkippedInput;
import dev.iommudoctor.rules.api.Fact;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything known about one host, correlated from all inputs of a bundle: the typed events by kind,
 * which {@link Fact facts} the inputs provided, and the derived views rules ask about (PCI inventory,
 * IOMMU state, kernel parameters ...). Built once by {@link HostModelBuilder}; immutable afterwards.
 */
public final class HostModel {

    private final Map<Class<? extends Event>, List<Event>> eventsByType;
    private final Set<Fact> facts;
    private final List<ParseSummary> inputs;
    private final List<SkippedInput> skipped;

    HostModel(Map<Class<? extends Event>, List<Event>> eventsByType, Set<Fact> facts,
              List<ParseSummary> inputs, List<SkippedInput> skipped) {
        this.eventsByType = eventsByType;
        this.facts = Collections.unmodifiableSet(facts.isEmpty() ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(facts));
        this.inputs = List.copyOf(inputs);
        this.skipped = List.copyOf(skipped);
    }

    /** All events of one type, in input order (files in walk order, lines ascending). */
    @SuppressWarnings("unchecked")
    public <T extends Event> List<T> events(Class<T> type) {
        return (List<T>) eventsByType.getOrDefault(type, List.of());
    }

    public boolean has(Fact fact) {
        return facts.contains(fact);
    }

    public Set<Fact> facts() {
        return facts;
    }

    /** What each input was read as, with counts and problems. */
    public List<ParseSummary> inputs() {
        return inputs;
    }

    /** Bundle members not read, with the reason. */
    public List<SkippedInput> skipped() {
        return skipped;
    }
}
