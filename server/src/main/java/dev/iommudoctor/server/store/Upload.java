package dev.iommudoctor.server.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * One uploaded part: a bundle (tar.gz, zip, sosreport) or one loose log file, e.g. {@code dmesg.txt}.
 * Opened once, by the store, which copies it to the bundle directory.
 */
public interface Upload {

    String name();

    InputStream open() throws IOException;

    static Upload of(String name, IoSupplier supplier) {
        return new Upload() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                return supplier.get();
            }
        };
    }

    /** A stream source that may fail. */
    @FunctionalInterface
    interface IoSupplier {
        InputStream get() throws IOException;
    }
}
