package dev.iommudoctor.collector;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a diagnostic command with a timeout and an output cap, with {@code LC_ALL=C} so the output is
 * the format the parsers know. {@code lspci} and {@code ip} often live in {@code /usr/sbin}, which is
 * not on an unprivileged user's PATH, so the sbin directories are searched too.
 */
public final class CommandRunner {

    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private final Duration timeout;

    public CommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** The executable's path, when installed. */
    public static Optional<Path> which(String name) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(EXTRA_DIRS);
        for (String d : dirs) {
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code argv}; stdout is the capture, stderr explains a failure. */
    public Capture run(List<String> argv, int cap) {
        Optional<Path> exe = which(argv.get(0));
        if (exe.isEmpty()) {
            return Capture.failed(SkipReason.NOT_INSTALLED, argv.get(0) + " not found on PATH or in /usr/sbin, /sbin");
        }
        List<String> cmd = new ArrayList<>(argv);
        cmd.set(0, exe.get().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("SYSTEMD_PAGER", "");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Capture.failed(SkipReason.FAILED, String.join(" ", argv) + ": " + e.getMessage());
        }
        Drain out = new Drain(p.getInputStream(), cap);
        Drain err = new Drain(p.getErrorStream(), 4096);
        out.start();
        err.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Capture.failed(SkipReason.TIMED_OUT, String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s");
            }
            out.join(2000);
            err.join(2000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return Capture.failed(SkipReason.TIMED_OUT, String.join(" ", argv) + " interrupted");
        }
        String stderr = new String(err.bytes(), StandardCharsets.UTF_8).strip();
        byte[] stdout = out.bytes();
        if (p.exitValue() != 0 && stdout.length == 0) {
            String lower = stderr.toLowerCase(Locale.ROOT);
            SkipReason reason = lower.contains("not permitted") || lower.contains("permission denied")
                    || lower.contains("insufficient permissions") || lower.contains("access denied")
                    ? SkipReason.PERMISSION_DENIED : SkipReason.FAILED;
            return Capture.failed(reason, String.join(" ", argv) + " exited " + p.exitValue()
                    + (stderr.isEmpty() ? "" : ": " + firstLine(stderr)));
        }
        return Capture.of(stdout, out.truncated());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads a process stream to its end, keeping at most {@code cap} bytes (the rest is read and dropped so the process never blocks). */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final int cap;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Drain(InputStream in, int cap) {
            this.in = in;
            this.cap = cap;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] b = new byte[65536];
            try {
                for (int n; (n = in.read(b)) >= 0; ) {
                    int keep = Math.min(n, cap - buf.size());
                    if (keep > 0) {
                        synchronized (buf) {
                            buf.write(b, 0, keep);
                        }
                    }
                    if (keep < n) {
                        truncated = true;
                    }
                }
            } catch (IOException ignored) {
                // the process died; what was read is kept
            }
        }

        byte[] bytes() {
            synchronized (buf) {
                return buf.toByteArray();
            }
        }

        boolean truncated() {
            return truncated;
        }
    }
}
