package dev.iommudoctor.server.http;

import io.javalin.security.RouteRole;

/** Access roles of API tokens: READ sees incidents and searches; UPLOAD also adds incidents and edits status/notes. */
public enum Role implements RouteRole {
    READ,
    UPLOAD
}
