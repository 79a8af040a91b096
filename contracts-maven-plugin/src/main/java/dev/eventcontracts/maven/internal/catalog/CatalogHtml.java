package dev.eventcontracts.maven.internal.catalog;

import dev.eventcontracts.compat.Violation;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.maven.internal.catalog.Catalog.HistoryEntry;
import dev.eventcontracts.schema.SchemaChange;
import java.util.List;

/**
 * Renders a {@link Catalog} as one self-contained HTML page: styles and the search script inline, no font, script or
 * style from elsewhere, so the page works opened from a file or served by any static host. The page is complete
 * without the script; the script adds the search across types and fields.
 */
public final class CatalogHtml {

    private CatalogHtml() {}

    /**
     * Renders the page.
     *
     * @param catalog the catalog; never null
     * @return the HTML document; never null
     */
    public static String render(Catalog catalog) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(catalog.title()))
                .append(' ')
                .append(esc(catalog.version()))
                .append(" · contract catalog</title>\n<style>\n")
                .append(CatalogAssets.CSS)
                .append("</style>\n</head>\n<body>\n");
        header(catalog, out);
        out.append("<main>\n<section id=\"topics\">\n<h2>Topics</h2>\n");
        catalog.topics().forEach(t -> topic(t, out));
        out.append("</section>\n<section id=\"event-types\">\n<h2>Event types</h2>\n");
        catalog.types().stream().filter(Catalog.Type::eventType).forEach(t -> type(t, out));
        out.append("</section>\n<section id=\"used-types\">\n<h2>Types the events use</h2>\n");
        catalog.types().stream().filter(t -> !t.eventType()).forEach(t -> type(t, out));
        out.append("</section>\n</main>\n<script>\n")
                .append(CatalogAssets.SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(Catalog catalog, StringBuilder out) {
        long events = catalog.types().stream().filter(Catalog.Type::eventType).count();
        out.append("<header>\n<h1>")
                .append(esc(catalog.title()))
                .append(" <span class=\"version\">")
                .append(esc(catalog.version()))
                .append("</span></h1>\n<p class=\"summary\">")
                .append(catalog.topics().size())
                .append(catalog.topics().size() == 1 ? " topic, " : " topics, ")
                .append(events)
                .append(" event types, ")
                .append(catalog.types().size() - events)
                .append(" types they use; releases ")
                .append(catalog.releases().isEmpty() ? "none yet" : esc(String.join(", ", catalog.releases())))
                .append(". Generated from topics.json and the .avsc files by contracts:catalog.</p>\n")
                .append("<input id=\"search\" type=\"search\" placeholder=\"Search types and fields\" ")
                .append("aria-label=\"Search types and fields\" autocomplete=\"off\">\n")
                .append("<ul id=\"search-results\" hidden></ul>\n<nav>\n");
        catalog.topics()
                .forEach(t -> out.append("<a href=\"#topic-")
                        .append(esc(t.contract().name()))
                        .append("\">")
                        .append(esc(t.contract().name()))
                        .append("</a>\n"));
        catalog.types()
                .forEach(t -> out.append("<a class=\"")
                        .append(t.eventType() ? "nav-event" : "nav-type")
                        .append("\" href=\"#type-")
                        .append(esc(t.fullName()))
                        .append("\">")
                        .append(esc(t.name()))
                        .append("</a>\n"));
        out.append("</nav>\n</header>\n");
    }

    private static void topic(Catalog.Topic topic, StringBuilder out) {
        TopicContract t = topic.contract();
        out.append("<article class=\"topic\" id=\"topic-")
                .append(esc(t.name()))
                .append("\" data-topic=\"")
                .append(esc(t.name()))
                .append("\">\n<h3>")
                .append(esc(t.name()))
                .append("</h3>\n");
        if (!t.doc().isEmpty()) {
            out.append("<p class=\"doc\">").append(esc(t.doc())).append("</p>\n");
        }
        out.append("<table class=\"facts\">\n");
        String keyField = t.key().field() == null ? "" : "<code>" + esc(t.key().field()) + "</code> as ";
        fact(
                out,
                "key",
                "Key",
                keyField + "Avro <code>" + esc(t.key().schema()) + "</code>, subject <code>"
                        + esc(t.key().subject()) + "</code>, " + esc(topic.keyLevel()));
        fact(out, "value-subject", "Value subject", "<code>" + esc(t.value().subject()) + "</code>");
        fact(out, "level", "Compatibility", esc(t.value().compatibility()));
        fact(out, "partitions", "Partitions", t.partitions() > 0 ? String.valueOf(t.partitions()) : "not declared");
        fact(
                out,
                "replication",
                "Replication",
                (t.replicationFactor() > 0 ? String.valueOf(t.replicationFactor()) : "not declared")
                        + (t.minInsyncReplicas() > 0 ? ", min.insync.replicas " + t.minInsyncReplicas() : ""));
        fact(
                out,
                "dlq",
                "Dead-letter topic",
                t.deadLetterTopic() == null ? "none declared" : "<code>" + esc(t.deadLetterTopic()) + "</code>");
        StringBuilder events = new StringBuilder("<ul class=\"event-types\">");
        t.value()
                .eventTypes()
                .forEach(e -> events.append("<li><a href=\"#type-")
                        .append(esc(e))
                        .append("\">")
                        .append(esc(simpleName(e)))
                        .append("</a></li>"));
        fact(out, "event-types", "Event types", events.append("</ul>").toString());
        out.append("</table>\n");
        history(topic.history(), t.value().subject(), out);
        out.append("</article>\n");
    }

    private static void fact(StringBuilder out, String cls, String label, String html) {
        out.append("<tr class=\"")
                .append(cls)
                .append("\"><th>")
                .append(label)
                .append("</th><td>")
                .append(html)
                .append("</td></tr>\n");
    }

    private static void type(Catalog.Type type, StringBuilder out) {
        out.append("<article class=\"type\" id=\"type-")
                .append(esc(type.fullName()))
                .append("\" data-type=\"")
                .append(esc(type.fullName()))
                .append("\" data-name=\"")
                .append(esc(type.name()))
                .append("\">\n<h3>")
                .append(esc(type.name()))
                .append(" <small>")
                .append(esc(type.kind()))
                .append(" · ")
                .append(esc(type.fullName()))
                .append("</small></h3>\n");
        if (!type.doc().isEmpty()) {
            out.append("<p class=\"doc\">").append(esc(type.doc())).append("</p>\n");
        }
        out.append("<p class=\"meta\">");
        if (type.eventType()) {
            out.append("On topic ")
                    .append(esc(String.join(", ", type.topics())))
                    .append(" · ");
        }
        out.append("subject <code>")
                .append(esc(type.subject()))
                .append("</code> · ")
                .append(esc(type.level()))
                .append("</p>\n");
        if (!type.fields().isEmpty()) {
            fields(type, out);
        }
        if (!type.symbols().isEmpty()) {
            out.append("<ul class=\"symbols\">");
            for (String symbol : type.symbols()) {
                out.append("<li class=\"symbol\" data-symbol=\"")
                        .append(esc(symbol))
                        .append("\"><code>")
                        .append(esc(symbol))
                        .append("</code>")
                        .append(symbol.equals(type.enumDefault()) ? " <em>(default)</em>" : "")
                        .append("</li>");
            }
            out.append("</ul>\n");
        }
        out.append("<details class=\"example\"")
                .append(type.eventType() ? " open" : "")
                .append("><summary>Example payload</summary><pre>")
                .append(esc(type.example()))
                .append("</pre></details>\n");
        history(type.history(), type.fullName(), out);
        out.append("</article>\n");
    }

    private static void fields(Catalog.Type type, StringBuilder out) {
        out.append("<table class=\"fields\">\n<thead><tr><th>Field</th><th>Type</th><th>Default</th><th>Doc</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (Catalog.Field f : type.fields()) {
            out.append("<tr class=\"field\" id=\"field-")
                    .append(esc(type.fullName() + "." + f.name()))
                    .append("\" data-field=\"")
                    .append(esc(f.name()))
                    .append("\"><td class=\"field-name\"><code>")
                    .append(esc(f.name()))
                    .append("</code></td><td class=\"field-type\">")
                    .append(esc(f.type()))
                    .append("</td><td class=\"field-default\">")
                    .append(f.defaultValue() == null ? "<span class=\"none\">none</span>" : code(f.defaultValue()))
                    .append("</td><td class=\"field-doc\">")
                    .append(esc(f.doc()))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void history(List<HistoryEntry> history, String owner, StringBuilder out) {
        out.append("<section class=\"history\">\n<h4>History</h4>\n");
        if (history.isEmpty()) {
            out.append("<p class=\"none\">Not released yet, and unchanged.</p>\n</section>\n");
            return;
        }
        out.append("<ol>\n");
        for (HistoryEntry e : history) {
            out.append("<li class=\"release\" data-release=\"")
                    .append(esc(e.release()))
                    .append("\" data-state=\"")
                    .append(e.state().name())
                    .append("\"><span class=\"release-label\">")
                    .append(esc(e.release()))
                    .append("</span> ")
                    .append(stateText(e));
            if (e.verdict() != null) {
                verdict(e.verdict(), out);
            }
            if (!e.changes().isEmpty()) {
                out.append("<ul class=\"changes\">");
                e.changes().forEach(c -> change(c, owner, out));
                out.append("</ul>");
            }
            out.append("</li>\n");
        }
        out.append("</ol>\n</section>\n");
    }

    private static String stateText(HistoryEntry e) {
        String version = e.subjectVersion() > 0 ? " as version " + e.subjectVersion() : "";
        return switch (e.state()) {
            case INTRODUCED -> "introduced" + version;
            case CHANGED -> "changed" + version;
            case UNCHANGED -> "unchanged";
            case REMOVED -> "no longer in the contracts";
        };
    }

    private static void verdict(Catalog.Verdict v, StringBuilder out) {
        out.append(" <span class=\"verdict ")
                .append(v.compatible() ? "compatible" : "incompatible")
                .append("\">")
                .append(v.compatible() ? "passes the gate at " : "breaks ")
                .append(esc(v.level()))
                .append(" against ")
                .append(esc(v.against()))
                .append(v.compatible() ? "" : ": " + v.violations().size() + " violation(s)")
                .append("</span>");
        if (!v.compatible()) {
            out.append("<ul class=\"violations\">");
            for (Violation violation : v.violations()) {
                out.append("<li class=\"violation\"><code>")
                        .append(esc(violation.rule().name()))
                        .append("</code> ")
                        .append(esc(violation.fieldPath()))
                        .append(" (")
                        .append(esc(violation.direction().name()))
                        .append(", against version ")
                        .append(violation.oldVersion())
                        .append("): ")
                        .append(esc(violation.message()))
                        .append(" <em>Fix: ")
                        .append(esc(violation.fixHint()))
                        .append("</em></li>");
            }
            out.append("</ul>");
        }
    }

    private static void change(SchemaChange c, String owner, StringBuilder out) {
        String where = c.type().equals(owner) ? c.member() : simpleName(c.type()) + memberSuffix(c);
        String detail =
                c.before().isEmpty() || c.after().isEmpty() ? c.before() + c.after() : c.before() + " → " + c.after();
        out.append("<li class=\"change ")
                .append(c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append("\" data-kind=\"")
                .append(c.kind().name())
                .append("\" data-path=\"")
                .append(esc(c.path()))
                .append("\">")
                .append(esc(c.kind().label()))
                .append(where.isEmpty() ? "" : " <code>" + esc(where) + "</code>")
                .append(detail.isEmpty() ? "" : ": " + esc(detail))
                .append("</li>");
    }

    private static String memberSuffix(SchemaChange c) {
        return c.member().isEmpty() ? "" : "." + c.member();
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    private static String code(String text) {
        return "<code>" + esc(text) + "</code>";
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
