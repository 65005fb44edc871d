package dev.iommudoctor.server.web;

import dev.iommudoctor.server.http.DiagnosticsServer;
import dev.iommudoctor.server.http.Role;
import dev.iommudoctor.server.http.Services;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The browser UI on top of the JSON API: search ({@code /}), upload ({@code /upload}), incident
 * ({@code /incidents/{id}}), raw file view ({@code /incidents/{id}/files/<name>}) and rules
 * ({@code /rules}), and sign-in ({@code /login}) when the server has access tokens. Scripts and styles are bundled under {@code /assets} (no CDN: support labs are
 * often offline). Every page route is declared with {@link Role#READ}, so with access tokens a page
 * shows nothing without a valid one.
 */
public final class WebUi {

    static final String ASSETS = "/dev/iommudoctor/server/web/assets";

    private WebUi() {
    }

    /** The API server with the web pages. */
    public static Javalin server(Services services) {
        return DiagnosticsServer.create(services, cfg -> routes(cfg, services));
    }

    public static void routes(JavalinConfig cfg, Services services) {
        cfg.staticFiles.add(sf -> {
            sf.hostedPath = "/assets";
            sf.directory = ASSETS;
            sf.location = Location.CLASSPATH;
        });
        IncidentPage incident = new IncidentPage(services);
        RawFilePage raw = new RawFilePage(services);
        RulesPage rules = new RulesPage(new RuleDocs());
        LoginPage login = new LoginPage(services.tokens());
        for (String page : new String[] {"/", "/upload", "/rules", "/incidents/*"}) {
            cfg.routes.before(page, login::redirectIfSignedOut);
        }
        cfg.routes.get("/login", login::form);
        cfg.routes.post("/login", login::signIn);
        cfg.routes.post("/logout", login::signOut);
        cfg.routes.get("/", ctx -> ctx.contentType(Layout.HTML).result(StaticPages.search()), Role.READ);
        cfg.routes.get("/upload", ctx -> ctx.contentType(Layout.HTML).result(StaticPages.upload()), Role.UPLOAD);
        cfg.routes.get("/incidents/{id}", incident::render, Role.READ);
        cfg.routes.get("/incidents/{id}/files/<name>", raw::render, Role.READ);
        cfg.routes.get("/rules", rules::render, Role.READ);
    }
}
