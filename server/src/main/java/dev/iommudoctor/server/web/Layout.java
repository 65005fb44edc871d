package dev.iommudoctor.server.web;

/**
 * The frame of every page: header with navigation, one stylesheet and page scripts loaded from
 * {@code /assets} (the Content-Security-Policy forbids inline scripts and styles).
 */
final class Layout {

    enum Nav {
        SEARCH("/", "Search"),
        UPLOAD("/upload", "Upload"),
        RULES("/rules", "Rules"),
        NONE("", "");

        final String href;
        final String label;

        Nav(String href, String label) {
            this.href = href;
            this.label = label;
        }
    }

    /** Stated explicitly: the pages carry uploaded text in any script. */
    static final String HTML = "text/html; charset=utf-8";

    private Layout() {
    }

    /**
     * @param title   page title, plain text (escaped here)
     * @param body    HTML of the main element: the caller has escaped everything in it
     * @param script  asset name of the page's ES module ({@code search.js}), or null
     */
    static String page(String title, Nav active, String body, String script) {
        StringBuilder b = new StringBuilder(4096 + body.length());
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(title)).append(" · iommu-doctor</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/app.css\">\n");
        if (script != null) {
            b.append("<script type=\"module\" src=\"/assets/").append(script).append("\"></script>\n");
        }
        b.append("</head>\n<body>\n<header class=\"top\"><a class=\"brand\" href=\"/\">iommu-doctor</a><nav>");
        for (Nav n : Nav.values()) {
            if (n == Nav.NONE) {
                continue;
            }
            b.append("<a href=\"").append(n.href).append('"').append(n == active ? " class=\"active\"" : "")
                    .append('>').append(n.label).append("</a>");
        }
        b.append("</nav></header>\n<main>\n").append(body).append("\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** A small error page (unknown incident, file not in the bundle). */
    static String error(String title, String message) {
        return page(title, Nav.NONE, "<h1>" + Html.esc(title) + "</h1>\n<p class=\"error\">" + Html.esc(message)
                + "</p>\n<p><a href=\"/\">Back to search</a></p>", null);
    }
}
