package dev.iommudoctor.server.http;

/**
 * The JSON body of every error answer.
 *
 * @param status         HTTP status
 * @param error          short machine-readable kind: bad_request, unauthorized, forbidden, not_found,
 *                       too_large, internal
 * @param message        for people; never contains a token or a stack trace
 * @param correlationId  only for 500: the id of the logged stack trace
 */
public record ApiError(int status, String error, String message, String correlationId) {
}
