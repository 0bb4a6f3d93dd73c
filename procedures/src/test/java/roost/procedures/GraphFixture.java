package roost.procedures;

import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;

/** Writes users, tweets, follows and engagements with Cypher, one transaction per call. */
public final class GraphFixture {
    /** 2012-07-04T00:00Z: test data lives in data time, far from the wall clock. */
    public static final long T0 = 1_341_360_000_000L;

    public static final long HOUR = 3_600_000L;

    private final GraphDatabaseService db;

    public GraphFixture(GraphDatabaseService db) {
        this.db = db;
    }

    public GraphFixture users(long... ids) {
        for (long id : ids) {
            db.executeTransactionally("MERGE (:User {id: $id})", Map.of("id", id));
        }
        return this;
    }

    public GraphFixture tweet(long id, long authorId, long createdAt) {
        db.executeTransactionally(
                "MERGE (a:User {id: $author}) CREATE (t:Tweet {id: $id, authorId: $author, createdAt: $at}) "
                        + "CREATE (a)-[:POSTED {createdAt: $at}]->(t)",
                Map.of("id", id, "author", authorId, "at", createdAt));
        return this;
    }

    public GraphFixture follow(long follower, long followee) {
        db.executeTransactionally(
                "MERGE (a:User {id: $a}) MERGE (b:User {id: $b}) CREATE (a)-[:FOLLOWS {createdAt: $at}]->(b)",
                Map.of("a", follower, "b", followee, "at", T0 - 100 * HOUR));
        return this;
    }

    /**
     * For each user 1..{@code users}, {@code tries} random followees among the same users (itself
     * and repeats skipped: at most one {@code FOLLOWS} per pair).
     */
    public GraphFixture randomFollows(int users, int tries, java.util.SplittableRandom random) {
        for (long u = 1; u <= users; u++) {
            for (int k = 0; k < tries; k++) {
                long v = 1 + random.nextInt(users);
                if (v != u) {
                    db.executeTransactionally(
                            "MERGE (a:User {id: $a}) MERGE (b:User {id: $b}) MERGE (a)-[:FOLLOWS]->(b)",
                            Map.of("a", u, "b", v));
                }
            }
        }
        return this;
    }

    /** {@code (user)-[:TYPE {createdAt}]->(tweet)}; the tweet must exist. */
    public GraphFixture engage(long user, String type, long tweet, long createdAt) {
        db.executeTransactionally(
                "MERGE (u:User {id: $u}) WITH u MATCH (t:Tweet {id: $t}) CREATE (u)-[:" + type
                        + " {createdAt: $at}]->(t)",
                Map.of("u", user, "t", tweet, "at", createdAt));
        return this;
    }

    /** {@code (user)-[:BLOCKED|MUTED|...]->(:User {id: target})}. */
    public GraphFixture signalUser(long user, String type, long target) {
        db.executeTransactionally(
                "MERGE (u:User {id: $u}) MERGE (v:User {id: $v}) CREATE (u)-[:" + type + " {createdAt: $at}]->(v)",
                Map.of("u", user, "v", target, "at", T0));
        return this;
    }

    /** {@code (user)-[:NOT_INTERESTED|REPORTED]->(:Tweet {id: tweet})}. */
    public GraphFixture signalTweet(long user, String type, long tweet) {
        db.executeTransactionally(
                "MATCH (u:User {id: $u}), (t:Tweet {id: $t}) CREATE (u)-[:" + type + " {createdAt: $at}]->(t)",
                Map.of("u", user, "t", tweet, "at", T0));
        return this;
    }

    public Map<String, Object> single(String cypher, Map<String, Object> params) {
        return db.executeTransactionally(cypher, params, r -> r.hasNext() ? r.next() : Map.of());
    }
}
