package dev.iommudoctor.parser.event;

import java.util.List;

/**
 * Advanced Error Reporting:
 * <pre>
 * \tCapabilities: [100 v2] Advanced Error Reporting
 * \t\tUESta:\tDLP- SDES- TLP- FCP- CmpltTO+ CmpltAbrt- UnxCmplt- RxOF- MalfTLP- ECRC- UnsupReq- ACSViol-
 * \t\tCESta:\tRxErr- BadTLP- BadDLLP- Rollover- Timeout- AdvNonFatalErr+
 * </pre>
 *
 * @param uncorrectableSet the UESta flags printed with {@code +} (errors latched), e.g. [CmpltTO]
 * @param correctableSet   the CESta flags printed with {@code +}, e.g. [AdvNonFatalErr]
 */
public record AerCapability(int offset, String title, List<String> rawLines, List<String> uncorrectableSet,
                            List<String> correctableSet) implements PciCapability {

    public AerCapability {
        rawLines = List.copyOf(rawLines);
        uncorrectableSet = List.copyOf(uncorrectableSet);
        correctableSet = List.copyOf(correctableSet);
    }
}
