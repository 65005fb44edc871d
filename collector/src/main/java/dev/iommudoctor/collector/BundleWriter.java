package dev.iommudoctor.collector;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes the bundle as one {@code .tar.gz}: regular files only, mode 0644, one timestamp, written to a
 * temporary file next to the target and moved into place, so a failed run leaves no half bundle.
 */
final class BundleWriter {

    private BundleWriter() {
    }

    static void write(Path target, List<BundleFile> files, Instant time) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".iommu-doctor-", ".tar.gz.part");
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
                 GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (BundleFile f : files) {
                    TarArchiveEntry e = new TarArchiveEntry(f.path());
                    e.setSize(f.content().length);
                    e.setMode(0100644);
                    e.setModTime(Date.from(time));
                    tar.putArchiveEntry(e);
                    tar.write(f.content());
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
