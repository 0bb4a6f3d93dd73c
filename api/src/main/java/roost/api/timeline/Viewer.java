package roost.api.timeline;

import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Transaction;
import roost.model.RoostException;

/**
 * What the mixer needs to know of the viewer: whom they follow, whom they hide, and the time
 * "now" in data time (the newest event in the database, so that historical data sets rank as of
 * their own end).
 *
 * @param hiddenAuthors accounts the viewer blocked, muted, reported or marked not interested, and
 *     accounts that blocked the viewer
 * @param seenTweets tweets the viewer engaged with (any engagement: a click or a dwell means it was
 *     seen), reported or marked not interested, since the start of the candidate window
 */
public record Viewer(long id, Set<Long> followees, Set<Long> hiddenAuthors, Set<Long> seenTweets, long nowMillis) {
    /** The viewer with nothing seen. */
    public Viewer(long id, Set<Long> followees, Set<Long> hiddenAuthors, long nowMillis) {
        this(id, followees, hiddenAuthors, Set.of(), nowMillis);
    }

    private static final String QUERY = """
            MATCH (me:User {id: $userId})
            CALL (me) { OPTIONAL MATCH (me)-[:FOLLOWS]->(f:User) RETURN collect(f.id) AS followees }
            CALL (me) {
              OPTIONAL MATCH (me)-[:BLOCKED|MUTED|REPORTED|NOT_INTERESTED]-(h:User)
              WHERE (me)-[:BLOCKED|MUTED|REPORTED|NOT_INTERESTED]->(h) OR (h)-[:BLOCKED]->(me)
              RETURN collect(DISTINCT h.id) AS hidden
            }
            CALL () {
              MATCH (t:Tweet) WHERE t.createdAt IS NOT NULL
              RETURN t.createdAt AS newest ORDER BY t.createdAt DESC LIMIT 1
            }
            CALL (me, newest) {
              OPTIONAL MATCH (me)-[e:%s]->(t:Tweet)
              WHERE e.createdAt >= newest - $windowMillis
              RETURN collect(DISTINCT t.id) AS seen
            }
            RETURN followees, hidden, seen, newest
            """.formatted(seenTypes());

    /** Engagement types, and the negative signals a tweet can get. */
    private static String seenTypes() {
        return java.util.Arrays.stream(roost.model.Rel.values())
                .filter(r -> r.isEngagement() || r == roost.model.Rel.NOT_INTERESTED || r == roost.model.Rel.REPORTED)
                .map(Enum::name)
                .collect(java.util.stream.Collectors.joining("|"));
    }

    /**
     * Loads the viewer.
     *
     * @param windowMillis how far back engagements count as seen, from the newest tweet
     * @throws RoostException.NotFound when the user does not exist
     */
    @SuppressWarnings("unchecked")
    public static Viewer load(Transaction tx, long userId, long windowMillis) {
        try (var result = tx.execute(QUERY, Map.of("userId", userId, "windowMillis", windowMillis))) {
            if (!result.hasNext()) {
                throw new RoostException.NotFound("user " + userId + " does not exist");
            }
            Map<String, Object> row = result.next();
            Number newest = (Number) row.get("newest");
            return new Viewer(
                    userId,
                    Set.copyOf((java.util.List<Long>) row.get("followees")),
                    Set.copyOf((java.util.List<Long>) row.get("hidden")),
                    Set.copyOf((java.util.List<Long>) row.get("seen")),
                    newest == null ? System.currentTimeMillis() : newest.longValue());
        }
    }
}
