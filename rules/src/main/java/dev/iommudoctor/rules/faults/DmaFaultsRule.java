package dev.iommudoctor.rules.faults;

import dev.iommudoctor.parser.event.DmaFault;
import dev.iommudoctor.parser.event.FaultsSuppressed;
import dev.iommudoctor.parser.event.LogRecord;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Finding;
import dev.iommudoctor.rules.api.FindingBuilder;
import dev.iommudoctor.rules.api.MatrixRow;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.api.RuleResult;
import dev.iommudoctor.rules.api.Severity;
import dev.iommudoctor.rules.model.HostModel;
import dev.iommudoctor.rules.model.PciFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DMA (and interrupt) remapping faults, one finding per requester: {@code DMAR: [DMA Read NO_PASID] Request device
 * [03:00.0] fault addr 0x... [fault reason 0x06] PTE Read access is not set}, {@code ahci 0000:02:00.1: AMD-Vi: Event
 * logged [IO_PAGE_FAULT domain=0x000c address=0x... flags=0x0000]}. Counts, time span, types, reasons, sample
 * addresses, rate-limited ({@code dmar_fault: 35 callbacks suppressed}) counts, and the likely cause for the
 * pattern. A handful of early-boot faults from an integrated GPU (firmware framebuffer handover) or of
 * {@code INVALID_DEVICE_REQUEST} from the host bridge are warnings; everything else is an error.
 */
@DiagnosticRule(id = "DMA-FAULTS", title = "Device triggers IOMMU DMA faults", severity = Severity.ERROR,
        matrixRow = MatrixRow.DMA_FAULTS, requires = Fact.KERNEL_LOG)
public final class DmaFaultsRule implements Rule {


    @Override
    public RuleResult evaluate(HostModel host) {
        Map<Optional<PciAddress>, List<DmaFault>> byDevice = new LinkedHashMap<>();
        for (DmaFault e : host.events(DmaFault.class)) {
            byDevice.computeIfAbsent(e.device(), k -> new ArrayList<>()).add(e);
        }
        if (byDevice.isEmpty()) {
            return RuleResult.passed();
        }
        List<FaultsSuppressed> suppressed = host.events(FaultsSuppressed.class).stream()
                .filter(s -> s.function().contains("dmar") || s.function().contains("iommu") || s.function().contains("fault"))
                .toList();
        List<Finding> findings = new ArrayList<>();
        byDevice.forEach((device, faults) -> findings.add(finding(host, device, faults,
                byDevice.size() == 1 ? suppressed : List.of(), byDevice.size() == 1 ? 0 : sum(suppressed))));
        return RuleResult.of(findings);
    }

    private Finding finding(HostModel host, Optional<PciAddress> device, List<DmaFault> faults,
                            List<FaultsSuppressed> suppressed, int unattributed) {
        FindingBuilder f = finding();
        device.ifPresent(f::device);
        Optional<PciFunction> fn = device.flatMap(host.pci()::get);
        String who = fn.map(PciFunction::label).orElse(device.map(PciAddress::toString).orElse("an unnamed requester"))
                + fn.flatMap(PciFunction::driver).map(d -> " (driver " + d + ")").orElse("");
        // first, last and one line per distinct reason/type, so the evidence shows the pattern, not 12 copies
        f.evidence(faults.get(0));
        f.evidence(faults.get(faults.size() - 1));
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (DmaFault e : faults) {
            if (kinds.add(kind(e))) {
                f.evidence(e);
            }
            e.address().ifPresent(a -> {
                if (addresses.size() < 4) {
                    addresses.add(a);
                }
            });
        }
        suppressed.forEach(f::evidence);
        int dropped = sum(suppressed);
        FaultPattern pattern = FaultPattern.classify(host, device, fn, faults, dropped);
        f.severity(pattern.benign() ? Severity.WARNING : Severity.ERROR);
        Set<String> domains = new LinkedHashSet<>();
        faults.forEach(e -> e.domain().ifPresent(domains::add));
        f.message("%s caused %d DMA remapping fault(s)%s%s, %s. %s: %s%s.%s. Sample addresses: %s.", who, faults.size(),
                dropped > 0 ? " plus " + dropped + " more suppressed by rate limiting" : "",
                unattributed > 0 ? " (" + unattributed + " further faults were suppressed host-wide, not attributed)" : "",
                span(faults), kinds.size() == 1 ? "Kind" : "Kinds", String.join("; ", kinds),
                domains.isEmpty() ? "" : " (IOMMU domain " + String.join(", ", domains) + ")", " Likely cause: " + pattern.cause(),
                addresses.isEmpty() ? "none printed" : String.join(", ", addresses));
        pattern.remedies().forEach(f::remedy);
        return f.build();
    }


    private static String kind(DmaFault e) {
        StringBuilder b = new StringBuilder(e.faultType());
        e.reasonCode().ifPresent(c -> b.append(" reason 0x").append(c));
        e.reason().ifPresent(r -> b.append(' ').append(r));
        return b.toString();
    }

    private static String span(List<DmaFault> faults) {
        String first = when(faults.get(0).record());
        String last = when(faults.get(faults.size() - 1).record());
        if (first.isEmpty()) {
            return "time not logged";
        }
        boolean restarted = false;
        for (int i = 1; i < faults.size(); i++) {
            LogRecord a = faults.get(i - 1).record();
            LogRecord b = faults.get(i).record();
            if (a.monotonic().isPresent() && b.monotonic().isPresent() && b.monotonic().getAsDouble() < a.monotonic().getAsDouble()) {
                restarted = true;
            }
        }
        return (first.equals(last) ? "at " + first : "first at " + first + ", last at " + last)
                + (restarted ? " (the timestamps restart: the faults span more than one boot)" : "");
    }

    private static String when(LogRecord r) {
        if (r.wallClock().isPresent()) {
            return r.wallClock().get() + (r.monotonic().isPresent() ? String.format(Locale.ROOT, " (%.1f s after boot)",
                    r.monotonic().getAsDouble()) : "");
        }
        return r.monotonic().isPresent() ? String.format(Locale.ROOT, "%.1f s after boot", r.monotonic().getAsDouble()) : "";
    }

    private static int sum(List<FaultsSuppressed> s) {
        return s.stream().mapToInt(FaultsSuppressed::count).sum();
    }
}
