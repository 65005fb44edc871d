package dev.iommudoctor.server.web;

import dev.iommudoctor.server.SampleCases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The RMRR-BAD-FIRMWARE sample case with markup written into its kernel log, as an attacker could:
 * the evidence line 73 ends in a script tag and an image with an error handler, and the BIOS vendor
 * (quoted in the finding's message) is a script tag. Zipped like a support engineer's bundle.
 */
final class HostileSample {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(2)>";
    static final int EVIDENCE_LINE = 73;
    static final String CASE = "fires-when-bios-reports-bad-rmrr";

    private HostileSample() {
    }

    static Path caseDir() {
        return SampleCases.caseDir("RMRR-BAD-FIRMWARE", CASE);
    }

    /** The case as a zip; {@code dmesg.txt} altered as described above. */
    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : SampleCases.files(caseDir())) {
                if (f.getFileName().toString().startsWith("expected")) {
                    continue; // the case's golden is test data, not host data
                }
                zip.putNextEntry(new ZipEntry(CASE + "/" + f.getFileName()));
                byte[] content = Files.readAllBytes(f);
                if (f.getFileName().toString().equals("dmesg.txt")) {
                    content = hostile(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String hostile(String dmesg) {
        String[] lines = dmesg.split("\n", -1);
        String evidence = lines[EVIDENCE_LINE - 1];
        if (!evidence.contains("No firmware reserved region can cover this RMRR")) {
            throw new IllegalStateException("sample changed: line " + EVIDENCE_LINE + " is " + evidence);
        }
        lines[EVIDENCE_LINE - 1] = evidence + " " + SCRIPT + " " + IMG;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].replace("BIOS vendor: American Megatrends Inc.", "BIOS vendor: " + SCRIPT);
        }
        return String.join("\n", lines);
    }

    /** Writes the zip to {@code dir} for a browser's file input. */
    static Path writeZip(Path dir) throws IOException {
        Path file = dir.resolve("bundle-" + CASE + ".zip");
        Files.write(file, zip());
        return file;
    }
}
