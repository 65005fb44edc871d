package dev.iommudoctor.parser.internal;

import dev.iommudoctor.parser.api.ParseLimits;
import dev.iommudoctor.parser.api.Parsers;
import dev.iommudoctor.parser.api.SourceKind;
import dev.iommudoctor.parser.event.PciDevice;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput check for the lspci parser: {@code java ... LspciBenchMain FILE [ROUNDS]} parses the file ROUNDS
 * times (the first rounds warm the JIT) and prints MB/s, devices and the heap in use after each round.
 * Not a unit test: run it by hand on a large generated -vvv file (see the lspci report for the figures).
 */
final class LspciBenchMain {
    private LspciBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long bytes = Files.size(file);
        for (int r = 1; r <= rounds; r++) {
            AtomicLong devices = new AtomicLong();
            AtomicLong other = new AtomicLong();
            long t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                Parsers.parse(file.toString(), in, SourceKind.LSPCI, ParseLimits.DEFAULT, e -> {
                    if (e instanceof PciDevice) {
                        devices.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                });
            }
            double s = (System.nanoTime() - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("round %d: %.1f MB in %.2f s = %.1f MB/s, %d devices, %d other events, heap used %d MB%n",
                    r, bytes / 1e6, s, bytes / 1e6 / s, devices.get(), other.get(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
