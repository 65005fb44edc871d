/*
 * Tokens of ONE kernel-log line (the adapter appends '\n' so that "followed by a space or the end of the
 * line" can be written as [ \n]). Together with KernelLogLineParser.g4 this is the specification of the
 * line envelope of every kernel-log flavour; the hand-written KernelLogEnvelopeScanner in parser/internal
 * implements the same envelope for speed, and a differential test holds the two together.
 *
 * Formats, one example line each:
 *   dmesg                      [   12.345678] DMAR: IOMMU enabled
 *   dmesg, printk caller id    [    1.234567] [T123] vfio-pci 0000:01:00.0: enabling device (0000 -> 0003)
 *   dmesg -T                   [Wed Nov 25 10:00:01 2026] DMAR: IOMMU enabled
 *   dmesg -d                   [    0.061644 <    0.000012>] DMAR: IOMMU enabled
 *   dmesg -e / -H              [Nov25 10:00] DMAR: IOMMU enabled      then   [  +0.000123] DMAR: Host address width 39
 *   dmesg --time-format=iso    2026-11-25T10:00:01,061644+00:00 DMAR: IOMMU enabled
 *   dmesg -r                   <6>[    0.061644] DMAR: IOMMU enabled
 *   serial-console capture     [2017-10-23 09:08:16.318] [    0.000000] Your BIOS is broken; DMAR reported at ...
 *   dmesg -x                   kern  :info  : [    0.061644] DMAR: IOMMU enabled
 *   dmesg -t, hw-probe         [drm] radeon kernel modesetting enabled.
 *   /dev/kmsg                  6,532,61644,-;DMAR: IOMMU enabled      then   " DEVICE=+pci:0000:01:00.0"
 *   rsyslog kern.log           Nov  5 10:00:01 pve kernel: [ 2839.442981] vfio-pci 0000:01:00.0: BAR 3: can't reserve
 *   rsyslog RFC 3339           2026-11-25T10:00:01.123456+00:00 myhost kernel: DMAR: IOMMU enabled
 *   journalctl -k (locale)     oct. 13 21:14:33 ordi kernel: DMAR: IOMMU enabled
 *   journalctl short-precise   Nov 25 10:00:01.123456 myhost kernel: DMAR: IOMMU enabled
 *   journalctl short-iso       2026-11-25T10:00:01+0000 myhost kernel: DMAR: IOMMU enabled
 *   journalctl short-full      Wed 2026-11-25 10:00:01 UTC myhost kernel: DMAR: IOMMU enabled
 *   journalctl short-monotonic [    0.061644] myhost kernel: DMAR: IOMMU enabled
 *   journalctl separators      -- Boot 3f2c8e5a0c6b4c6c9b1e6b8e7d2a4f11 --
 *   user-space process         Oct 31 20:09:02 host systemd[1]: Started Journal Service.
 *   libvirt                    2022-11-21 19:11:07.418+0000: 1841: error : qemuProcessReportLogError:2126 : internal error
 *   QEMU                       2022-11-21T19:11:06.523456Z qemu-system-x86_64: -device ...: vfio 0000:28:00.0: group 13 is not viable
 *   continuation               "               BIOS vendor: American Megatrends Inc.; Ver: 3.11.2150"
 *
 * The multi-character tokens below are whole stamps: the lexer takes the longest match, so "[    0.061644]"
 * is one MONO token while "[drm]" (letters, not digits.digits) falls apart into LBRACK WORD RBRACK and can
 * never be mistaken for a stamp. Names that need a particular spelling (kernel) get their own token,
 * declared before WORD: on equal length the first rule wins.
 */
lexer grammar KernelLogLineLexer;

// ---- stamps and prefixes (whole tokens) ----

// [    0.061644]   [    0.061644 <    0.000012>]   (dmesg -d adds the delta)
MONO        : '[' ' '* D+ '.' D+ (' <' ' '* D+ '.' D+ '>')? ']' ;
// [Nov25 10:00]   [  +0.000123]   (dmesg -e / -H)
RELTIME     : '[' Name D D ' ' D D ':' D D ']' | '[' ' '* '+' D+ '.' D+ ']' ;
// Wed 2026-11-25 10:00:01 UTC   (journalctl -o short-full)
SHORT_FULL  : Name ' ' Date ' ' Clock ('.' D+)? ' ' [A-Za-z0-9+\-]+ ;
// [T123]  [    T1]  [C1]   (CONFIG_PRINTK_CALLER)
CALLER_ID   : '[' ' '* [TC] D+ ']' ;
// [Wed Nov 25 10:00:01 2026]  [Thu Nov  5 10:00:01 2026]  (names in any locale)
CTIME       : '[' Name ' ' Name ' ' ' '? D D? ' ' Clock ' ' D D D D ']' ;
// [2017-10-23 09:08:16.318]   (serial-console capture stamp in front of a dmesg line)
CONSOLE_STAMP : '[' Date [ T] Clock ('.' D+)? ']' ;
// <6>  <30>
RAW_LEVEL   : '<' D D? D? '>' ;
// kern  :info  : 
DECODED     : Facility ' '* ':' Level ' '* ': ' ;
// 6,532,61644,-;   6,532,61644,-,caller=T1;
KMSG_HEAD   : D+ ',' D+ ',' D+ ',' ~[;\n]+ ';' ;
// 2026-11-25T10:00:01,061644+00:00   (dmesg --time-format=iso: comma before the fraction)
ISO_COMMA   : Date [T ] Clock ',' D+ Zone? ;
// 2026-11-25T10:00:01.123456+00:00   2022-11-21T19:11:06.523456Z   2026-11-25T10:00:01+0000
ISO_T       : Date 'T' Clock ('.' D+)? Zone? ;
// 2022-11-21 19:11:06.123+0000
ISO_SP      : Date ' ' Clock ('.' D+)? Zone? ;
// Nov  5 10:00:01   oct. 13 21:14:33   Nov 25 10:00:01.123456
SYSLOG_DATE : Name ' ' ' '? D D? ' ' Clock ('.' D+)? ;
// -- Boot 3f2c8e5a0c6b4c6c9b1e6b8e7d2a4f11 --   (the longest match ends at the last "--" of the line)
JOURNAL_MARK: '-- ' ~[\n]* '--' ;
// 0000:01:00.0   (sysfs PCI function name)
BDF         : H H H H ':' H H ':' H H '.' [0-7] ;
// 0000:00:       (pci_bus dev_printk name)
PCI_BUS     : H H H H ':' H H ':' ;
// 10:00:01
CLOCK       : Clock ;

// ---- words ----

KERNEL      : 'kernel' ;
NUM         : D+ ;
WORD        : [\p{L}0-9_]+ ;

// ---- single characters ----

LBRACK : '[' ;
RBRACK : ']' ;
COLON  : ':' ;
SEMI   : ';' ;
COMMA  : ',' ;
DOT    : '.' ;
DASH   : '-' ;
PLUS   : '+' ;
SLASH  : '/' ;
EQ     : '=' ;
LT     : '<' ;
GT     : '>' ;
SP     : ' ' ;
TAB    : '\t' ;
NL     : '\n' ;
// anything else ('(', '@', '*', non-letters ...): bodies are free text
OTHER  : . ;

// ---- fragments ----

fragment D        : [0-9] ;
fragment H        : [0-9a-fA-F] ;
fragment L        : [\p{L}] ;
// a month or day name in any locale: "Nov", "oct.", "déc.", "févr.", "mai", "Okt", "Mär"
fragment Name     : L L L? L? L? L? '.'? ;
fragment Clock    : D D ':' D D ':' D D ;
fragment Date     : D D D D '-' D D '-' D D ;
fragment Zone     : 'Z' | [+-] D D (':'? D D)? ;
fragment Facility : 'kern' | 'user' | 'mail' | 'daemon' | 'auth' | 'syslog' | 'lpr' | 'news' | 'uucp' | 'cron'
                  | 'authpriv' | 'ftp' | 'local' [0-7] ;
fragment Level    : 'emerg' | 'alert' | 'crit' | 'err' | 'warn' | 'notice' | 'info' | 'debug' ;
