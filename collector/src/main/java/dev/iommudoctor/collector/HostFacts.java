package dev.iommudoctor.collector;

import dev.iommudoctor.collector.telemetry.Telemetry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The identifying values of a host the redactor must know before it starts: names, users, serials. */
final class HostFacts {

    private HostFacts() {
    }

    static Optional<String> hostname(HostRoot root, Telemetry t) {
        for (String p : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            String v = FileCapture.attribute(root.path(p));
            if (v != null && !v.isBlank()) {
                return Optional.of(v.lines().findFirst().orElse(v).strip());
            }
        }
        if (t != null && t.os() != null && t.os().hostname() != null) {
            return Optional.of(t.os().hostname());
        }
        return Optional.empty();
    }

    static Set<String> hostnames(HostRoot root, Telemetry t) {
        Set<String> names = new LinkedHashSet<>();
        hostname(root, t).ifPresent(names::add);
        String etc = FileCapture.attribute(root.path("/etc/hostname"));
        if (etc != null && !etc.isBlank()) {
            names.add(etc.strip());
        }
        if (t != null && t.os() != null && t.os().hostname() != null) {
            names.add(t.os().hostname());
        }
        if (root.live()) {
            try {
                names.add(InetAddress.getLocalHost().getCanonicalHostName());
                names.add(InetAddress.getLocalHost().getHostName());
            } catch (IOException | SecurityException e) {
                // the other names are enough
            }
        }
        names.removeIf(n -> n.isBlank() || n.equals("localhost") || n.equals("localhost.localdomain") || n.matches("[0-9.:]+"));
        return names;
    }

    /** People's accounts from /etc/passwd (uid 1000..65533) and, live, the user running the collector. */
    static Set<String> users(HostRoot root) {
        Set<String> users = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(root.path("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].matches("\\d+")) {
                    long uid = Long.parseLong(f[2]);
                    if (uid >= 1000 && uid < 65534) {
                        users.add(f[0]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no passwd (a container): the running user below is still known
        }
        if (root.live()) {
            String me = System.getProperty("user.name");
            if (me != null && !me.equals("root")) {
                users.add(me);
            }
        }
        return users;
    }

    static Set<String> serials(Telemetry t) {
        Set<String> s = new LinkedHashSet<>();
        if (t != null && t.board() != null) {
            if (t.board().serial() != null) {
                s.add(t.board().serial());
            }
            if (t.board().systemSerial() != null) {
                s.add(t.board().systemSerial());
            }
        }
        return s;
    }
}
