package dev.iommudoctor.rules.api;

import java.util.List;

/**
 * One diagnosis: what is wrong, the lines that show it, and the exact fix.
 *
 * @param ruleId     the rule's stable id
 * @param severity   how much it matters
 * @param matrixRow  the troubleshooting-matrix row
 * @param title      the rule's title
 * @param message    this host's specifics: which device, which group, which numbers
 * @param evidence   the input lines that justify it (file:line and text)
 * @param devices    canonical PCI addresses involved ({@code 0000:01:00.0}), may be empty
 * @param remedy     the fix: steps, commands and config lines, ready to paste
 * @param docs       the rule's long-form page ({@code docs/rules/<id>.md})
 */
public record Finding(String ruleId, Severity severity, MatrixRow matrixRow, String title, String message,
                      List<EvidenceLine> evidence, List<String> devices, String remedy, String docs) {

    public Finding {
        evidence = List.copyOf(evidence);
        devices = List.copyOf(devices);
    }
}
