package dev.iommudoctor.server;

import dev.iommudoctor.server.http.ServerConfig;
import java.nio.file.Path;

/**
 * Starts the server without the CLI: {@code java -cp ... dev.iommudoctor.server.Main [--port 7070]
 * [--bind 127.0.0.1] [--data DIR] [--tokens FILE] [--max-upload BYTES] [--demo]}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String bind = ServerConfig.DEFAULT_BIND;
        int port = ServerConfig.DEFAULT_PORT;
        Path data = ServerRuntime.defaultDataDir();
        Path tokens = null;
        long maxUpload = ServerConfig.DEFAULT_MAX_UPLOAD;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--bind" -> bind = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--tokens" -> tokens = Path.of(args[++i]);
                case "--max-upload" -> maxUpload = Long.parseLong(args[++i]);
                case "--demo" -> demo = true;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        ServerRuntime.start(ServerRuntime.openStore(data, "dev"), new ServerConfig(bind, port, maxUpload),
                ServerRuntime.tokens(tokens), demo);
    }
}
