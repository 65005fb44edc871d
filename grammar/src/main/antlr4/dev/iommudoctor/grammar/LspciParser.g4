/*
 * Parser for one lspci device block (see LspciLexer for the accepted forms). Example block:
 *   01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1)
 *   	IOMMU group: 13
 *   	Capabilities: [60] Power Management version 3
 *   		Flags: PMEClk- DSI- D1- D2- AuxCurrent=0mA PME(D0-,D1-,D2-,D3hot-,D3cold-)
 *   	Kernel driver in use: vfio-pci
 * The Java side always ends every line with a newline, so the last line needs no special case.
 */
parser grammar LspciParser;

options { tokenVocab = LspciLexer; }

// 01:00.0 Audio device: NVIDIA Corporation GP104 High Definition Audio Controller (rev a1) + its lines
block       : header item* EOF ;

// 01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP104 [10de:1b80] (rev a1) (prog-if 00 [VGA controller])
header      : SLOT CLASS_TEXT? CLASS_SEP description NL ;

// NVIDIA Corporation GP104 [GeForce GTX 1080] [10de:1b80] (rev a1) (prog-if 00 [VGA controller])
description : (WORD | SP | IDS | NUM_IDS | REV | PROG_IF)* ;

// one line, or one capability with its detail lines
item        : capability | bodyLine | detailLine | hexRow | blankLine | strayLine ;

// \tCapabilities: [148 v1] Access Control Services   (+ its deeper lines)
capability  : INDENT1 CAP_LINE detailLine* ;

// \tKernel driver in use: vfio-pci      or, without a key,   \tMemory at f6000000 (32-bit, non-prefetchable) [size=16M]
bodyLine    : INDENT1 (KV_LINE | TEXT_LINE) ;

// \t\tACSCap:\tSrcValid+ TransBlk+ ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-
detailLine  : (INDENT2 | INDENT3) (KV_LINE | TEXT_LINE | CAP_LINE) ;

// 40: 01 48 03 c8 08 00 00 00 05 50 80 00 00 00 00 00
hexRow      : HEX_ROW ;

// an empty line, or one with blanks only
blankLine   : (INDENT1 | INDENT2 | INDENT3)? NL ;

// !!! Unknown header type 7f
strayLine   : STRAY ;
