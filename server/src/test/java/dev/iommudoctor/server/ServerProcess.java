package dev.iommudoctor.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server ({@link Main}) in a child JVM on a free port, with its stdout and stderr in a log
 * file: the durability test SIGKILLs it, the load test samples its memory, the access test reads its log.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code Main --data DATA --port 0 EXTRA...} and waits until {@code /api/health} answers.
     *
     * @param jvmArgs e.g. {@code -Xmx256m}
     * @param env     extra environment ({@code IOMMU_DOCTOR_TOKENS})
     */
    public static ServerProcess start(Path data, Path log, List<String> jvmArgs, Map<String, String> env,
                                      String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("--data", data.toString(), "--port", "0"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("IOMMU_DOCTOR_TOKENS");
        pb.environment().putAll(env);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("server exited with " + p.exitValue() + ": " + tail(log, logStart));
            }
            Matcher m = LISTENING.matcher(tail(log, logStart));
            if (m.find()) {
                ServerProcess server = new ServerProcess(p, log, Integer.parseInt(m.group(1)));
                server.awaitHealthy(deadline);
                return server;
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IllegalStateException("server did not start within 60 s: " + tail(log, logStart));
    }

    private void awaitHealthy(long deadline) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the connector may still be starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no /api/health answer");
    }

    private static String tail(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        int start = (int) Math.min(from, all.length);
        return new String(all, start, all.length - start, StandardCharsets.UTF_8);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public String log() throws IOException {
        return tail(log, 0);
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly} sends signal 9): no shutdown hook, no index close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Resident set size of the child in KiB, from {@code /proc/<pid>/status}; -1 where there is no /proc. */
    public long rssKib() throws IOException {
        Path status = Path.of("/proc", Long.toString(pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /**
     * Forces a full GC in the child ({@code jcmd PID GC.run}) and returns the heap in use after it, in KiB,
     * from {@code jcmd PID GC.heap_info}: the live set, which must not grow from run to run. -1 without jcmd.
     */
    public long liveHeapKib() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        run(jcmd.toString(), Long.toString(pid()), "GC.run");
        String info = run(jcmd.toString(), Long.toString(pid()), "GC.heap_info");
        // G1: " garbage-first heap   total 262144K, used 41233K [..." ; Serial/Parallel print "used NNNK" too
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Ordinary stop (SIGTERM: the shutdown hook closes the index). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
