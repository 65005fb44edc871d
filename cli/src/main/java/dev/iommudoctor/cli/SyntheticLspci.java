package dev.iommudoctor.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an {@code lspci -nnvvv -k} dump of a given size for the benchmark: real device blocks (a GPU and
 * its audio function on vfio-pci, a root port with ACS, an SR-IOV NIC with its VFs, from the parser's
 * golden samples) repeated on ever new bus numbers and domains, so no two headers are the same.
 */
final class SyntheticLspci {

    private static final Pattern HEADER = Pattern.compile("^([0-9a-f]{2}):([0-9a-f]{2}\\.[0-7]) ", Pattern.MULTILINE);

    private SyntheticLspci() {
    }

    /** Writes at least {@code size} bytes to {@code file}; returns the number of device blocks. */
    static long write(Path file, long size) throws IOException {
        String template;
        try (InputStream in = SyntheticLspci.class.getResourceAsStream("lspci-template.txt")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long written = 0;
        long devices = 0;
        int round = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < size) {
                int domain = round / 256;
                int bus = round % 256;
                Matcher m = HEADER.matcher(template);
                StringBuilder block = new StringBuilder(template.length() + 64);
                while (m.find()) {
                    m.appendReplacement(block, String.format(Locale.ROOT, "%04x:%02x:%s ", domain, bus, m.group(2)));
                    devices++;
                }
                m.appendTail(block);
                block.append('\n');
                out.write(block.toString());
                written += block.length();
                round++;
            }
        }
        return devices;
    }
}
