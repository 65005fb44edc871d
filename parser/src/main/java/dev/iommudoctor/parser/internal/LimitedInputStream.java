package dev.iommudoctor.parser.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports end of stream after {@code limit} bytes and remembers that it cut the input short. */
public final class LimitedInputStream extends FilterInputStream {

    private long remaining;
    private boolean limitReached;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.remaining = limit;
    }

    public boolean limitReached() {
        return limitReached;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            limitReached |= super.read() >= 0;
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            limitReached |= super.read() >= 0;
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
