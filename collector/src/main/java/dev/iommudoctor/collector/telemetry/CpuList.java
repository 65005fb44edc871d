package dev.iommudoctor.collector.telemetry;

import java.util.List;

/** Formats CPU numbers as the kernel prints CPU lists: {@code [0,1,2,3,8]} -> {@code 0-3,8}. */
final class CpuList {

    private CpuList() {
    }

    static String format(List<Integer> cpus) {
        List<Integer> sorted = cpus.stream().sorted().distinct().toList();
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(sorted.get(i));
            if (j > i) {
                b.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
