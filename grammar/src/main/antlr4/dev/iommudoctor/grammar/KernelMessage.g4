/*
 * The meaning of every IOMMU/VFIO-relevant kernel, QEMU, libvirt and libxl message body.
 *
 * Input is ONE record body (envelope already removed by the envelope reader; continuation lines
 * joined with '\n', which lexes as white space). A cheap literal prefilter in
 * dev.iommudoctor.parser.internal.MessageRouter picks the start rule; only candidate lines ever
 * reach this grammar. Every start rule ends with EOF.
 *
 * Alternatives labelled  xx_NAME  carry their meaning in the label: the event builder maps NAME to
 * the enum constant of the same name (IommuState, IrqRemapState, VfioEventKind ...), so the label
 * here is the single definition of what a wording means.
 *
 * Structural tokens only: hex numbers, PCI addresses, decimal numbers, words and punctuation.
 * Literal keywords ('IOMMU', 'enabled' ...) become implicit tokens that win over WORD on ties.
 */
grammar KernelMessage;

// ============================================================ start rules (one per family)

// Linux version 6.5.13-1-pve (build@proxmox) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld ...) #1 SMP ...
kernelVersion : 'Linux' 'version' release=atom tail EOF ;

// Command line: BOOT_IMAGE=/boot/vmlinuz-6.8.0-45-generic root=/dev/mapper/vg0-root ro intel_iommu=on iommu=pt
// Kernel command line: BOOT_IMAGE=/boot/vmlinuz-5.19.17 ... amd_iommu=on
commandLine : 'Kernel'? ('Command' | 'command') 'line' ':' tail EOF ;

// Unknown kernel command line parameters "pcie_acs_override=downstream", will be passed to user space.
unknownParameters : 'Unknown' 'kernel'? 'command' 'line' 'parameters' tail EOF ;

// DMI: Supermicro AS -4125GS-TNRT/H13DSG-O-CPU, BIOS 3.2 10/20/2023
dmi : 'DMI' ':' system=rest (',' 'BIOS' bios=rest DATE?)? EOF ;

// Hypervisor detected: Microsoft Hyper-V
hypervisor : 'Hypervisor' 'detected' ':' tail EOF ;

// ACPI: DMAR 0x000000008C5C9000 0000A8 (v01 INTEL  EDK2     00000002      01000013)
acpiTable : 'ACPI' ':' table=('DMAR' | 'IVRS' | 'IORT') HEXNUM tail EOF ;

// DMAR: IOMMU enabled  /  pci 0000:00:00.2: AMD-Vi: Found IOMMU cap 0x40  /  AMD-Vi: Unknown option - 'on'
iommuStatus : devPrefix? (vendor=vendorTag ':')? statusBody EOF ;

// iommu: Default domain type: Translated (set via kernel command line)
defaultDomain : 'iommu' ':' 'Default' 'domain' 'type' ':' type=atom ('(' setBy=rest ')')? EOF ;

// iommu: DMA domain TLB invalidation policy: lazy mode
tlbPolicy : 'iommu' ':' 'DMA' 'domain' 'TLB' 'invalidation' 'policy' ':' policy=atom 'mode' ('(' setBy=rest ')')? EOF ;

// pci 0000:00:00.0: Adding to iommu group 0  /  iommu: Adding device 0000:00:00.0 to group 0
groupAdded
    : devPrefix 'Adding' 'to' 'iommu' 'group' group=NUMBER EOF
    | 'iommu' ':' 'Adding' 'device' BDF 'to' 'group' group=NUMBER EOF
    ;

// DMAR: DRHD base: 0x000000fed91000 flags: 0x1
drhd : 'DMAR' ':' 'DRHD' 'base' ':' base=HEXNUM 'flags' ':' flags=HEXNUM EOF ;

// DMAR: RMRR base: 0x0000003e2e0000 end: 0x0000003e2fffff
rmrrRange : 'DMAR' ':' 'RMRR' 'base' ':' base=HEXNUM 'end' ':' end=HEXNUM EOF ;

// DMAR: [Firmware Bug]: Your BIOS is broken; bad RMRR [0x...-0x...]\nBIOS vendor: American Megatrends Inc.; Ver: 3.11.2150; Product Version: 1
firmwareBug : (vendor=vendorTag ':')? ('[' 'Firmware' 'Bug' ']' ':')? fwBody biosInfo? EOF ;

// BIOS vendor: (null); Ver: (null); Product Version: (null)      (continuation printed as its own record)
biosInfoLine : biosInfo EOF ;

// vfio-pci 0000:01:00.1: Device is ineligible for IOMMU domain attach due to platform RMRR requirement.  Contact your platform vendor.
rmrrIneligible : devPrefix ('DMAR' ':')? ('Device' 'is' 'ineligible' | 'Firmware' 'has' 'requested') tail EOF ;

// DMAR: [DMA Read NO_PASID] Request device [0x00:0x02.0] fault addr 0x70ad5000 [fault reason 0x07] Next page table ptr is invalid
// DMAR: [DMA Write] Request device [00:02.0] PASID ffffffff fault addr 0 [fault reason 02] Present bit in context entry is clear
intelFault
    : dmarTag ('[' access=faultAccess pasidTag? ']')? 'Request' 'device' '[' '['? BDF ']' ('PASID' pasid=atom)?
      'fault' ('addr' | 'index') address=atom faultReason? EOF
    ;

// DMAR:[fault reason 06] PTE Read access is not set      (second line of a <=3.x split fault record)
intelFaultReason : faultReason EOF ;

// AMD-Vi: Event logged [IO_PAGE_FAULT device=05:00.0 domain=0x0012 address=0xff6101b0 flags=0x0070]
// nvme 0000:01:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x000b address=0xb6674000 flags=0x0000]
amdEvent : (devPrefix | atom atom ':')? 'AMD-Vi' ':' ('IOMMU' BDF ':')? 'Event' 'logged' '[' amdEventBody? EOF ;

// IO_PAGE_FAULT device=05:00.0 domain=0x0012 address=0x00000000ff6101b0 flags=0x0070]   (split-off body)
amdEventContinuation : amdEventBody EOF ;

// dmar_fault: 44 callbacks suppressed
faultsSuppressed : function=atom ':' count=NUMBER 'callbacks' 'suppressed' EOF ;

// DMAR: DRHD: handling fault status reg 2
faultStatus : 'DMAR' ':' 'DRHD' ':' 'handling' 'fault' 'status' 'reg' status=atom EOF ;

// DMAR-IR: Enabled IRQ remapping in x2apic mode  /  AMD-Vi: Interrupt remapping enabled
irqRemapping : (vendor=vendorTag ':')? irBody EOF ;

// x2apic enabled  /  DMAR-IR: x2apic is disabled because BIOS sets x2apic opt out bit.  /  AMD-Vi: X2APIC enabled
x2apicStatus : x2Body EOF ;

// vfio-pci 0000:c3:00.0: BAR 0: can't reserve [mem 0x2800000000-0x2fffffffff 64bit pref]
vfioEvent : vfioBody EOF ;

// qemu-system-x86_64: -device vfio-pci,host=0000:06:00.0,...: vfio 0000:06:00.0: group 7 is not viable
passthroughError : .*? ptBody EOF ;

// Warning: PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA
acsEvent : acsBody EOF ;

// HugeTLB: registered 1.00 GiB page size, pre-allocated 0 pages  /  HugeTLB registered 2 MB page size, pre-allocated 0 pages
hugePagesRegistered : 'HugeTLB' ':'? 'registered' size=pageSize 'page' 'size' ',' 'pre-allocated' count=NUMBER 'pages' EOF ;

// HugeTLB: allocating 10 of page size 1.00 GiB failed.  Only allocated 9 hugepages.
hugePagesFailed
    : 'HugeTLB' ':' 'allocating' requested=NUMBER 'of' 'page' 'size' size=pageSize 'failed' atom? '.'
      'Only' 'allocated' allocated=NUMBER 'hugepages' '.' EOF
    ;

// ixgbe 0000:03:00.0 enp3s0f0: changing MTU from 1500 to 9000
mtuEvent : mtuBody EOF ;

// ixgbe 0000:03:00.0 enp3s0f0: SR-IOV enabled with 8 VFs
sriovEnabled : devPrefix 'SR-IOV' 'enabled' 'with' count=NUMBER 'VFs' EOF ;

// pci 0000:01:00.0: [10de:1b80] type 00 class 0x030000
pciEnumerated : devPrefix '[' vendorId=hexId ':' deviceId=hexId ']' 'type' NUMBER 'class' classCode=HEXNUM tail EOF ;

// PCI-DMA: Using software bounce buffering for IO (SWIOTLB)  /  software IO TLB: mapped [mem 0x725f4000-0x765f4000] (64MB)
bounceBuffering
    : ('PCI-DMA' ':' 'Using' 'software' 'bounce' 'buffering' | 'software' 'IO' 'TLB' ':' 'mapped') tail EOF
    ;

// ============================================================ family bodies (labels = enum constants)

statusBody
    : 'IOMMU' 'enabled'                                                   # st_ENABLED
    | 'enabled'                                                           # st_ENABLED
    | 'Intel' '(' 'R' ')' 'Virtualization' tail                           # st_ENABLED
    | 'Intel-IOMMU' 'force' 'enabled' tail                                # st_ENABLED
    | 'Forcing' 'Intel-IOMMU' 'to' 'enabled'                              # st_ENABLED
    | 'Initialized' 'for' 'Passthrough' 'Mode'                            # st_ENABLED
    | 'IOMMU' 'disabled'                                                  # st_DISABLED
    | 'disabled'                                                          # st_DISABLED
    | 'AMD' 'IOMMU' 'disabled' tail                                       # st_DISABLED
    | 'Disable' 'IOMMU' 'on' tail                                         # st_DISABLED
    | 'IOMMU' 'not' 'currently' 'supported' tail                          # st_DISABLED
    | 'Host' 'address' 'width' NUMBER                                     # st_DETECTED
    | 'Found' 'IOMMU' tail                                                # st_DETECTED
    | 'Extended' 'features' tail                                          # st_DETECTED
    | 'Using' 'global' 'IVHD' tail                                        # st_DETECTED
    | 'IOMMU' 'performance' 'counters' 'supported'                        # st_DETECTED
    | 'Detected' 'AMD' 'IOMMU' tail                                       # st_DETECTED
    | 'No' 'DMAR' 'devices' 'found'                                       # st_NOT_FOUND
    | 'Parse' 'DMAR' 'table' 'failure' '.'?                               # st_INIT_FAILED
    | 'Initialization' 'failed'                                           # st_INIT_FAILED
    | atom? ':'? 'Failed' 'to' 'initialize' tail                          # st_INIT_FAILED
    | ('Unable' 'to' 'map' 'DMAR' | 'Invalid' 'DMAR' 'haw')               # st_INIT_FAILED
    | 'Unknown' 'option' tail                                             # st_UNKNOWN_OPTION
    | 'AMD' 'IOMMUv2' 'functionality' 'not' 'available' tail              # st_NOT_AVAILABLE
    | 'AMD' 'IOMMUv2' 'loaded' 'and' 'initialized'                        # st_IOMMUV2_LOADED
    | ('Disable' | 'disable') 'GFX' 'device' 'mapping'                    # st_GRAPHICS_EXCLUDED
    | 'Disabling' 'IOMMU' 'for' 'graphics' tail                           # st_GRAPHICS_EXCLUDED
    | 'BIOS' 'has' 'allocated' 'no' 'shadow' 'GTT' tail                   # st_GRAPHICS_EXCLUDED
    ;

fwBody
    : 'No' 'firmware' 'reserved' 'region' 'can' 'cover' 'this' 'RMRR' range rest  # fw_RMRR_NO_RESERVED_REGION
    | 'Your' 'BIOS' 'is' 'broken' ';' 'bad' 'RMRR' range                          # fw_RMRR_BAD_RMRR
    | 'Your' 'BIOS' 'is' 'broken' ';' 'RMRR' rest                                 # fw_RMRR_BAD_RMRR
    | 'Your' 'BIOS' 'is' 'broken' ';' 'DMAR' 'reported' 'at' 'address' address=atom rest  # fw_DMAR_UNIT_INVALID
    | 'Your' 'BIOS' 'is' 'broken' ';' 'RHSA' rest                                 # fw_RHSA_INVALID
    | 'Your' 'BIOS' 'is' 'broken' ';' 'ANDD' rest                                 # fw_ANDD_INVALID
    | 'IVRS' 'invalid' 'checksum'                                                 # fw_IVRS_CHECKSUM
    | ':'? 'IOAPIC' '[' NUMBER ']' 'not' 'in' 'IVRS' 'table'                      # fw_IOAPIC_NOT_IN_IVRS
    | ':'? 'No' 'southbridge' 'IOAPIC' 'found'                                    # fw_NO_SOUTHBRIDGE_IOAPIC
    | 'ioapic' NUMBER 'has' 'no' 'mapping' 'iommu' rest                           # fw_IOAPIC_WITHOUT_IOMMU
    | rest                                                                        # fw_OTHER
    ;

irBody
    : 'Enabled' 'IRQ' 'remapping' 'in' irMode=atom 'mode'                   # ir_ENABLED
    | 'Interrupt' 'remapping' 'enabled'                                   # ir_ENABLED
    | 'Disabling' 'interrupt' 'remapping'                                 # ir_DISABLED
    | 'Not' ('enabling' | 'enable') 'interrupt' 'remapping' tail          # ir_DISABLED
    | 'Failed' 'to' ('enable' | 'setup') 'irq' 'remapping' tail           # ir_FAILED
    | 'This' 'system' 'BIOS' 'has' 'enabled' 'interrupt' 'remapping' tail # ir_DISABLED_ERRATUM
    ;

x2Body
    : 'x2apic' 'enabled'                                                  # x2_ENABLED
    | 'x2apic' ':' 'enabled' 'by' 'BIOS' tail                             # x2_ENABLED
    | 'AMD-Vi' ':' 'X2APIC' 'enabled'                                     # x2_ENABLED
    | 'x2apic' 'disabled'                                                 # x2_DISABLED
    | 'DMAR-IR' ':' 'x2apic' 'is' 'disabled' tail                         # x2_DISABLED
    | 'x2apic' ':' 'IRQ' 'remapping' tail                                 # x2_DISABLED
    | ('APIC' ':')? 'Switched' 'APIC' 'routing' 'to' ':'? tail            # x2_ROUTING
    ;

vfioBody
    : 'VFIO' '-' 'User' 'Level' tail                                      # vf_MODULE_LOADED
    | 'vfio_pci' ':' 'add' tail                                           # vf_ID_ADDED
    | 'vfio_pci' ':' 'invalid' 'id' 'string' tail                         # vf_INVALID_ID
    | atom ':' 'probe' 'of' BDF 'failed' 'with' 'error' tail              # vf_PROBE_FAILED
    | devPrefix 'enabling' 'device' tail                                  # vf_DEVICE_ENABLED
    | devPrefix 'BAR' NUMBER ':' 'can\'t' 'reserve' tail                  # vf_BAR_RESERVE_FAILED
    | atom ':' 'No' 'interrupt' 'remapping' 'support' tail                # vf_NO_INTERRUPT_REMAPPING
    | devPrefix 'MSI' 'interrupts' 'are' 'not' 'secure' tail              # vf_UNSAFE_INTERRUPTS
    | atom ':' 'RLIMIT_MEMLOCK' tail                                      # vf_MEMLOCK_LIMIT
    | devPrefix 'not' 'ready' atom 'after' rest ';' 'giving' 'up'         # vf_RESET_FAILED
    | devPrefix 'not' 'ready' atom 'after' rest ';' 'waiting'             # vf_RESET_DELAYED
    | devPrefix 'timed' 'out' 'waiting' tail                              # vf_RESET_DELAYED
    | devPrefix ('Refused' | 'refused') 'to' 'change' 'power' 'state' tail  # vf_POWER_STATE_REFUSED
    | devPrefix 'Unable' 'to' 'change' 'power' 'state' tail               # vf_POWER_STATE_INACCESSIBLE
    | devPrefix 'Invalid' 'PCI' 'ROM' 'header' tail                       # vf_INVALID_ROM
    | devPrefix atom ':' 'hiding' ('ecap' | 'cap') tail                   # vf_CAP_HIDDEN
    | devPrefix 'vgaarb' ':' tail                                         # vf_VGA_ARBITRATION
    ;

ptBody
    : 'group' group=NUMBER 'is' 'not' 'viable' tail                       # pt_GROUP_NOT_VIABLE
    | 'error' ',' 'group' group=NUMBER 'is' 'not' 'viable' tail           # pt_GROUP_NOT_VIABLE
    | 'group' group=NUMBER 'used' 'in' 'multiple' 'address' 'spaces' tail # pt_MULTIPLE_ADDRESS_SPACES
    | 'failed' 'to' 'setup' 'container' 'for' 'group' group=NUMBER tail   # pt_CONTAINER_SETUP_FAILED
    | groupOpen rest 'Device' 'or' 'resource' 'busy'                      # pt_DEVICE_BUSY
    | groupOpen tail                                                      # pt_GROUP_OPEN_FAILED
    | 'error' 'getting' 'device' 'from' 'group' group=NUMBER tail         # pt_DEVICE_GET_FAILED
    | 'PCI' 'device' BDF 'is' 'in' 'use' tail                             # pt_DEVICE_BUSY
    | 'Unable' 'to' 'reset' 'PCI' 'device' BDF tail                       # pt_NO_RESET
    | 'Cannot' 'reset' 'device' BDF ',' 'depends' 'on' 'group' group=NUMBER tail  # pt_NO_RESET
    // vfio: Cannot reset device 0000:01:00.0, no available reset mechanism.
    | 'Cannot' 'reset' 'device' BDF ',' 'no' 'available' 'reset' 'mechanism' tail  # pt_NO_RESET
    | 'PCI' 'device' BDF 'cannot' 'be' 'assigned' tail                    # pt_NO_IOMMU
    | 'VFIO_MAP_DMA' 'failed' tail                                        # pt_DMA_MAP_FAILED
    | ('vfio_dma_map' | 'vfio_container_dma_map') '(' tail                # pt_DMA_MAP_FAILED
    | 'unable' 'to' 'map' 'backing' 'store' tail                          # pt_GUEST_RAM_MAP_FAILED
    | 'Failed' 'to' 'set' 'vIOMMU' tail                                   # pt_VIOMMU_MISMATCH
    ;

// "failed to open /dev/vfio/14:", "error opening /dev/vfio/14:", "Could not open '/dev/vfio/14':"
groupOpen : 'failed' 'to' 'open' | 'error' 'opening' | 'Could' 'not' 'open' ;

acsBody
    : 'Warning' ':' 'PCIe' 'ACS' 'overrides' 'enabled' tail               # acs_OVERRIDE_ENABLED
    | ('Out' 'of' 'PCIe' 'ACS' | 'PCIe' 'ACS' ('ID' | 'invalid')) tail    # acs_OVERRIDE_INVALID
    | devPrefix 'Intel' 'SPT'? 'PCH' 'root' 'port' 'ACS' 'workaround' 'enabled'  # acs_QUIRK_APPLIED
    | devPrefix 'Failed' 'to' 'enable' 'Intel' 'PCH' 'ACS' 'quirk'        # acs_QUIRK_FAILED
    | devPrefix ('disabled' 'ACS' 'redirect' | 'Configured' 'ACS' 'to' atom)  # acs_REDIRECT_CONFIGURED
    | devPrefix 'cannot' 'disable' 'ACS' 'redirect' tail                  # acs_REDIRECT_UNSUPPORTED
    ;

mtuBody
    : devPrefix 'changing' 'MTU' 'from' NUMBER 'to' mtu=NUMBER                         # mtu_CHANGED
    | devPrefix 'Setting' 'MTU' '>' mtu=NUMBER tail                                    # mtu_LEGACY_VF_LIMIT
    | devPrefix 'Error' 'changing' 'mtu' 'to' NUMBER ',' 'Max' 'is' mtu=NUMBER         # mtu_CHANGE_FAILED
    | (atom ':')? iface=atom ':' 'dropped' 'over-mtu' 'packet' ':' NUMBER '>' mtu=NUMBER  # mtu_OVER_MTU_DROP
    | iface=atom ':' 'Invalid' 'MTU' NUMBER 'requested' tail                           # mtu_INVALID
    ;

// ============================================================ shared pieces

// "vfio-pci 0000:01:00.0: " or the netdev form "ixgbe 0000:03:00.0 enp3s0f0: "
devPrefix : driver=atom BDF ifname=atom? ':' ;

vendorTag : 'DMAR' | 'DMAR-IR' | 'AMD-Vi' | 'Intel-IOMMU' | 'IOMMU' | 'perf/amd_iommu' ;

dmarTag : ('DMAR' | 'INTR-REMAP') ':' ;

faultAccess : 'DMA' ('Read' | 'Write') | 'INTR-REMAP' ;

pasidTag : 'NO_PASID' | 'PASID' atom ;

// [fault reason 0x06] PTE Read access is not set
faultReason : dmarTag? '[' 'fault' 'reason' code=atom ']' reason=tail ;

// IO_PAGE_FAULT device=05:00.0 domain=0x0012 address=0xff6101b0 flags=0x0070]
amdEventBody : type=atom eventField* ']' ;
eventField : key=atom ('[' NUMBER ']')? '=' value=atom ;

// BIOS vendor: American Megatrends Inc.; Ver: 3.11.2150; Product Version: 1
biosInfo : 'BIOS' 'vendor' ':' vendor=field ';' 'Ver' ':' version=field ';' 'Product' 'Version' ':' product=tail ;
field : (~';')*? ;

range : '[' (~']')* ']' ;

// "1.00 GiB", "2 MB"
pageSize : number=atom unit=atom ;

hexId : NUMBER | WORD | HEXNUM ;

// any single token that is not structural punctuation
atom : ~(':' | '[' | ']' | '=' | ';' | ',' | '(' | ')') ;

// free text up to whatever follows (non-greedy); only where something does follow
rest : .*? ;

// free text to the end of the record. Greedy on purpose: SLL prediction decides the exit of a
// non-greedy rule from the FOLLOW of every caller, so "rest EOF" stopped at any ')' or ';' and
// needed the slow full-LL second pass.
tail : (~EOF)* ;

// ============================================================ lexer

// 10:00:01.061644 and 2022-07-12T22:08:31.781466: one token, so "08:31.7" is never taken for a PCI address
CLOCK   : (DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT [T ])? DIGIT DIGIT ':' DIGIT DIGIT ':' DIGIT DIGIT ('.' DIGIT+)? ;
// 0000:01:00.0, 01:00.0 and the 5.14 form 0x00:0x02.0
BDF     : (HEX HEX HEX HEX ':')? HEX HEX ':' HEX HEX '.' [0-7]
        | '0x' HEX HEX ':0x' HEX HEX '.' [0-7]
        ;
DATE    : DIGIT DIGIT '/' DIGIT DIGIT '/' DIGIT DIGIT DIGIT DIGIT ;   // 10/20/2023
HEXNUM  : '0' [xX] HEX+ ;
NUMBER  : DIGIT+ ;
// Dots only inside a word, so a sentence's final period is its own token ("failed." -> failed .)
WORD    : WCHAR+ ('.' WCHAR+)* ;
WS      : [ \t\r\n]+ -> skip ;
// Anything else is one character; the lexer never fails on odd input.
OTHER   : . ;

// ---------------------------------------------------------------- fragments
fragment HEX   : [0-9a-fA-F] ;
fragment DIGIT : [0-9] ;
// A backslash ends a word: QEMU errors quoted in JSON/Go strings carry a literal "\n" before the hint
fragment WCHAR : ~[ \t\r\n:[\]()=,;.!\\] ;
