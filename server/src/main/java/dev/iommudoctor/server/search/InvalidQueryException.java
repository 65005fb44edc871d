package dev.iommudoctor.server.search;

/** A query the user must fix: malformed syntax, too many terms, too long. The message says what is wrong. */
public final class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
