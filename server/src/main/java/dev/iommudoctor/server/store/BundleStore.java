package dev.iommudoctor.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The uploaded files, kept next to the index so incidents can be re-analysed with newer rules.
 * Content-addressed ({@code bundles/ab/ab12...ef}, SHA-256) so the same bundle uploaded twice is
 * stored once; written to a temporary file, synced, then renamed, so a kill never leaves a half file
 * under its final name.
 */
public final class BundleStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;

    public BundleStore(Path root) throws IOException {
        this.root = root;
        this.tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
    }

    /**
     * Stores one upload; at most {@code maxBytes} are accepted.
     *
     * @throws TooLargeException when the stream is longer than {@code maxBytes}
     */
    public Incident.StoredFile put(String name, InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    out.write(buf, 0, n);
                }
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = path(hex);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // another upload of the same bytes won: same content, nothing to do
                }
            }
            return new Incident.StoredFile(name, hex, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public InputStream open(Incident.StoredFile file) throws IOException {
        return Files.newInputStream(path(file.sha256()));
    }

    public boolean exists(Incident.StoredFile file) {
        return SHA256.matcher(file.sha256()).matches() && Files.isRegularFile(path(file.sha256()));
    }

    Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An upload over the configured limit. */
    public static final class TooLargeException extends IOException {
        private final long limit;

        public TooLargeException(long limit) {
            super("upload larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
