package dev.iommudoctor.server.http;

import dev.iommudoctor.server.store.Json;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.util.function.Consumer;

/**
 * The HTTP server: the JSON API (documented in {@code server/API.md}), security headers on every
 * answer, role checks before every matched route, errors mapped in {@link ApiErrors}.
 * {@link #create} returns it unstarted; {@code Main} or {@code iommu-doctor serve} starts it.
 *
 * <p>Other route sets (the web pages) plug in through {@code extraRoutes}: declare each page route
 * with {@link Role#READ} so the token check applies to it too.
 */
public final class DiagnosticsServer {

    /** No inline scripts or styles, no third-party origins, no framing. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private DiagnosticsServer() {
    }

    public static Javalin create(Services services) {
        return create(services, cfg -> { });
    }

    public static Javalin create(Services services, Consumer<JavalinConfig> extraRoutes) {
        AccessControl access = new AccessControl(services.tokens());
        IncidentApi api = new IncidentApi(services);
        long limit = services.config().maxUploadBytes();
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.jetty.host = services.config().bind();
            cfg.jetty.port = services.config().port();
            cfg.jetty.multipartConfig.maxFileSize(limit, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(limit + MultipartLimits.OVERHEAD, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.http.maxRequestSize = 1_000_000;
            cfg.router.ignoreTrailingSlashes = true;

            cfg.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Cache-Control", "no-store");
            });
            cfg.routes.beforeMatched(access::check);
            ApiErrors.register(cfg.routes, limit);

            cfg.routes.get("/api/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
            cfg.routes.post("/api/incidents", api::upload, Role.UPLOAD);
            cfg.routes.get("/api/incidents/{id}", api::get, Role.READ);
            cfg.routes.patch("/api/incidents/{id}", api::updateStatus, Role.UPLOAD);
            cfg.routes.post("/api/incidents/{id}/status", api::updateStatus, Role.UPLOAD);
            cfg.routes.get("/api/incidents/{id}/similar", api::similar, Role.READ);
            cfg.routes.get("/api/incidents/{id}/files/{index}", api::file, Role.READ);
            cfg.routes.get("/api/search", api::search, Role.READ);
            cfg.routes.get("/api/saved-searches", api::savedSearches, Role.READ);
            cfg.routes.post("/api/saved-searches", api::saveSearch, Role.READ);
            cfg.routes.delete("/api/saved-searches/{id}", api::deleteSavedSearch, Role.READ);
            cfg.routes.get("/api/rules", api::rules, Role.READ);
            extraRoutes.accept(cfg);
        });
    }
}
