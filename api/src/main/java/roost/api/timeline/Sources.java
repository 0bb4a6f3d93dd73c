package roost.api.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Transaction;
import roost.api.db.CypherScripts;

/** The candidate sources the timeline blends, each reading the database through Cypher. */
public final class Sources {
    private Sources() {}

    /**
     * Followees' newest tweets within a window ({@code cypher/timeline-in-network.cypher}). It has
     * no ranker of its own: every candidate scores 1, and the mixer's recency factor orders them.
     */
    public static CandidateSource inNetwork(long windowMillis) {
        String query = CypherScripts.load("timeline-in-network");
        return new CandidateSource() {
            @Override
            public String name() {
                return "in-network";
            }

            @Override
            public List<Candidate> candidates(Transaction tx, Viewer viewer, int max) {
                List<Candidate> out = new ArrayList<>();
                Map<String, Object> params =
                        Map.of("userId", viewer.id(), "since", viewer.nowMillis() - windowMillis, "limit", max);
                try (var result = tx.execute(query, params)) {
                    while (result.hasNext()) {
                        Map<String, Object> row = result.next();
                        out.add(new Candidate(
                                (Long) row.get("tweetId"), (Long) row.get("authorId"), name(), 1.0, List.of()));
                    }
                }
                return out;
            }
        };
    }

    /**
     * The in-network source: {@code roost.earlybird.inNetwork}, followees' tweets from the Lucene
     * index, pre-ordered by the light ranker; when the index cannot answer (it failed to open, say),
     * the Cypher query of {@link #inNetwork(long)} answers instead, in a transaction of its own.
     */
    public static CandidateSource earlybirdInNetwork(org.neo4j.graphdb.GraphDatabaseService db, long windowMillis) {
        CandidateSource cypher = inNetwork(windowMillis);
        String query = "CALL roost.earlybird.inNetwork($userId, {limit: $limit, windowHours: $windowHours})"
                + " YIELD tweetId, authorId, score RETURN tweetId, authorId, score";
        return new CandidateSource() {
            @Override
            public String name() {
                return "in-network";
            }

            @Override
            public List<Candidate> candidates(Transaction tx, Viewer viewer, int max) {
                List<Candidate> out = new ArrayList<>();
                Map<String, Object> params = Map.of(
                        "userId",
                        viewer.id(),
                        "limit",
                        Math.min(max, 10_000),
                        "windowHours",
                        windowMillis / 3_600_000.0);
                try (Transaction own = db.beginTx();
                        var result = own.execute(query, params)) {
                    while (result.hasNext()) {
                        Map<String, Object> row = result.next();
                        out.add(new Candidate(
                                (Long) row.get("tweetId"),
                                (Long) row.get("authorId"),
                                name(),
                                ((Number) row.get("score")).doubleValue(),
                                List.of()));
                    }
                    return out;
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Sources.class)
                            .warn(
                                    "Earlybird could not answer for user {}; in-network from Cypher: {}",
                                    viewer.id(),
                                    e.toString());
                    return cypher.candidates(tx, viewer, max);
                }
            }
        };
    }

    /** {@code roost.communities.similarTweets}: the embedding-space source (the viewer's communities' top tweets). */
    public static CandidateSource communities() {
        return procedure(
                "communities",
                "CALL roost.communities.similarTweets($userId, {limit: $limit})"
                        + " YIELD tweetId, authorId, score RETURN tweetId, authorId, score, [] AS socialProof");
    }

    /** {@code roost.network.engagedByFollowings}: what the accounts the viewer follows engaged with. */
    public static CandidateSource engagedByFollowings() {
        return procedure(
                "engaged-by-followings",
                "CALL roost.network.engagedByFollowings($userId, {limit: $limit})"
                        + " YIELD tweetId, authorId, score, socialProof"
                        + " RETURN tweetId, authorId, score, socialProof");
    }

    /** {@code roost.salsa.tweets}: SALSA random walks over the engagement graph. */
    public static CandidateSource salsa() {
        return procedure(
                "salsa",
                "CALL roost.salsa.tweets($userId, {limit: $limit})"
                        + " YIELD tweetId, authorId, score, socialProof"
                        + " RETURN tweetId, authorId, score, socialProof");
    }

    /** An out-of-network source answered by a query returning tweetId, authorId, score, socialProof. */
    @SuppressWarnings("unchecked")
    public static CandidateSource procedure(String name, String query) {
        return new CandidateSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Candidate> candidates(Transaction tx, Viewer viewer, int max) {
                List<Candidate> out = new ArrayList<>();
                try (var result = tx.execute(query, Map.of("userId", viewer.id(), "limit", max))) {
                    while (result.hasNext()) {
                        Map<String, Object> row = result.next();
                        out.add(new Candidate(
                                (Long) row.get("tweetId"),
                                (Long) row.get("authorId"),
                                name,
                                ((Number) row.get("score")).doubleValue(),
                                (List<Long>) row.get("socialProof")));
                    }
                }
                return out;
            }
        };
    }
}
