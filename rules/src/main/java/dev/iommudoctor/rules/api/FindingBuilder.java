package dev.iommudoctor.rules.api;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.LogEvent;
import dev.iommudoctor.parser.event.PciAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Assembles a {@link Finding} so rule classes stay short. Evidence is de-duplicated and sorted. */
public final class FindingBuilder {

    /** Evidence kept per finding; a fault storm must not make a report of a million lines. */
    static final int MAX_EVIDENCE = 12;

    private final DiagnosticRule meta;
    private Severity severity;
    private String message = "";
    private final Set<EvidenceLine> evidence = new TreeSet<>();
    private int droppedEvidence;
    private final Set<String> devices = new LinkedHashSet<>();
    private final List<String> remedy = new ArrayList<>();

    FindingBuilder(DiagnosticRule meta) {
        this.meta = meta;
        this.severity = meta.severity();
    }

    /** Overrides the rule's default severity (e.g. a warning that becomes an error with more evidence). */
    public FindingBuilder severity(Severity s) {
        this.severity = s;
        return this;
    }

    public FindingBuilder message(String text) {
        this.message = text;
        return this;
    }

    public FindingBuilder message(String format, Object... args) {
        this.message = String.format(java.util.Locale.ROOT, format, args);
        return this;
    }

    public FindingBuilder evidence(EvidenceLine line) {
        if (evidence.size() < MAX_EVIDENCE) {
            evidence.add(line);
        } else if (!evidence.contains(line)) {
            droppedEvidence++;
        }
        return this;
    }

    public FindingBuilder evidence(SourceSpan span, String text) {
        return evidence(EvidenceLine.of(span, text));
    }

    /** Quotes a log event's first line. */
    public FindingBuilder evidence(LogEvent event) {
        String text = event.record().text();
        int nl = text.indexOf('\n');
        return evidence(event.span(), nl < 0 ? text : text.substring(0, nl));
    }

    public FindingBuilder evidence(Iterable<? extends LogEvent> events) {
        for (LogEvent e : events) {
            evidence(e);
        }
        return this;
    }

    public FindingBuilder device(PciAddress address) {
        devices.add(address.toString());
        return this;
    }

    public FindingBuilder devices(Iterable<PciAddress> addresses) {
        addresses.forEach(this::device);
        return this;
    }

    /** Adds a remedy step; steps are numbered in the order given. */
    public FindingBuilder remedy(String step) {
        remedy.add(step);
        return this;
    }

    public Finding build() {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < remedy.size(); i++) {
            if (i > 0) {
                steps.append('\n');
            }
            steps.append(remedy.size() == 1 ? "" : (i + 1) + ". ").append(remedy.get(i));
        }
        String msg = droppedEvidence == 0 ? message
                : message + " (" + droppedEvidence + " more evidence lines not shown)";
        return new Finding(meta.id(), severity, meta.matrixRow(), meta.title(), msg, List.copyOf(evidence),
                List.copyOf(devices), steps.toString(), "docs/rules/" + meta.id() + ".md");
    }
}
