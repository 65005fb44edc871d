package dev.iommudoctor.parser.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits lspci's "vendor device" text, which lspci prints joined by a single space
 * ({@code Samsung Electronics Co Ltd NVMe SSD Controller PM174X}), into vendor and device name.
 *
 * <p>Without pci.ids there is no exact boundary, so this uses, in order: the "Device xxxx" form lspci prints
 * for an unknown device; a short list of frequent vendor names (including historic ones such as
 * "ATI Technologies Inc"); and the company-suffix heuristic (the vendor ends after the first run of
 * Corporation/Inc./Co., Ltd./GmbH ... in the first words, plus a following "[AMD/ATI]"-style tag).
 * When none applies both parts stay empty and only the full description is kept.
 */
final class VendorNameSplitter {

    /** The outcome; all empty when no boundary was found. */
    record Split(Optional<String> vendor, Optional<String> deviceName, Optional<String> deviceIdFromName) {
        static final Split NONE = new Split(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static final Pattern UNKNOWN_DEVICE = Pattern.compile("(.+?) Device(?: ([0-9a-fA-F]{4}))?");

    private static final List<String> KNOWN = List.of(
            "Advanced Micro Devices, Inc. [AMD/ATI]", "Advanced Micro Devices, Inc. [AMD]", "Intel Corporation",
            "NVIDIA Corporation", "ATI Technologies Inc", "Huawei Technologies Co., Ltd.", "Red Hat, Inc.",
            "Red Hat, Inc", "Qualcomm Atheros", "Mellanox Technologies", "Broadcom Inc. and subsidiaries",
            "Broadcom / LSI", "LSI Logic / Symbios Logic", "Texas Instruments", "VMware", "Fresco Logic",
            "Solarflare Communications", "SK hynix", "Cirrus Logic", "Creative Labs", "Xen Project",
            "Virtio", "QEMU", "Microsoft Corporation", "Aquantia Corp.", "Marvell Technology Group Ltd.",
            "Silicon Integrated Systems [SiS]", "Atheros Communications Inc.");

    private static final Set<String> SUFFIXES = Set.of("Corporation", "Corp.", "Corp", "Inc.", "Inc", "Ltd.", "Ltd",
            "Co.", "Co", "GmbH", "Limited", "AG", "LLC", "PLC", "plc", "S.A.", "B.V.", "Company", "Incorporated",
            "corp.", "Co.,Ltd.");

    /** Vendor names are short: look for the suffix run in the first words only. */
    private static final int MAX_VENDOR_WORDS = 7;

    private VendorNameSplitter() {
    }

    static Split split(String description) {
        if (description.isEmpty() || description.equals("Device")) {
            return Split.NONE;
        }
        Matcher unknown = UNKNOWN_DEVICE.matcher(description);
        if (unknown.matches()) {
            Optional<String> id = Optional.ofNullable(unknown.group(2)).map(String::toLowerCase);
            String name = unknown.group(2) == null ? "Device" : "Device " + unknown.group(2);
            return new Split(Optional.of(unknown.group(1)), Optional.of(name), id);
        }
        for (String vendor : KNOWN) {
            if (description.startsWith(vendor + " ")) {
                return of(vendor, description.substring(vendor.length() + 1));
            }
        }
        return bySuffix(description);
    }

    private static Split bySuffix(String description) {
        String[] words = description.split(" ");
        int end = -1;
        for (int i = 1; i < Math.min(words.length - 1, MAX_VENDOR_WORDS); i++) {
            String w = words[i].endsWith(",") ? words[i].substring(0, words[i].length() - 1) : words[i];
            if (SUFFIXES.contains(w)) {
                end = i;
            } else if (end >= 0) {
                break;
            }
        }
        if (end < 0) {
            return Split.NONE;
        }
        if (end + 1 < words.length - 1 && words[end + 1].startsWith("[") && words[end + 1].endsWith("]")) {
            end++;
        }
        StringBuilder vendor = new StringBuilder(words[0]);
        for (int i = 1; i <= end; i++) {
            vendor.append(' ').append(words[i]);
        }
        return of(vendor.toString(), description.substring(vendor.length()).strip());
    }

    private static Split of(String vendor, String device) {
        return new Split(Optional.of(vendor), device.isEmpty() ? Optional.empty() : Optional.of(device), Optional.empty());
    }
}
