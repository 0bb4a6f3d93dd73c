package roost.api.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import roost.api.search.SearchService;
import roost.model.RoostException;

/**
 * {@code GET /api/v1/search?q=&limit=&author=&since=&until=&lang=&order=&fresh=}: every parameter
 * validated here, a bad one answered 400 naming it.
 */
record SearchController(SearchService service, HttpApi.Limits limits) {
    static final int MAX_QUERY = 500;
    static final int MAX_AUTHORS = 1000;
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            throw bad("q", q, "must be a non-empty text of at most " + MAX_QUERY + " characters");
        }
        int limit = Params.limit(ctx, limits.defaultLimit(), limits.maxLimit());
        List<Long> authors = new ArrayList<>();
        for (String value : ctx.queryParams("author")) {
            for (String part : value.split(",")) {
                try {
                    long id = Long.parseLong(part.trim());
                    if (id < 0) {
                        throw new NumberFormatException();
                    }
                    authors.add(id);
                } catch (NumberFormatException e) {
                    throw bad("author", value, "must be user ids (non-negative integers), comma-separated");
                }
            }
        }
        if (authors.size() > MAX_AUTHORS) {
            throw bad("author", authors.size() + " ids", "must list at most " + MAX_AUTHORS + " ids");
        }
        Long since = time(ctx, "since");
        Long until = time(ctx, "until");
        if (since != null && until != null && since > until) {
            throw bad("since", ctx.queryParam("since"), "must not be after 'until'");
        }
        String lang = ctx.queryParam("lang");
        if (lang != null && !LANG.matcher(lang).matches()) {
            throw bad("lang", lang, "must be a language code such as 'en' or 'pt-BR'");
        }
        String order = ctx.queryParam("order");
        if (order == null) {
            order = "relevance";
        } else if (!order.equals("relevance") && !order.equals("recent")) {
            throw bad("order", order, "must be 'relevance' or 'recent'");
        }
        String fresh = ctx.queryParam("fresh");
        if (fresh != null && !fresh.equals("true") && !fresh.equals("false")) {
            throw bad("fresh", fresh, "must be true or false");
        }
        ctx.json(new Page<>(
                service.search(new SearchService.Query(
                        q,
                        limit,
                        authors,
                        since,
                        until,
                        lang == null ? null : lang.toLowerCase(Locale.ROOT),
                        order,
                        "true".equals(fresh))),
                null));
    }

    /** An ISO-8601 instant ({@code 2024-01-02T03:04:05Z}) or epoch milliseconds. */
    private static Long time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(raw).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw bad(name, raw, "must be an ISO-8601 instant (2024-01-02T03:04:05Z) or epoch milliseconds");
            }
        }
    }

    private static RoostException.InvalidArgument bad(String name, Object value, String rule) {
        return new RoostException.InvalidArgument(
                "query parameter '" + name + "' " + rule + ", was " + (value == null ? "missing" : "'" + value + "'"));
    }
}
