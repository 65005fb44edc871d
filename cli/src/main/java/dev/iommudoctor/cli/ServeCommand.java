package dev.iommudoctor.cli;

import dev.iommudoctor.server.ServerRuntime;
import dev.iommudoctor.server.http.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iommu-doctor serve}: the incident store and its web API on 127.0.0.1:7070. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Serves the incident store: upload bundles, search past incidents (JSON API under /api).",
                "Bound to 127.0.0.1 without login by default; any other --bind needs access tokens "
                        + "(--tokens FILE or IOMMU_DOCTOR_TOKENS)."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7070", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Mixin
    DataDirOption data;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Access tokens, one a line: NAME ROLE[,ROLE] TOKEN (roles: read, upload).")
    Path tokens;

    @Option(names = "--max-upload-mb", defaultValue = "512", description = "Upload size limit in MiB (default: ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Option(names = "--demo", description = "Load the bundled sample cases into an empty index.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = new ServerConfig(bind, port, maxUploadMb * 1024 * 1024);
        try {
            config.checkAccess(ServerRuntime.tokens(tokens));
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("iommu-doctor: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ServerRuntime.start(data.open(), config, ServerRuntime.tokens(tokens), demo);
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }
}
