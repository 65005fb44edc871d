/*
 * Lexer for lspci output, one device block at a time (the Java side splits the file at column-0
 * device headers and feeds each block here). Accepted forms:
 *   terse      01:00.0 VGA compatible controller: NVIDIA Corporation GP104 [GeForce GTX 1080] (rev a1)
 *   -nn        01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)
 *   -n         01:00.0 0300: 10de:1b80 (rev a1)
 *   -D         0000:01:00.0 VGA compatible controller: ...
 *   -v/-vvv/-k body lines   "\tKernel driver in use: vfio-pci", "\t\tDevCap:\tMaxPayload 256 bytes, ..."
 *   -x..-xxxx  hex rows     "00: 86 80 c9 10 07 05 10 00 01 00 00 02 10 00 00 00"
 * Indentation is TABs or the 8-space runs that tab expansion leaves behind.
 *
 * The grammar is structural on purpose: it finds the header parts, the indentation level and the
 * kind of each body line (capability header, "Key: value", plain text); the meaning of values is read
 * by the Java event builder (parser/internal/LspciEventBuilder).
 */
lexer grammar LspciLexer;

// ---------------------------------------------------------------- DEFAULT mode: start of a line

// 0000:01:00.0 or 01:00.0; -P/-PP paths print 00:01.0/01:00.0 (the last element is the device)
SLOT        : Bdf ('/' Bdf)* -> mode(HEADER) ;

// 00: 86 80 c9 10 07 05 10 00 01 00 00 02 10 00 00 00   (config-space dump row, never a device)
HEX_ROW     : HexDigit HexDigit HexDigit? ':' (' ' HexDigit HexDigit)+ [ \t]* Nl ;

// Three levels, longest first. A level is one TAB or eight spaces; trailing blanks belong to the
// indentation ("\t\t\t 10BitTagComp+ ..." continuation lines carry one extra space).
// \t\t\tExtTag+ AttnBtn- AttnInd- PwrInd- RBE+ FLReset- TEE-IO-
INDENT3     : Ind Ind Ind [ \t]* -> mode(BODY) ;
// \t\tDevCap:\tMaxPayload 256 bytes, PhantFunc 0
INDENT2     : Ind Ind ' '* -> mode(BODY) ;
// \tKernel driver in use: vfio-pci   (a run of fewer than 8 spaces also counts as one level)
INDENT1     : (Ind ' '* | ' '+) -> mode(BODY) ;

// the end of an empty line (CR is stripped by the line reader; accepted anyway)
NL          : '\r'? '\n' ;

// Anything else at column 0 ("!!! Unknown header type", a pasted shell prompt). One character and
// `more`, so that SLOT and HEX_ROW, being longer, win the longest-match contest.
STRAY_START : ~[ \t\r\n] -> more, mode(STRAY_LINE) ;

// ---------------------------------------------------------------- header: after the slot
mode HEADER;

// " VGA compatible controller [0300]"  (everything up to the first colon)
CLASS_TEXT  : ~[:\r\n]+ ;
// ": " between class and vendor/device
CLASS_SEP   : ':' ' '? -> mode(DESC) ;
// end of a header cut before its colon: "07:00.0 Signal processing contr"
H_NL        : '\r'? '\n' -> type(NL), mode(DEFAULT_MODE) ;

// ---------------------------------------------------------------- header: vendor and device part
mode DESC;

// (rev a1)
REV         : '(rev ' HexDigit HexDigit ')' ;
// (prog-if 00 [VGA controller])  or  (prog-if 30)
PROG_IF     : '(prog-if ' HexDigit HexDigit (' [' ~[\]\r\n]* ']')? ')' ;
// [10de:1b80]  (-nn)
IDS         : '[' Hex4 ':' Hex4 ']' ;
// 10de:1b80  (-n); listed before WORD so that the tie on length goes to it
NUM_IDS     : Hex4 ':' Hex4 ;
// NVIDIA, Corporation, [GeForce, 1080]
WORD        : ~[ \t\r\n]+ ;
// the blanks between words
SP          : [ \t]+ ;
// end of the header line
D_NL        : '\r'? '\n' -> type(NL), mode(DEFAULT_MODE) ;

// ---------------------------------------------------------------- indented body line
// One token per line content, newline included: body lines are 95% of a -vvv dump and every token and
// lexer action costs, so the key/value split of a KV_LINE is left to the event builder (first colon).
mode BODY;

// Capabilities: [60] Power Management version 3   (before KV_LINE: same length, first rule wins)
CAP_LINE    : 'Capabilities:' ~[\r\n]* Nl -> mode(DEFAULT_MODE) ;
// Kernel driver in use: vfio-pci      DevCap:\tMaxPayload 256 bytes, PhantFunc 0
KV_LINE     : ~[:\r\n]+ ':' ~[\r\n]* Nl -> mode(DEFAULT_MODE) ;
// Memory at f6000000 (32-bit, non-prefetchable) [size=16M]   (no colon; on a line with one KV_LINE is longer)
TEXT_LINE   : ~[:\r\n]+ Nl -> mode(DEFAULT_MODE) ;
// : a line that starts with a colon, kept whole
COLON_LINE  : ':' ~[\r\n]* Nl -> type(TEXT_LINE), mode(DEFAULT_MODE) ;
// indentation followed by nothing
B_NL        : Nl -> type(NL), mode(DEFAULT_MODE) ;

// ---------------------------------------------------------------- unexpected column-0 text
mode STRAY_LINE;

// !!! Unknown header type 7f   (newline included)
STRAY       : ~[\r\n]* Nl -> mode(DEFAULT_MODE) ;

// ---------------------------------------------------------------- fragments
fragment Bdf      : (Hex4 ':')? HexDigit HexDigit ':' HexDigit HexDigit '.' [0-7] ;
fragment Hex4     : HexDigit HexDigit HexDigit HexDigit ;
fragment HexDigit : [0-9a-fA-F] ;
fragment Ind      : '\t' | '        ' ;
fragment Nl       : '\r'? '\n' ;
