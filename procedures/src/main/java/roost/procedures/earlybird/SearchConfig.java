package roost.procedures.earlybird;

import java.util.List;
import java.util.Map;
import roost.procedures.config.ConfigReader;
import roost.retrieval.earlybird.TextSearch;

/** The config map of {@code roost.search.tweets}, validated. */
record SearchConfig(
        int limit, long[] authorIds, Long since, Long until, String lang, TextSearch.Order order, boolean fresh) {
    static SearchConfig parse(String procedure, Map<String, Object> map) {
        ConfigReader r = ConfigReader.of(procedure, map);
        SearchConfig c = new SearchConfig(
                r.intValue("limit", 50, 1, TextSearch.MAX_LIMIT),
                r.longList("authorIds", 0, Long.MAX_VALUE, 10_000),
                r.optionalLong("since", Long.MIN_VALUE, Long.MAX_VALUE),
                r.optionalLong("until", Long.MIN_VALUE, Long.MAX_VALUE),
                r.optionalString("lang", 16),
                TextSearch.Order.valueOf(r.choice("order", "relevance", List.of("relevance", "recent"))
                        .toUpperCase(java.util.Locale.ROOT)),
                r.booleanValue("fresh", false));
        if (c.since() != null && c.until() != null && c.since() > c.until()) {
            throw r.invalid("since", c.since(), "is after 'until' = " + c.until());
        }
        r.done();
        return c;
    }
}
