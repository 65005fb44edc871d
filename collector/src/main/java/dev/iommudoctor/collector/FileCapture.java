package dev.iommudoctor.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads files with a cap, mapping the ways a read fails on a real host (missing, permission denied,
 * EIO on a sysfs attribute) to a {@link SkipReason}. sysfs and procfs files report size 0, so the
 * cap is applied while reading, not from the size.
 */
public final class FileCapture {

    private FileCapture() {
    }

    /** The first {@code cap} bytes of {@code file}. */
    public static Capture head(Path file, int cap) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return Capture.failed(SkipReason.ABSENT, file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(cap);
            boolean more = in.read() >= 0;
            return Capture.of(bytes, more);
        } catch (AccessDeniedException e) {
            return Capture.failed(SkipReason.PERMISSION_DENIED, file + ": permission denied");
        } catch (NoSuchFileException e) {
            return Capture.failed(SkipReason.ABSENT, file + " does not exist");
        } catch (IOException e) {
            return Capture.failed(SkipReason.FAILED, file + ": " + e.getMessage());
        }
    }

    /** The last {@code cap} bytes of a regular file (a log's end holds its errors). */
    public static Capture tail(Path file, int cap) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            if (len <= cap) {
                return head(file, cap);
            }
            raf.seek(len - cap);
            byte[] bytes = new byte[cap];
            raf.readFully(bytes);
            int nl = 0;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            // start at a line boundary so the first line is not half a line
            return Capture.of(Arrays.copyOfRange(bytes, Math.min(nl + 1, bytes.length), bytes.length), true);
        } catch (java.io.FileNotFoundException e) {
            return Files.exists(file) ? Capture.failed(SkipReason.PERMISSION_DENIED, file + ": permission denied")
                    : Capture.failed(SkipReason.ABSENT, file + " does not exist");
        } catch (IOException e) {
            return Capture.failed(SkipReason.FAILED, file + ": " + e.getMessage());
        }
    }

    /** The content of a small attribute as a trimmed string, or null when it cannot be read. */
    public static String attribute(Path file) {
        Capture c = head(file, 4096);
        return c.ok() ? new String(c.content().get(), java.nio.charset.StandardCharsets.UTF_8).strip() : null;
    }
}
