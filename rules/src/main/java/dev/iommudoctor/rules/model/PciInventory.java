package dev.iommudoctor.rules.model;

import dev.iommudoctor.parser.api.SourceSpan;
import dev.iommudoctor.parser.event.IommuGroupAdded;
import dev.iommudoctor.parser.event.IommuGroupMember;
import dev.iommudoctor.parser.event.NodeDevice;
import dev.iommudoctor.parser.event.PciAddress;
import dev.iommudoctor.parser.event.PciDevice;
import dev.iommudoctor.parser.event.PciEnumerated;
import dev.iommudoctor.rules.api.EvidenceLine;
import dev.iommudoctor.parser.event.SysfsAttribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PCI function of the host and every IOMMU group, merged from whatever the bundle has. A later,
 * more direct source wins a fact: lspci and sysfs over libvirt XML, those over the kernel log.
 */
public final class PciInventory {

    private static final Pattern CLASS_CODE = Pattern.compile("\\[([0-9a-fA-F]{4})\\]");
    private static final Pattern SYSFS_PCI = Pattern.compile("sys/bus/pci/devices/([^/]+)/([a-z_]+)");
    private static final Pattern IDS = Pattern.compile("\\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\\]");

    private final Map<PciAddress, PciFunction> functions;
    private final Map<Integer, List<PciAddress>> groups;

    private PciInventory(Map<PciAddress, PciFunction> functions) {
        this.functions = functions;
        Map<Integer, List<PciAddress>> g = new TreeMap<>();
        for (PciFunction f : functions.values()) {
            f.iommuGroup().ifPresent(n -> g.computeIfAbsent(n, k -> new ArrayList<>()).add(f.address()));
        }
        this.groups = g;
    }

    public Collection<PciFunction> functions() {
        return functions.values();
    }

    public Optional<PciFunction> get(PciAddress address) {
        return Optional.ofNullable(functions.get(address));
    }

    /** Group number to its members, sorted. */
    public Map<Integer, List<PciAddress>> groups() {
        return groups;
    }

    public List<PciFunction> groupMembers(int group) {
        return groups.getOrDefault(group, List.of()).stream().map(functions::get).toList();
    }

    /** Functions whose vendor:device id is {@code id} ({@code 10de:1b80}). */
    public List<PciFunction> withId(String id) {
        return functions.values().stream().filter(f -> f.vendorDevice().map(id::equalsIgnoreCase).orElse(false)).toList();
    }

    public boolean isEmpty() {
        return functions.isEmpty();
    }

    /** Mutable accumulator fed in source order of strength (weakest first). */
    static final class Builder {
        private final Map<PciAddress, Acc> acc = new TreeMap<>();

        private Acc at(PciAddress a) {
            return acc.computeIfAbsent(a, Acc::new);
        }

        void kernelLogDriver(PciAddress a, String driver, SourceSpan span, String text) {
            Acc x = at(a);
            x.driver = Optional.of(driver);
            x.driverSource = Optional.of(EvidenceLine.of(span, text));
        }

        void enumerated(PciEnumerated e) {
            Acc x = at(e.device());
            x.vendorId = Optional.of(e.vendorId());
            x.deviceId = Optional.of(e.deviceId());
            if (e.classCode().length() >= 4) {
                x.classCode = Optional.of(e.classCode().replace("0x", "").substring(0, 4));
            }
        }

        void groupAdded(IommuGroupAdded e) {
            Acc x = at(e.device());
            x.group = OptionalInt.of(e.group());
            x.groupSource = Optional.of(EvidenceLine.of(e.span(), e.record().text()));
        }

        void groupMember(IommuGroupMember m) {
            Acc x = at(m.device());
            x.group = OptionalInt.of(m.group());
            x.groupSource = Optional.of(EvidenceLine.of(m.span(), "group " + m.group() + ": " + m.device()
                    + m.description().map(d -> " " + d).orElse("")));
            m.vendorDeviceId().ifPresent(id -> {
                String[] p = id.split(":");
                if (p.length == 2) {
                    x.vendorId = Optional.of(p[0]);
                    x.deviceId = Optional.of(p[1]);
                }
            });
            m.description().ifPresent(d -> {
                Matcher c = CLASS_CODE.matcher(d);
                if (c.find()) {
                    x.classCode = Optional.of(c.group(1).toLowerCase());
                }
                int colon = d.indexOf(": ");
                if (colon > 0) {
                    x.className = Optional.of(d.substring(0, colon).replaceAll(" \\[[0-9a-fA-F]{4}\\]$", ""));
                    x.description = Optional.of(IDS.matcher(d.substring(colon + 2)).replaceAll("").trim());
                } else {
                    x.description = Optional.of(d);
                }
            });
        }

        void nodeDevice(NodeDevice n) {
            Acc x = at(n.address());
            n.driver().ifPresent(d -> {
                x.driver = Optional.of(d);
                x.driverSource = Optional.of(EvidenceLine.of(n.span(), n.name() + ": <driver><name>" + d + "</name></driver>"));
            });
            n.vendorId().ifPresent(v -> x.vendorId = Optional.of(strip0x(v)));
            n.productId().ifPresent(v -> x.deviceId = Optional.of(strip0x(v)));
            n.productName().ifPresent(v -> x.description = Optional.of(n.vendorName().map(vn -> vn + " ").orElse("") + v));
            n.pciClass().ifPresent(c -> {
                String hex = strip0x(c);
                if (hex.length() >= 4) {
                    x.classCode = Optional.of(hex.substring(0, 4));
                }
            });
            if (n.numaNode().isPresent()) {
                x.numa = n.numaNode();
            }
            if (n.iommuGroup().isPresent()) {
                x.group = n.iommuGroup();
                EvidenceLine line = EvidenceLine.of(n.span(), n.name() + ": <iommuGroup number='" + n.iommuGroup().getAsInt() + "'>");
                x.groupSource = Optional.of(line);
                for (PciAddress member : n.groupMembers()) {
                    Acc m = at(member);
                    if (m.group.isEmpty()) {
                        m.group = n.iommuGroup();
                        m.groupSource = Optional.of(line);
                    }
                }
            }
        }

        void lspci(PciDevice d) {
            Acc x = at(d.address());
            x.lspci = Optional.of(d);
            d.vendorId().ifPresent(v -> x.vendorId = Optional.of(v));
            d.deviceId().ifPresent(v -> x.deviceId = Optional.of(v));
            d.classCode().ifPresent(v -> x.classCode = Optional.of(v));
            x.className = Optional.of(d.className());
            String desc = (d.vendor().orElse("") + " " + d.deviceName().orElse("")).trim();
            if (!desc.isEmpty()) {
                x.description = Optional.of(desc);
            }
            if (d.driverInUse().isPresent()) {
                x.driver = d.driverInUse();
                x.driverSource = Optional.of(keyLine(d, "Kernel driver in use", d.driverInUse().get()));
            } else if (!d.kernelModules().isEmpty() || d.capabilities().size() > 0) {
                // a verbose/-k dump that prints no driver line means no driver is bound
                x.driver = Optional.empty();
                x.driverSource = Optional.of(EvidenceLine.of(d.span(), d.address() + " " + d.className() + ": no 'Kernel driver in use' line"));
            }
            if (!d.kernelModules().isEmpty()) {
                x.modules = List.copyOf(d.kernelModules());
            }
            if (d.numaNode().isPresent()) {
                x.numa = d.numaNode();
            }
            if (d.iommuGroup().isPresent()) {
                x.group = d.iommuGroup();
                x.groupSource = Optional.of(d.keyLines().containsKey("IOMMU group")
                        ? keyLine(d, "IOMMU group", String.valueOf(d.iommuGroup().getAsInt()))
                        : EvidenceLine.of(d.span(), d.address() + " " + d.className() + ": IOMMU group " + d.iommuGroup().getAsInt()));
            }
        }

        /**
         * One attribute of {@code sys/bus/pci/devices/<address>/}: ids and class ({@code 0x10de},
         * {@code 0x030000}), {@code numa_node}, and the {@code driver}/{@code iommu_group} links stored as
         * their target ({@code ../../../bus/pci/drivers/vfio-pci}, {@code ../../../kernel/iommu_groups/12}).
         * Returns false for attributes of other sysfs trees.
         */
        boolean sysfs(SysfsAttribute a) {
            Matcher m = SYSFS_PCI.matcher(a.path());
            if (!m.matches()) {
                return false;
            }
            PciAddress address = PciAddress.tryParse(m.group(1));
            if (address == null) {
                return false;
            }
            Acc x = at(address);
            String v = a.value().strip();
            switch (m.group(2)) {
                case "vendor" -> x.vendorId = hex(v, 4);
                case "device" -> x.deviceId = hex(v, 4);
                case "class" -> {
                    x.classCode = hex(v, 6).map(c -> c.substring(0, 4));
                    if (x.className.isEmpty()) {
                        x.className = x.classCode.flatMap(PciClassNames::of);
                    }
                }
                case "driver" -> {
                    x.driver = Optional.of(v.substring(v.lastIndexOf('/') + 1)).filter(d -> !d.isEmpty());
                    x.driverSource = Optional.of(EvidenceLine.of(a.span(), a.path() + " -> " + v));
                }
                case "iommu_group" -> {
                    try {
                        x.group = OptionalInt.of(Integer.parseInt(v.substring(v.lastIndexOf('/') + 1)));
                        x.groupSource = Optional.of(EvidenceLine.of(a.span(), a.path() + " -> " + v));
                    } catch (NumberFormatException e) {
                        // not a group link; the other facts stand
                    }
                }
                case "numa_node" -> {
                    try {
                        int node = Integer.parseInt(v);
                        if (node >= 0) {  // -1: the platform has no NUMA information for this device
                            x.numa = OptionalInt.of(node);
                        }
                    } catch (NumberFormatException e) {
                        // unreadable attribute
                    }
                }
                default -> { }
            }
            return true;
        }

        /** sysfs device directories read without a {@code driver} link: no driver is bound now. */
        void sysfsUnbound(Set<PciAddress> withDriverLink, Map<PciAddress, SourceSpan> seen) {
            seen.forEach((address, span) -> {
                if (!withDriverLink.contains(address)) {
                    Acc x = at(address);
                    x.driver = Optional.empty();
                    x.driverSource = Optional.of(EvidenceLine.of(span, "sys/bus/pci/devices/" + address + ": no driver link (unbound)"));
                }
            });
        }

        private static Optional<String> hex(String v, int digits) {
            String h = v.toLowerCase().startsWith("0x") ? v.substring(2).toLowerCase() : v.toLowerCase();
            return h.length() == digits && h.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? Optional.of(h) : Optional.empty();
        }

        PciInventory build() {
            Map<PciAddress, PciFunction> out = new TreeMap<>();
            for (Acc x : acc.values()) {
                Optional<String> className = x.className.or(() -> x.classCode.flatMap(PciClassNames::of));
                out.put(x.address, new PciFunction(x.address, x.vendorId, x.deviceId, x.classCode, className,
                        x.description, x.driver, x.driverSource, x.modules, x.numa, x.group, x.groupSource, x.lspci));
            }
            return new PciInventory(out);
        }

        /** The exact lspci body line {@code key: value}, or the block's first line when the line is unknown. */
        private static EvidenceLine keyLine(PciDevice d, String key, String value) {
            Integer line = d.keyLines().get(key);
            SourceSpan span = line == null ? d.span() : new SourceSpan(d.span().source(), line, line);
            return EvidenceLine.of(span, key + ": " + value);
        }

        private static String strip0x(String s) {
            return s.toLowerCase().startsWith("0x") ? s.substring(2).toLowerCase() : s.toLowerCase();
        }
    }

    private static final class Acc {
        final PciAddress address;
        Optional<String> vendorId = Optional.empty();
        Optional<String> deviceId = Optional.empty();
        Optional<String> classCode = Optional.empty();
        Optional<String> className = Optional.empty();
        Optional<String> description = Optional.empty();
        Optional<String> driver = Optional.empty();
        Optional<EvidenceLine> driverSource = Optional.empty();
        List<String> modules = List.of();
        OptionalInt numa = OptionalInt.empty();
        OptionalInt group = OptionalInt.empty();
        Optional<EvidenceLine> groupSource = Optional.empty();
        Optional<PciDevice> lspci = Optional.empty();

        Acc(PciAddress address) {
            this.address = address;
        }
    }
}
