package dev.iommudoctor.server.web;

import static dev.iommudoctor.server.web.Html.esc;

import dev.iommudoctor.server.http.AccessTokens;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Signing in for browsers when the server runs with access tokens (any non-loopback bind): the
 * token typed into {@code /login} is checked and kept in the HttpOnly, SameSite=Strict cookie
 * {@value #COOKIE} that the access check reads (see {@code server/API.md}). A browser asking for a
 * page without a valid token is sent here first instead of seeing the API's JSON 401; API clients
 * (no {@code text/html} in Accept) still get the 401.
 */
final class LoginPage {

    /** The cookie the server's access check reads besides {@code Authorization: Bearer}. */
    static final String COOKIE = "iommu_doctor_token";
    private static final int MAX_AGE_SECONDS = 30 * 24 * 3600;
    /** Characters a cookie value can carry without quoting. */
    private static final Pattern COOKIE_SAFE = Pattern.compile("[A-Za-z0-9._~+/=:-]{1,512}");

    private final AccessTokens tokens;

    LoginPage(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** Before-handler of the page routes: a browser without a valid token goes to the login form. */
    void redirectIfSignedOut(Context ctx) {
        if (!tokens.enabled() || !"GET".equals(ctx.method().name())) {
            return;
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            return;
        }
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : ctx.cookie(COOKIE);
        if (tokens.authenticate(token).isEmpty()) {
            String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + Html.pathSegment(next), io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
        }
    }

    void form(Context ctx) {
        ctx.contentType(Layout.HTML).result(page(safeNext(ctx.queryParam("next")), null));
    }

    void signIn(Context ctx) {
        String token = ctx.formParam("token");
        String next = safeNext(ctx.formParam("next"));
        token = token == null ? "" : token.strip();
        if (tokens.authenticate(token).isEmpty()) {
            ctx.status(401).contentType(Layout.HTML).result(page(next, "This token is not valid."));
            return;
        }
        if (!COOKIE_SAFE.matcher(token).matches()) {
            ctx.status(400).contentType(Layout.HTML).result(page(next, "This token has characters a browser cookie cannot carry; "
                    + "use it with the API (Authorization: Bearer) or ask for another token."));
            return;
        }
        ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; Max-Age=" + MAX_AGE_SECONDS
                + "; HttpOnly; SameSite=Strict" + (ctx.scheme().equals("https") ? "; Secure" : ""));
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Only a local path: never an open redirect to another site ({@code //evil.example}, {@code https://...}). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private static String page(String next, String error) {
        return Layout.page("Sign in", Layout.Nav.NONE, "<h1>Sign in</h1>\n"
                + "<p>This server needs an access token. Ask its administrator for one.</p>\n"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>\n")
                + "<form method=\"post\" action=\"/login\" class=\"card login\">\n"
                + "<input type=\"hidden\" name=\"next\" value=\"" + esc(next) + "\">\n"
                + "<label>Token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus></label>\n"
                + "<button type=\"submit\">Sign in</button>\n</form>\n", null);
    }
}
