package dev.iommudoctor.parser.internal;

import static dev.iommudoctor.grammar.KernelMessageParser.*;

import dev.iommudoctor.grammar.KernelMessageLexer;
import dev.iommudoctor.parser.event.*;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Converts a KernelMessage.g4 parse tree into its event record; ANTLR types end here. Alternatives
 * labelled {@code xx_NAME} in the grammar map to the enum constant {@code NAME}.
 */
final class KernelMessageEventBuilder {

    LogEvent build(MessageFamily family, ParserRuleContext tree, LogRecord r) {
        return switch (family) {
            case KERNEL_VERSION -> new KernelVersion(r, text(((KernelVersionContext) tree).release));
            case COMMAND_LINE -> new BootCommandLine(r, KernelParameter.parseAll(text(((CommandLineContext) tree).tail())));
            case UNKNOWN_PARAMETERS -> unknownParameters((UnknownParametersContext) tree, r);
            case DMI -> dmi((DmiContext) tree, r);
            case HYPERVISOR -> new HypervisorDetected(r, text(((HypervisorContext) tree).tail()).trim());
            case ACPI_TABLE -> acpiTable((AcpiTableContext) tree, r);
            case IOMMU_STATUS -> iommuStatus((IommuStatusContext) tree, r);
            case DEFAULT_DOMAIN -> new DefaultDomain(r, text(((DefaultDomainContext) tree).type),
                    optText(((DefaultDomainContext) tree).setBy).map(KernelMessageEventBuilder::setBy));
            case TLB_POLICY -> new TlbInvalidationPolicy(r, text(((TlbPolicyContext) tree).policy),
                    optText(((TlbPolicyContext) tree).setBy).map(KernelMessageEventBuilder::setBy));
            case GROUP_ADDED -> new IommuGroupAdded(r, PciAddress.parse(firstBdf(tree)),
                    Integer.parseInt(((GroupAddedContext) tree).group.getText()));
            case DRHD -> drhd((DrhdContext) tree, r);
            case RMRR_RANGE -> new DmarRmrrRange(r, ((RmrrRangeContext) tree).base.getText(), ((RmrrRangeContext) tree).end.getText());
            case FIRMWARE_BUG -> firmwareBug((FirmwareBugContext) tree, r);
            case BIOS_INFO -> biosInfo(((BiosInfoLineContext) tree).biosInfo(), r);
            case RMRR_INELIGIBLE -> new RmrrIneligible(r, PciAddress.parse(firstBdf(tree)));
            case INTEL_FAULT -> intelFault((IntelFaultContext) tree, r);
            case INTEL_FAULT_REASON -> throw new IllegalStateException("a fault reason line is merged by the classifier");
            case AMD_EVENT -> amdEvent(((AmdEventContext) tree).amdEventBody(), device(tree, r), r);
            case AMD_EVENT_CONTINUATION -> amdEvent(((AmdEventContinuationContext) tree).amdEventBody(), Optional.empty(), r);
            case FAULTS_SUPPRESSED -> new FaultsSuppressed(r, text(((FaultsSuppressedContext) tree).function),
                    Integer.parseInt(((FaultsSuppressedContext) tree).count.getText()));
            case FAULT_STATUS -> new FaultStatusReported(r, IommuVendor.INTEL, text(((FaultStatusContext) tree).status));
            case IRQ_REMAPPING -> irqRemapping((IrqRemappingContext) tree, r);
            case X2APIC -> x2apic((X2apicStatusContext) tree, r);
            case VFIO -> new VfioEvent(r, label(((VfioEventContext) tree).vfioBody(), VfioEventKind.class),
                    device(tree, r), detail(tree));
            case PASSTHROUGH -> passthrough((PassthroughErrorContext) tree, r);
            case ACS -> new AcsEvent(r, label(((AcsEventContext) tree).acsBody(), AcsEventKind.class), device(tree, r), detail(tree));
            case HUGEPAGES_REGISTERED -> new HugePagesRegistered(r, kib(((HugePagesRegisteredContext) tree).size),
                    Long.parseLong(((HugePagesRegisteredContext) tree).count.getText()));
            case HUGEPAGES_FAILED -> hugePagesFailed((HugePagesFailedContext) tree, r);
            case MTU -> mtu(((MtuEventContext) tree).mtuBody(), r);
            case SRIOV -> new SriovEnabled(r, device(tree, r), Integer.parseInt(((SriovEnabledContext) tree).count.getText()));
            case PCI_ENUMERATED -> pciEnumerated((PciEnumeratedContext) tree, r);
            case BOUNCE_BUFFERING -> new BounceBuffering(r, text(tree));
        };
    }

    /** The reason line of a <=3.x two-line Intel fault, merged into the fault of the first line. */
    DmaFault withReason(DmaFault head, ParserRuleContext reasonTree, LogRecord merged) {
        FaultReasonContext reason = ((IntelFaultReasonContext) reasonTree).faultReason();
        int code = reasonCode(text(reason.code));
        return new DmaFault(merged, head.vendor(), head.faultType(), head.device(), head.address(),
                Optional.of(hex2(code)), Optional.of(reasonText(reason, code)), head.pasid(), head.domain(), head.flags());
    }

    private static LogEvent unknownParameters(UnknownParametersContext c, LogRecord r) {
        String t = text(c.tail());
        int open = t.indexOf('"');
        int close = t.lastIndexOf('"');
        // the short-lived form "Unknown command line parameters:%s" has no quotes
        String quoted = open >= 0 && close > open ? t.substring(open + 1, close) : t.replaceFirst("^:", "");
        return new UnknownBootParameters(r, KernelParameter.parseAll(quoted));
    }

    private static LogEvent dmi(DmiContext c, LogRecord r) {
        return new DmiInfo(r, text(c.system).trim(), optText(c.bios).map(String::trim).filter(s -> !s.isEmpty()),
                Optional.ofNullable(c.DATE()).map(TerminalNode::getText));
    }

    private static LogEvent acpiTable(AcpiTableContext c, LogRecord r) {
        String table = c.table.getText();
        IommuVendor vendor = switch (table) {
            case "DMAR" -> IommuVendor.INTEL;
            case "IVRS" -> IommuVendor.AMD;
            default -> IommuVendor.ARM_SMMU;
        };
        return new IommuAcpiTable(r, table, vendor);
    }

    private static LogEvent iommuStatus(IommuStatusContext c, LogRecord r) {
        String detail = text(c.statusBody());
        IommuVendor vendor = c.vendor != null ? vendorOf(c.vendor.getText())
                : detail.startsWith("AMD") ? IommuVendor.AMD : IommuVendor.GENERIC;
        return new IommuStatus(r, vendor, label(c.statusBody(), IommuState.class), detail);
    }

    private static LogEvent drhd(DrhdContext c, LogRecord r) {
        int flags = Integer.parseInt(c.flags.getText().substring(2), 16);
        return new DmarDrhdUnit(r, c.base.getText(), flags, (flags & 1) != 0);
    }

    private static LogEvent firmwareBug(FirmwareBugContext c, LogRecord r) {
        FwBodyContext body = c.fwBody();
        String kind = labelName(body);
        BiosInfoContext bios = c.biosInfo();
        Optional<String> vendor = bios == null ? Optional.empty() : Optional.of(text(bios.vendor).trim());
        Optional<String> version = bios == null ? Optional.empty() : Optional.of(text(bios.version).trim());
        Optional<String> product = bios == null ? Optional.empty() : Optional.of(text(bios.product).trim());
        if (kind.startsWith("RMRR_")) {
            RangeContext range = body.getRuleContext(RangeContext.class, 0);
            Optional<String> rangeText = range == null ? Optional.empty()
                    : Optional.of(text(range).replaceAll("^\\[|\\]$", "").trim());
            return new RmrrFirmwareBug(r, rangeText, vendor, version, product, RmrrBugKind.valueOf(kind.substring(5)));
        }
        Optional<String> address = body instanceof Fw_DMAR_UNIT_INVALIDContext d ? Optional.of(text(d.address)) : Optional.empty();
        IommuVendor iv = c.vendor != null ? vendorOf(c.vendor.getText()) : IommuVendor.INTEL;
        return new IommuFirmwareBug(r, iv, FirmwareBugKind.valueOf(kind), address, vendor, version, product, text(body));
    }

    private static LogEvent biosInfo(BiosInfoContext b, LogRecord r) {
        return new FirmwareBiosInfo(r, text(b.vendor).trim(), text(b.version).trim(), text(b.product).trim());
    }

    private static LogEvent intelFault(IntelFaultContext c, LogRecord r) {
        String type = c.access != null ? text(c.access).replaceAll("\\s+", " ") : "INTR-REMAP";
        Optional<String> pasid = c.pasid != null ? Optional.of(text(c.pasid))
                : c.pasidTag() != null && c.pasidTag().atom() != null ? Optional.of(text(c.pasidTag().atom())) : Optional.empty();
        FaultReasonContext reason = c.faultReason();
        Optional<String> code = Optional.empty();
        Optional<String> reasonText = Optional.empty();
        if (reason != null) {
            int n = reasonCode(text(reason.code));
            code = Optional.of(hex2(n));
            reasonText = Optional.of(reasonText(reason, n));
        }
        return new DmaFault(r, IommuVendor.INTEL, type, Optional.of(PciAddress.parse(c.BDF().getText())),
                Optional.of(text(c.address)), code, reasonText, pasid, Optional.empty(), Optional.empty());
    }

    private static LogEvent amdEvent(AmdEventBodyContext body, Optional<PciAddress> prefixDevice, LogRecord r) {
        if (body == null) {
            return null; // dangling "AMD-Vi: Event logged [": the classifier waits for the body
        }
        Map<String, String> fields = new HashMap<>();
        for (EventFieldContext f : body.eventField()) {
            fields.putIfAbsent(text(f.key).toLowerCase(Locale.ROOT), text(f.value));
        }
        Optional<PciAddress> device = prefixDevice.isPresent() ? prefixDevice
                : Optional.ofNullable(fields.get("device")).map(PciAddress::tryParse);
        return new DmaFault(r, IommuVendor.AMD, text(body.type), device, Optional.ofNullable(fields.get("address")),
                Optional.empty(), Optional.empty(), Optional.ofNullable(fields.get("pasid")),
                Optional.ofNullable(fields.get("domain")), Optional.ofNullable(fields.get("flags")));
    }

    private static LogEvent irqRemapping(IrqRemappingContext c, LogRecord r) {
        IrBodyContext body = c.irBody();
        IommuVendor vendor = c.vendor != null ? vendorOf(c.vendor.getText()) : IommuVendor.INTEL;
        Optional<String> mode = body instanceof Ir_ENABLEDContext e && e.irMode != null ? Optional.of(text(e.irMode)) : Optional.empty();
        return new InterruptRemapping(r, vendor, label(body, IrqRemapState.class), mode);
    }

    private static LogEvent x2apic(X2apicStatusContext c, LogRecord r) {
        String kind = labelName(c.x2Body());
        String detail = text(c.x2Body());
        boolean enabled = switch (kind) {
            case "ENABLED" -> true;
            case "DISABLED" -> false;
            default -> detail.toLowerCase(Locale.ROOT).contains("x2apic");
        };
        return new X2apicStatus(r, enabled, detail);
    }

    private static LogEvent passthrough(PassthroughErrorContext c, LogRecord r) {
        PtBodyContext body = c.ptBody();
        OptionalInt group = OptionalInt.empty();
        List<Token> toks = tokens(body);
        for (int i = 0; i + 1 < toks.size(); i++) {
            if (toks.get(i).getText().equals("group") && toks.get(i + 1).getType() == KernelMessageLexer.NUMBER) {
                group = OptionalInt.of(Integer.parseInt(toks.get(i + 1).getText()));
                break;
            }
        }
        String bdf = firstBdf(c);
        Optional<PciAddress> device = bdf != null ? Optional.ofNullable(PciAddress.tryParse(bdf)) : r.device();
        return new PassthroughError(r, label(body, PassthroughErrorKind.class), device, group, text(body));
    }

    private static LogEvent hugePagesFailed(HugePagesFailedContext c, LogRecord r) {
        return new HugePageAllocationFailed(r, kib(c.size), Long.parseLong(c.requested.getText()),
                Long.parseLong(c.allocated.getText()));
    }

    private static LogEvent mtu(MtuBodyContext body, LogRecord r) {
        Token mtu = null;
        AtomContext iface = null;
        if (body instanceof Mtu_CHANGEDContext m) {
            mtu = m.mtu;
        } else if (body instanceof Mtu_LEGACY_VF_LIMITContext m) {
            mtu = m.mtu;
        } else if (body instanceof Mtu_CHANGE_FAILEDContext m) {
            mtu = m.mtu;
        } else if (body instanceof Mtu_OVER_MTU_DROPContext m) {
            mtu = m.mtu;
            iface = m.iface;
        } else if (body instanceof Mtu_INVALIDContext m) {
            iface = m.iface;
        }
        DevPrefixContext prefix = body.getRuleContext(DevPrefixContext.class, 0);
        if (prefix != null && prefix.ifname != null) {
            iface = prefix.ifname;
        }
        OptionalInt value = mtu == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(mtu.getText()));
        return new MtuEvent(r, Optional.ofNullable(iface).map(KernelMessageEventBuilder::text),
                label(body, MtuEventKind.class), value, detail(body));
    }

    private static LogEvent pciEnumerated(PciEnumeratedContext c, LogRecord r) {
        return new PciEnumerated(r, PciAddress.parse(c.devPrefix().BDF().getText()), lower(c.vendorId.getText()),
                lower(c.deviceId.getText()), lower(c.classCode.getText().substring(2)));
    }

    // ------------------------------------------------------------------ helpers

    private static String reasonText(FaultReasonContext reason, int code) {
        String printed = text(reason.reason).trim();
        return printed.isEmpty() ? IntelFaultReasons.describe(code) : printed;
    }

    /** {@code 0x06} is hex (5.14+); {@code 06} and {@code 34} are the decimal {@code %02d} of older kernels. */
    private static int reasonCode(String printed) {
        return printed.startsWith("0x") ? Integer.parseInt(printed.substring(2), 16) : Integer.parseInt(printed);
    }

    private static String hex2(int code) {
        return String.format(Locale.ROOT, "%02x", code);
    }

    private static String setBy(String parenthesised) {
        String s = parenthesised.trim();
        return s.startsWith("set via ") ? s.substring("set via ".length()) : s;
    }

    private static long kib(PageSizeContext size) {
        double n = Double.parseDouble(size.number.getText());
        String unit = size.unit.getText().toUpperCase(Locale.ROOT);
        long factor = unit.startsWith("G") ? 1024L * 1024 : unit.startsWith("M") ? 1024 : unit.startsWith("T") ? 1024L * 1024 * 1024 : 1;
        return Math.round(n * factor);
    }

    private static IommuVendor vendorOf(String tag) {
        return switch (tag) {
            case "DMAR", "DMAR-IR", "Intel-IOMMU", "INTR-REMAP" -> IommuVendor.INTEL;
            case "AMD-Vi", "perf/amd_iommu" -> IommuVendor.AMD;
            default -> IommuVendor.GENERIC;
        };
    }

    private static <E extends Enum<E>> E label(ParserRuleContext alt, Class<E> type) {
        return Enum.valueOf(type, labelName(alt));
    }

    /** {@code St_ENABLEDContext} -> {@code ENABLED}: the label the grammar put on the alternative. */
    private static String labelName(ParserRuleContext alt) {
        String n = alt.getClass().getSimpleName();
        int underscore = n.indexOf('_');
        if (underscore < 0 || !n.endsWith("Context")) {
            throw new IllegalStateException("unlabelled alternative " + n);
        }
        return n.substring(underscore + 1, n.length() - "Context".length());
    }

    /** The device of the first PCI address in the tree, else the envelope's device. */
    private static Optional<PciAddress> device(ParserRuleContext tree, LogRecord r) {
        String bdf = firstBdf(tree);
        return bdf != null ? Optional.ofNullable(PciAddress.tryParse(bdf)) : r.device();
    }

    private static String firstBdf(ParseTree t) {
        if (t instanceof TerminalNode n) {
            return n.getSymbol().getType() == KernelMessageLexer.BDF ? n.getText() : null;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            String found = firstBdf(t.getChild(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The message after a device prefix, or the whole text of the tree. */
    private static String detail(ParserRuleContext tree) {
        DevPrefixContext prefix = findPrefix(tree);
        if (prefix == null) {
            return text(tree).trim();
        }
        String all = tree.start.getInputStream().getText(Interval.of(prefix.stop.getStopIndex() + 1, tree.stop.getStopIndex()));
        return all.trim();
    }

    private static DevPrefixContext findPrefix(ParseTree t) {
        if (t instanceof DevPrefixContext d) {
            return d;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            if (t.getChild(i) instanceof ParserRuleContext child) {
                DevPrefixContext d = findPrefix(child);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static List<Token> tokens(ParserRuleContext c) {
        List<Token> out = new java.util.ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(ParseTree t, List<Token> out) {
        if (t instanceof TerminalNode n) {
            out.add(n.getSymbol());
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collect(t.getChild(i), out);
        }
    }

    private static Optional<String> optText(ParserRuleContext c) {
        return c == null ? Optional.empty() : Optional.of(text(c));
    }

    /** The source text a context spans, with its original spacing; empty for an empty match. */
    private static String text(ParserRuleContext c) {
        if (c.stop == null || c.start == null || c.stop.getType() == Token.EOF
                || c.stop.getStopIndex() < c.start.getStartIndex()) {
            return c.stop != null && c.stop.getType() == Token.EOF && c.start != null && c.start.getType() != Token.EOF
                    ? c.start.getInputStream().getText(Interval.of(c.start.getStartIndex(), c.stop.getStartIndex() - 1)).trim()
                    : "";
        }
        return c.start.getInputStream().getText(Interval.of(c.start.getStartIndex(), c.stop.getStopIndex()));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
