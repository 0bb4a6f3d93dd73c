package roost.api.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Tweet search over the Earlybird index, through the {@code roost.search.tweets} procedure (the
 * HTTP layer never touches Lucene itself).
 */
public final class SearchService {
    /** One validated request; null fields are not filtered on. */
    public record Query(
            String text,
            int limit,
            List<Long> authorIds,
            Long since,
            Long until,
            String lang,
            String order,
            boolean fresh) {}

    /** One hit, ids as strings (64-bit ids do not fit a JavaScript number). */
    public record Hit(String tweetId, String authorId, String text, String lang, String createdAt, double score) {}

    private final GraphDatabaseService db;

    public SearchService(GraphDatabaseService db) {
        this.db = db;
    }

    public List<Hit> search(Query q) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("limit", q.limit());
        if (!q.authorIds().isEmpty()) {
            config.put("authorIds", q.authorIds());
        }
        if (q.since() != null) {
            config.put("since", q.since());
        }
        if (q.until() != null) {
            config.put("until", q.until());
        }
        if (q.lang() != null) {
            config.put("lang", q.lang());
        }
        config.put("order", q.order());
        config.put("fresh", q.fresh());
        return db.executeTransactionally(
                "CALL roost.search.tweets($q, $config) YIELD tweetId, authorId, createdAt, text, lang, score"
                        + " RETURN tweetId, authorId, createdAt, text, lang, score",
                Map.of("q", q.text(), "config", config),
                result -> {
                    List<Hit> hits = new ArrayList<>();
                    result.forEachRemaining(row -> hits.add(new Hit(
                            String.valueOf(row.get("tweetId")),
                            String.valueOf(row.get("authorId")),
                            (String) row.get("text"),
                            (String) row.get("lang"),
                            Instant.ofEpochMilli(((Number) row.get("createdAt")).longValue())
                                    .toString(),
                            ((Number) row.get("score")).doubleValue())));
                    return hits;
                });
    }
}
