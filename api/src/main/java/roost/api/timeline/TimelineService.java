package roost.api.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import roost.api.db.CypherScripts;
import roost.model.Labels;
import roost.model.Props;
import roost.model.RoostException;

/**
 * The baseline timeline: followees' tweets, newest first, by the query in
 * {@code cypher/timeline-baseline.cypher}. Ranked timelines are measured against it.
 *
 * <p>Score: recency with a 24 h half-life, measured from the newest item of the page, so that the
 * score of a chronological page is meaningful on historical data too.
 */
public final class TimelineService {
    public static final String SOURCE = "in-network-chronological";
    private static final double HALF_LIFE_MS = 24 * 3600_000.0;

    private final GraphDatabaseService db;
    private final String query = CypherScripts.load("timeline-baseline");

    public TimelineService(GraphDatabaseService db) {
        this.db = db;
    }

    /** @throws RoostException.NotFound when the user does not exist */
    public List<TimelineItem> timeline(long userId, int limit) {
        try (Transaction tx = db.beginTx()) {
            if (tx.findNode(Labels.USER, Props.ID, userId) == null) {
                throw new RoostException.NotFound("user " + userId + " does not exist");
            }
            List<TimelineItem> items = new ArrayList<>(limit);
            try (var result = tx.execute(query, Map.of("userId", userId, "limit", limit))) {
                long newest = Long.MIN_VALUE;
                while (result.hasNext()) {
                    Map<String, Object> row = result.next();
                    long createdAt = ((Number) row.get("createdAt")).longValue();
                    newest = Math.max(newest, createdAt);
                    double score = Math.pow(0.5, (newest - createdAt) / HALF_LIFE_MS);
                    items.add(new TimelineItem(
                            String.valueOf(row.get("tweetId")),
                            String.valueOf(row.get("authorId")),
                            (String) row.get("text"),
                            Instant.ofEpochMilli(createdAt).toString(),
                            score,
                            SOURCE));
                }
            }
            return items;
        }
    }
}
