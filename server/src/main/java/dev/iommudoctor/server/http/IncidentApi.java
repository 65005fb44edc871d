package dev.iommudoctor.server.http;

import dev.iommudoctor.rules.api.DiagnosticRule;
import dev.iommudoctor.rules.api.Fact;
import dev.iommudoctor.rules.api.Rule;
import dev.iommudoctor.rules.engine.BuiltInRules;
import dev.iommudoctor.server.search.InvalidQueryException;
import dev.iommudoctor.server.search.SearchRequest;
import dev.iommudoctor.server.store.Incident;
import dev.iommudoctor.server.store.Upload;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The handlers of the JSON API; routes and roles are declared in {@link DiagnosticsServer}. */
final class IncidentApi {

    static final int MAX_NOTE = 20_000;
    static final int MAX_TAGS = 20;

    private final Services services;
    private final SearchAdmission admission = SearchAdmission.perCore();

    IncidentApi(Services services) {
        this.services = services;
    }

    /** POST /api/incidents: parts named {@code file} (a bundle or loose files), optional field {@code tags}. */
    void upload(Context ctx) throws IOException {
        long limit = services.config().maxUploadBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit + MultipartLimits.OVERHEAD) {
            throw HttpProblem.tooLarge(limit);
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw HttpProblem.badRequest("send multipart/form-data with one or more parts named 'file'");
        }
        List<UploadedFile> files = ctx.uploadedFiles("file");
        if (files.isEmpty()) {
            throw HttpProblem.badRequest("no part named 'file' in the upload");
        }
        List<Upload> parts = files.stream()
                .map(f -> Upload.of(f.filename(), f::content))
                .toList();
        Incident incident = services.store().ingest(parts, AccessControl.principal(ctx).name(), tags(ctx.formParam("tags")),
                limit);
        ctx.status(201).header("Location", "/api/incidents/" + incident.id()).json(incident);
    }

    void get(Context ctx) throws IOException {
        ctx.json(incident(ctx.pathParam("id")));
    }

    /** PATCH /api/incidents/{id} or POST /api/incidents/{id}/status with JSON {@code {"status":..,"note":..}}. */
    void updateStatus(Context ctx) throws IOException {
        StatusChange change = body(ctx);
        Incident current = incident(ctx.pathParam("id"));
        String status = change.status() == null ? current.status() : change.status().strip().toLowerCase(Locale.ROOT);
        if (!status.equals(Incident.OPEN) && !status.equals(Incident.RESOLVED)) {
            throw HttpProblem.badRequest("status must be 'open' or 'resolved'");
        }
        String note = change.note() == null ? current.note() : change.note();
        if (note.length() > MAX_NOTE) {
            throw HttpProblem.badRequest("note longer than " + MAX_NOTE + " characters");
        }
        ctx.json(services.store().updateStatus(current.id(), status, note, AccessControl.principal(ctx).name())
                .orElseThrow(() -> HttpProblem.notFound("no incident " + current.id())));
    }

    /** The fields a status change may carry; a missing one keeps its value. */
    record StatusChange(String status, String note) {
    }

    private static StatusChange body(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return new StatusChange(ctx.formParam("status"), ctx.formParam("note"));
        }
        try {
            StatusChange c = ctx.bodyAsClass(StatusChange.class);
            if (c == null) {
                throw HttpProblem.badRequest("empty body: send {\"status\":\"resolved\",\"note\":\"...\"}");
            }
            return c;
        } catch (HttpProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("body must be JSON like {\"status\":\"resolved\",\"note\":\"...\"}");
        }
    }

    void similar(Context ctx) throws IOException {
        int limit = intParam(ctx, "limit", 10, 1, 50);
        String id = ctx.pathParam("id");
        ctx.json(Map.of("id", id, "similar", admission.run(() -> services.similar().similarTo(id, limit))
                .orElseThrow(() -> HttpProblem.notFound("no incident " + id))));
    }

    /** GET /api/incidents/{id}/files/{index}: the uploaded file as stored, as plain text (never rendered). */
    void file(Context ctx) throws IOException {
        Incident incident = incident(ctx.pathParam("id"));
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("file index must be a number");
        }
        if (index < 0 || index >= incident.files().size()) {
            throw HttpProblem.notFound("incident " + incident.id() + " has no file " + index);
        }
        Incident.StoredFile f = incident.files().get(index);
        InputStream in = services.store().bundles().open(f);
        ctx.header("Content-Disposition", "inline; filename=\"file-" + index + ".txt\"");
        ctx.contentType("text/plain; charset=utf-8").result(in);
    }

    void search(Context ctx) throws IOException {
        SearchRequest request = new SearchRequest(ctx.queryParam("q"), instant(ctx.queryParam("from"), false),
                instant(ctx.queryParam("to"), true), SearchRequest.Order.parse(ctx.queryParam("sort")),
                intParam(ctx, "page", 0, 0, Integer.MAX_VALUE), intParam(ctx, "size", 20, 1, SearchRequest.MAX_PAGE_SIZE));
        ctx.json(admission.run(() -> services.searcher().search(request)));
    }

    void savedSearches(Context ctx) throws IOException {
        ctx.json(services.savedSearches().list());
    }

    /** POST /api/saved-searches with JSON {@code {"name":..,"query":..}}. */
    void saveSearch(Context ctx) throws IOException {
        NewSavedSearch s;
        try {
            s = ctx.bodyAsClass(NewSavedSearch.class);
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("body must be JSON like {\"name\":\"...\",\"query\":\"...\"}");
        }
        if (s == null) {
            throw HttpProblem.badRequest("body must be JSON like {\"name\":\"...\",\"query\":\"...\"}");
        }
        ctx.status(201).json(services.savedSearches().save(s.name(), s.query(), services.searcher().parsing()));
    }

    record NewSavedSearch(String name, String query) {
    }

    void deleteSavedSearch(Context ctx) throws IOException {
        if (!services.savedSearches().delete(ctx.pathParam("id"))) {
            throw HttpProblem.notFound("no saved search " + ctx.pathParam("id"));
        }
        ctx.status(204);
    }

    void rules(Context ctx) {
        ctx.json(BuiltInRules.all().stream().map(IncidentApi::rule).toList());
    }

    /**
     * One rule for the rules page.
     *
     * @param docs  path of the rule's documentation in the repository
     */
    record RuleInfo(String id, String title, String severity, String matrixRow, String matrixRowTitle,
                    List<String> requires, List<String> requiresAnyOf, String docs) {
    }

    private static RuleInfo rule(Rule r) {
        DiagnosticRule m = r.metadata();
        return new RuleInfo(m.id(), m.title(), m.severity().name(), m.matrixRow().name(), m.matrixRow().title(),
                Arrays.stream(m.requires()).map(Fact::name).toList(),
                Arrays.stream(m.requiresAnyOf()).map(Fact::name).toList(), "docs/rules/" + m.id() + ".md");
    }

    private Incident incident(String id) throws IOException {
        return services.store().get(id).orElseThrow(() -> HttpProblem.notFound("no incident " + id));
    }

    static List<String> tags(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> tags = Arrays.stream(raw.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.length() > 100 ? t.substring(0, 100) : t).distinct().toList();
        if (tags.size() > MAX_TAGS) {
            throw HttpProblem.badRequest("at most " + MAX_TAGS + " tags");
        }
        return tags;
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw new InvalidQueryException(name + " must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name + " must be a number, not '" + v + "'");
        }
    }

    /** ISO instant ({@code 2026-11-01T00:00:00Z}) or date ({@code 2026-11-01}; as 'to' it includes that day). */
    static Instant instant(String v, boolean endOfDay) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("dates are YYYY-MM-DD or ISO instants like 2026-11-01T00:00:00Z, not '"
                    + v + "'");
        }
    }
}
