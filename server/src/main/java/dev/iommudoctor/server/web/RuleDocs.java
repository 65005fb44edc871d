package dev.iommudoctor.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The rule pages ({@code docs/rules/<ID>.md}, copied into the jar at build time) rendered to HTML
 * with CommonMark. Raw HTML in the Markdown is escaped and link targets are sanitised
 * ({@code javascript:} dropped), so a doc can never inject script into the rules page.
 */
final class RuleDocs {

    static final String ROOT = "/dev/iommudoctor/server/docs/rules/";
    private static final Pattern RULE_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,80}");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final ConcurrentHashMap<String, Optional<String>> cache = new ConcurrentHashMap<>();

    /** The doc of {@code ruleId} as HTML, or empty when the jar has none. */
    Optional<String> html(String ruleId) {
        if (!RULE_ID.matcher(ruleId).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(ruleId, id -> markdown(id).map(this::render));
    }

    String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    private static Optional<String> markdown(String ruleId) {
        try (InputStream in = RuleDocs.class.getResourceAsStream(ROOT + ruleId + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
