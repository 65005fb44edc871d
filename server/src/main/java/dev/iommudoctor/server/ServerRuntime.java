package dev.iommudoctor.server;

import dev.iommudoctor.rules.analysis.Analyzer;
import dev.iommudoctor.server.http.AccessTokens;
import dev.iommudoctor.server.http.ServerConfig;
import dev.iommudoctor.server.http.Services;
import dev.iommudoctor.server.store.IncidentStore;
import dev.iommudoctor.server.store.Json;
import dev.iommudoctor.server.web.WebUi;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the store, loads the tokens (file and {@value AccessTokens#ENV}), refuses a non-loopback bind
 * without tokens, and starts the server; shared by {@link Main} and {@code iommu-doctor serve}.
 */
public final class ServerRuntime {

    private ServerRuntime() {
    }

    /** The default data directory: {@code ~/.iommu-doctor}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".iommu-doctor");
    }

    public static AccessTokens tokens(Path tokenFile) throws IOException {
        AccessTokens tokens = tokenFile == null ? AccessTokens.none() : AccessTokens.fromFile(tokenFile);
        return tokens.plus(AccessTokens.fromEnv(System.getenv(AccessTokens.ENV)));
    }

    public static IncidentStore openStore(Path data, String version) throws IOException {
        return IncidentStore.open(data, Analyzer.withDefaults(), version, Json.mapper());
    }

    /** For searching from the terminal while a server may be running on the same data directory. */
    public static IncidentStore openStoreReadOnly(Path data, String version) throws IOException {
        return IncidentStore.openReadOnly(data, Analyzer.withDefaults(), version, Json.mapper());
    }

    /** Starts the server; the store is closed when the JVM stops. */
    public static Javalin start(IncidentStore store, ServerConfig config, AccessTokens tokens, boolean demo)
            throws IOException {
        config.checkAccess(tokens);
        if (demo) {
            int n = DemoData.loadInto(store, config.maxUploadBytes());
            System.err.println(n > 0 ? "loaded " + n + " demo incidents" : "index not empty: demo samples not loaded");
        }
        Javalin app = WebUi.server(Services.of(store, tokens, config));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                store.close();
            } catch (IOException e) {
                System.err.println("closing the index: " + e.getMessage());
            }
        }, "iommu-doctor-shutdown"));
        app.start();
        System.err.println("iommu-doctor listening on http://" + config.bind() + ":" + app.port()
                + (tokens.enabled() ? " (" + tokens.size() + " access tokens)" : " (no login: loopback only)")
                + ", data in " + store.dataDir());
        return app;
    }
}
