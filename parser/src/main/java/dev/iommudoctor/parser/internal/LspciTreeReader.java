package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciTopologyLink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code lspci -t}/{@code -tv} tree lines into {@link PciTopologyLink}s. The tree is drawn with columns:
 * the children of a bus start at one column, so a stack of open buses keyed by that column tells which bus an
 * entry belongs to. Example:
 * <pre>
 * -[0000:00]-+-00.0  Intel Corporation Host Bridge
 *            +-1c.4-[03-3a]--+-00.0-[04-3a]--+-00.0-[05]----00.0
 *            |               |               \-02.0-[3a]----00.0
 *            \-1f.3  Intel Corporation Audio
 * </pre>
 * A bus is opened by a root marker {@code [0000:00]} or a bridge suffix {@code -[03-3a]}; its column is that
 * of its first child, on the same line. A bus whose line ends without children ({@code +-1c.0-[02]--}) is dropped.
 */
final class LspciTreeReader {

    // entries and markers always follow a connector dash: "-[0000:00]", "+-00.0", "-[01]--+-00.0"
    private static final Pattern TOKEN = Pattern.compile("(?<=-)\\[([0-9a-fA-F]{4}):([0-9a-fA-F]{2})\\]"
            + "|(?<=-)([01][0-9a-fA-F])\\.([0-7])(?:-\\[([0-9a-fA-F]{2})(?:-[0-9a-fA-F]{2})?\\])?");
    private static final Pattern ROOT_LINE = Pattern.compile("^ ?[-+\\\\|]*-\\[[0-9a-fA-F]{4}:[0-9a-fA-F]{2}\\]-.*");
    private static final int PENDING = -1;

    /** An open bus: where its children are drawn, and who owns it. */
    private static final class Bus {
        int column = PENDING;
        final int domain;
        final int number;
        final Optional<PciAddress> bridge;

        Bus(int domain, int number, Optional<PciAddress> bridge) {
            this.domain = domain;
            this.number = number;
            this.bridge = bridge;
        }
    }

    /** One entry found on a line, before its name is known. */
    private record Entry(Bus bus, PciAddress device) {
    }

    private final Deque<Bus> open = new ArrayDeque<>();
    private String rootBus = "0000:00";

    /** Whether a line starts a tree: {@code -[0000:00]-+-00.0} or {@code -+-[0000:40]-+-00.0}. */
    static boolean isTreeStart(String s) {
        return ROOT_LINE.matcher(s).matches();
    }

    /** The links of one line; empty for a line of connectors only ({@code |   |}). Null when nothing in it is a tree. */
    List<PciTopologyLink> read(String line, dev.iommudoctor.parser.api.SourceSpan span) {
        while (!open.isEmpty() && open.peek().column == PENDING) {
            open.pop(); // a bridge printed with no children on its own line has none
        }
        List<Entry> entries = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        int lastEnd = -1;
        while (m.find()) {
            int col = m.start();
            lastEnd = m.end();
            if (m.group(1) != null) {
                closeDeeperThan(col);
                int domain = Integer.parseInt(m.group(1), 16);
                int bus = Integer.parseInt(m.group(2), 16);
                rootBus = m.group(1).toLowerCase() + ":" + m.group(2).toLowerCase();
                open.push(new Bus(domain, bus, Optional.empty()));
                continue;
            }
            if (!open.isEmpty() && open.peek().column == PENDING) {
                open.peek().column = col;
            }
            closeDeeperThan(col);
            Bus bus = open.isEmpty() ? root() : open.peek();
            PciAddress device = new PciAddress(bus.domain, bus.number, Integer.parseInt(m.group(3), 16),
                    m.group(4).charAt(0) - '0');
            entries.add(new Entry(bus, device));
            if (m.group(5) != null) {
                open.push(new Bus(bus.domain, Integer.parseInt(m.group(5), 16), Optional.of(device)));
            }
        }
        if (lastEnd < 0) {
            return line.chars().allMatch(c -> c == ' ' || c == '|' || c == '\t') ? List.of() : null;
        }
        String rest = line.substring(lastEnd);
        Optional<String> name = rest.startsWith(" ") && !rest.isBlank() ? Optional.of(rest.strip()) : Optional.empty();
        List<PciTopologyLink> links = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            links.add(new PciTopologyLink(span, e.bus().bridge, rootBus, e.device(),
                    i == entries.size() - 1 ? name : Optional.empty()));
        }
        return links;
    }

    private void closeDeeperThan(int column) {
        while (!open.isEmpty() && open.peek().column > column) {
            open.pop();
        }
    }

    private Bus root() {
        Bus bus = new Bus(0, 0, Optional.empty());
        open.push(bus);
        return bus;
    }
}
