package dev.iommudoctor.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the caller of every route that declares roles. Without configured tokens (loopback only)
 * everyone is {@link AccessTokens.Principal#LOCAL}. With tokens: {@code Authorization: Bearer TOKEN}
 * (API clients) or the cookie {@value #COOKIE} (the browser UI); missing or wrong gives 401 and no data,
 * a token without the route's role gives 403.
 */
final class AccessControl {

    static final String COOKIE = "iommu_doctor_token";
    static final String PRINCIPAL = "iommu-doctor.principal";

    private final AccessTokens tokens;

    AccessControl(AccessTokens tokens) {
        this.tokens = tokens;
    }

    void check(Context ctx) {
        Set<io.javalin.security.RouteRole> required = ctx.routeRoles();
        if (!tokens.enabled()) {
            ctx.attribute(PRINCIPAL, AccessTokens.Principal.LOCAL);
            return;
        }
        if (required.isEmpty()) {
            return;
        }
        Optional<AccessTokens.Principal> principal = tokens.authenticate(token(ctx));
        if (principal.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"iommu-doctor\"");
            throw new HttpProblem(401, "unauthorized", "missing or invalid access token");
        }
        if (required.stream().noneMatch(r -> principal.get().roles().contains(r))) {
            throw new HttpProblem(403, "forbidden", "this token lacks the role " + required);
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    static AccessTokens.Principal principal(Context ctx) {
        AccessTokens.Principal p = ctx.attribute(PRINCIPAL);
        return p == null ? AccessTokens.Principal.LOCAL : p;
    }

    private static String token(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return ctx.cookie(COOKIE);
    }
}
