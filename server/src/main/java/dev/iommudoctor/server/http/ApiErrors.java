package dev.iommudoctor.server.http;

import dev.iommudoctor.server.search.InvalidQueryException;
import dev.iommudoctor.server.store.BundleStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception-to-status mapping of the API in one place: 400 malformed query or request, 401/403
 * access, 404 unknown incident or route, 413 upload over the limit, 500 anything else with a
 * correlation id that is also in the log next to the stack trace (the client never sees the trace).
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(RoutesConfig routes, long maxUploadBytes) {
        routes.exception(HttpProblem.class, (e, ctx) -> send(ctx, e.status(), e.kind(), e.getMessage(), null));
        routes.exception(InvalidQueryException.class, (e, ctx) -> send(ctx, 400, "bad_request", e.getMessage(), null));
        routes.exception(BundleStore.TooLargeException.class,
                (e, ctx) -> send(ctx, 413, "too_large", e.getMessage(), null));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), kind(e.getStatus()),
                e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            if (isSizeLimit(e)) {
                send(ctx, 413, "too_large", "upload larger than the limit of " + maxUploadBytes + " bytes", null);
                return;
            }
            String id = UUID.randomUUID().toString();
            LOG.error("request {} {} failed, correlation id {}", ctx.method(), ctx.path(), id, e);
            send(ctx, 500, "internal", "internal error; quote correlation id " + id + " when reporting it", id);
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, "not_found", "no such resource: " + ctx.path(), null);
            }
        });
    }

    static void send(Context ctx, int status, String kind, String message, String correlationId) {
        ctx.status(status).json(new ApiError(status, kind, message, correlationId));
    }

    /** Jetty reports a multipart part or request over the configured size as an exception of its own. */
    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BundleStore.TooLargeException) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds max") || m.contains("too large") || m.contains("max file size")
                    || m.contains("maxrequestsize") || m.contains("request too big")) {
                return true;
            }
        }
        return false;
    }

    private static String kind(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            default -> status >= 500 ? "internal" : "error";
        };
    }
}
