package dev.iommudoctor.server.http;

/** An expected failure of a request with its status, e.g. 404 for an unknown incident; mapped by {@link ApiErrors}. */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String kind;

    public HttpProblem(int status, String kind, String message) {
        super(message);
        this.status = status;
        this.kind = kind;
    }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, "not_found", what);
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "bad_request", message);
    }

    public static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, "too_large", "upload larger than the limit of " + limit + " bytes");
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }
}
