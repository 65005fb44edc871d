package dev.iommudoctor.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the server listens.
 *
 * @param bind            address to bind, {@code 127.0.0.1} by default
 * @param port            TCP port, 7070 by default (0 = any free port)
 * @param maxUploadBytes  limit of one upload (all parts together); over it the answer is 413
 */
public record ServerConfig(String bind, int port, long maxUploadBytes) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_UPLOAD = 512L * 1024 * 1024;

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, DEFAULT_MAX_UPLOAD);
    }

    /** Loopback needs no login; any other address must have tokens, or the server refuses to start. */
    public void checkAccess(AccessTokens tokens) {
        if (!isLoopback(bind) && !tokens.enabled()) {
            throw new IllegalStateException("binding to " + bind + " requires access tokens: set "
                    + AccessTokens.ENV + " or pass a token file");
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
