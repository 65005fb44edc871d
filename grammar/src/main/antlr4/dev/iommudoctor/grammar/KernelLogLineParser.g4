/*
 * The envelope of one kernel-log line: alternative line prefixes, then the body, whose first words may
 * name the origin (subsystem, driver, program) and the PCI device. See KernelLogLineLexer.g4 for the
 * formats with an example each. Alternatives are listed in priority order: where two match the same
 * line, ANTLR takes the first, and so does the scanner.
 */
parser grammar KernelLogLineParser;

options { tokenVocab = KernelLogLineLexer; }

line
    : blankLine
    | journalMarkLine
    | kmsgDictLine
    | indentLine
    | kmsgLine
    | libvirtLine
    | isoLine
    | syslogLine
    | kernelTagLine
    | dmesgLine
    ;

// "" or "   "
blankLine       : (SP | TAB)* end ;
// -- Reboot --
journalMarkLine : JOURNAL_MARK end ;
//  DEVICE=+pci:0000:01:00.0   (a /dev/kmsg dictionary line: exactly one leading space, an upper-case key)
kmsgDictLine    : SP key=WORD EQ (PLUS WORD COLON BDF)? rest end ;
//                BIOS vendor: American Megatrends Inc.   (continuation of the record above)
indentLine      : (SP | TAB)+ rest end ;
// 6,532,61644,-;DMAR: IOMMU enabled
kmsgLine        : KMSG_HEAD body end ;
// 2022-11-21 19:11:07.418+0000: 1841: error : qemuProcessReportLogError:2126 : internal error: ...
libvirtLine     : ISO_SP COLON SP (pid=NUM COLON SP (level=WORD SP COLON SP)?)? rest end ;
// 2026-11-25T10:00:01,061644+00:00 DMAR: IOMMU enabled
// 2026-11-25T10:00:01.123456+00:00 myhost kernel: DMAR: IOMMU enabled
// 2022-11-21T19:11:06.523456Z qemu-system-x86_64: -device ...
isoLine
    : ISO_COMMA SP? body end                # dmesgIso
    | ISO_T SP? hostTag end                 # syslogIso
    | (ISO_T | ISO_SP) SP? body end         # isoBare
    ;
// Nov  5 10:00:01 pve kernel: [ 2839.442981] vfio-pci 0000:01:00.0: BAR 3: can't reserve ...
syslogLine
    : SYSLOG_DATE SP hostTag end            # syslogTagged
    | SYSLOG_DATE SP syslogHost SP body end # syslogUntagged
    | SYSLOG_DATE SP body end               # syslogNoHost
    | SHORT_FULL SP hostTag end             # shortFull        // Wed 2026-11-25 10:00:01 UTC host kernel: ...
    ;
// kernel: [   13.134460] AMD-Vi: Event logged [    (syslog excerpt with date and host cut away)
kernelTagLine   : KERNEL COLON (SP | NL) kernelBody end ;
// <4>[    0.013013] DMAR-IR: ...    kern  :info  : [ 1.2] ...    [ 0.06] host kernel: ...    [drm] ...
// [2017-10-23 09:08:16.318] [    0.000000] WARNING: CPU: 0 PID: 0 at drivers/iommu/dmar.c:844 warn_invalid_dmar+0x70/0x7d
dmesgLine       : (CONSOLE_STAMP SP?)? levelPrefix? stamp? body end ;

levelPrefix     : RAW_LEVEL | DECODED ;
stamp
    : MONO SP? callerId? journalTag?        # monoStamp
    | CTIME SP? callerId?                   # ctimeStamp
    | RELTIME SP? callerId?                 # reltimeStamp
    ;
callerId        : CALLER_ID SP? ;
// journalctl -o short-monotonic: only "kernel:" or "name[pid]:" count, so "DMAR: ..." is never a tag
journalTag      : (host SP)? (kernelTag | pidTag) ;

hostTag
    : syslogHost SP kernelTag kernelBody    # kernelHostTag
    | syslogHost SP processTag rest         # processHostTag
    ;
kernelTag       : KERNEL COLON (SP | NL) ;
pidTag          : tagName LBRACK NUM RBRACK COLON (SP | NL) ;
processTag      : tagName (LBRACK NUM RBRACK)? COLON (SP | NL) ;
kernelBody      : (MONO SP? callerId?)? body ;

host            : hostPart+ ;
syslogHost      : (hostPart | LBRACK)+ ;
tagName         : hostPart+ ;
hostPart        : WORD | NUM | KERNEL | DOT | DASH | SLASH | PLUS | EQ | COMMA | SEMI | LT | GT | RBRACK | OTHER
                | TAB | RAW_LEVEL | KMSG_HEAD ;

// ---- the body and its origin prefix ----

body            : bodyHead? rest ;
bodyHead
    : LBRACK ident (RBRACK | COLON)                         # bracketOrigin   // [drm] ...  [drm:intel_dp_detect [i915]] ...
    | CALLER_ID                                             # callerOrigin    // [T1] in a body: same as [drm]
    | name SP BDF COLON (SP | NL)                           # deviceOrigin    // vfio-pci 0000:01:00.0: ...
    | name SP BDF SP netWord (SP netWord (SP netWord)?)? COLON (SP | NL)   # netdevOrigin   // ixgbe 0000:03:00.0 enp3s0f0: ...
    | name SP PCI_BUS (SP | NL)                             # busOrigin       // pci_bus 0000:00: ...
    | name LBRACK NUM RBRACK COLON (SP | NL)                # pidOrigin       // systemd[1]: ...
    | name COLON (SP | NL)                                  # prefixOrigin    // DMAR: ...  AMD-Vi: ...  qemu-system-x86_64: ...
    ;
ident           : WORD | NUM | KERNEL ;
name            : (ident | SLASH) (ident | SLASH | DOT | DASH)* ;
netWord         : (~(SP | COLON | NL))+ ;
rest            : (~NL)* ;
end             : NL? EOF ;
