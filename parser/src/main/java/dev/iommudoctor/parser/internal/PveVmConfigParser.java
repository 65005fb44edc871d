package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.event.DomainHostdev;
import dev.iommudoctor.parser.event.PciAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Proxmox VE VM config ({@code /etc/pve/qemu-server/103.conf}) for its PCI passthrough
 * entries: {@code hostpci0: 0000:05:00.0,pcie=1,romfile=vbios.bin,x-vga=1}. Each becomes a
 * {@link DomainHostdev} (Proxmox binds the device to vfio-pci itself, so it counts as managed).
 * {@code hostpci0: 0000:01:00} without a function passes every function of the slot; the event names
 * function 0 and says so in {@code element}. Snapshot sections ({@code [snap1]}) describe old states
 * and are skipped; mapped devices ({@code mapping=gpu1}) name no address and are reported.
 */
final class PveVmConfigParser implements FormatParser {

    private static final Pattern HOSTPCI = Pattern.compile("^(hostpci\\d+):\\s*(\\S+)$");
    private static final Pattern NAME = Pattern.compile("^name:\\s*(\\S+)");
    private static final Pattern KEY_VALUE = Pattern.compile("^[a-z][a-z0-9_-]*\\d*:.*$");
    private static final Pattern SLOT = Pattern.compile("^(?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}$");

    private record Entry(int line, String key, String value) {
    }

    @Override
    public void parse(LineReader lines, ParseContext ctx) throws IOException {
        String name = vmName(ctx.source());
        List<Entry> entries = new ArrayList<>();
        boolean inSnapshot = false;
        String line;
        while ((line = lines.next()) != null) {
            String t = line.strip();
            if (t.startsWith("[")) {
                inSnapshot = true;  // everything after the first [section] belongs to snapshots
                continue;
            }
            Matcher n = NAME.matcher(t);
            if (!inSnapshot && n.find()) {
                name = n.group(1);
            }
            Matcher m = HOSTPCI.matcher(t);
            if (!inSnapshot && m.matches()) {
                entries.add(new Entry(lines.lineNumber(), m.group(1), m.group(2)));
            } else if (!t.isEmpty() && !t.startsWith("#") && !KEY_VALUE.matcher(t).matches()) {
                ctx.diagnostic(lines.lineNumber(), "UNRECOGNIZED_LINE", "not a 'key: value' line of a Proxmox VM config", t, false);
            }
        }
        for (Entry e : entries) {
            emit(e, name, ctx);
        }
    }

    private static void emit(Entry e, String vm, ParseContext ctx) {
        String[] parts = e.value().split(",");
        Optional<String> rom = Optional.empty();
        boolean romBarOff = false;
        for (String p : parts) {
            if (p.startsWith("romfile=")) {
                rom = Optional.of(p.substring("romfile=".length()));
            }
            romBarOff |= p.equals("rombar=0");
        }
        String hosts = parts[0].startsWith("host=") ? parts[0].substring(5) : parts[0];
        if (hosts.startsWith("mapping=")) {
            ctx.diagnostic(e.line(), "PVE_MAPPED_DEVICE", e.key() + " uses a cluster resource mapping ("
                    + hosts.substring(8) + "); the host address is in /etc/pve/mapping/pci.cfg", e.value(), false);
            return;
        }
        // Several devices may be given with ';' (hostpci0: 01:00.0;01:00.1,...)
        for (String host : hosts.split(";")) {
            boolean wholeSlot = SLOT.matcher(host).matches();
            PciAddress address = PciAddress.tryParse(wholeSlot ? host + ".0" : host);
            if (address == null) {
                ctx.diagnostic(e.line(), "BAD_PCI_ADDRESS", e.key() + " names no PCI address: " + host, e.value(), false);
                continue;
            }
            ctx.emit(new DomainHostdev(ctx.span(e.line()), vm, e.key() + (wholeSlot ? " (all functions of the slot)" : ""),
                    address, true, Optional.of("vfio"), rom, romBarOff, Optional.empty()));
        }
    }

    private static String vmName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('!'));
        String file = source.substring(slash + 1);
        return file.endsWith(".conf") ? "vm" + file.substring(0, file.length() - 5) : file;
    }
}
