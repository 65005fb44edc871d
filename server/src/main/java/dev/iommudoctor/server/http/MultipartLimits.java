package dev.iommudoctor.server.http;

/** Headroom for multipart boundaries and headers on top of the payload limit. */
final class MultipartLimits {

    static final long OVERHEAD = 64 * 1024;

    private MultipartLimits() {
    }
}
