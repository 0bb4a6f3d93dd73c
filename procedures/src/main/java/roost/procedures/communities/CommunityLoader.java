package roost.procedures.communities;

import it.unimi.dsi.fastutil.longs.Long2FloatOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import roost.model.CommunityGraph;
import roost.model.Labels;
import roost.model.Props;

/**
 * Rebuilds the live model from what the last run wrote to the graph (after a restart): the run's
 * settings and statistics, the communities, KnownFor, every user's interests (the stored
 * normalised vector times its stored norm) and the tweet vectors. Empty when no run was written.
 */
final class CommunityLoader {
    private CommunityLoader() {}

    static CommunityState load(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            Map<String, Object> m;
            try (Result r = tx.execute(
                    "MATCH (m:" + Labels.MODEL_NAME + " {name: $name}) RETURN properties(m) AS m",
                    Map.of("name", CommunityGraph.MODEL))) {
                if (!r.hasNext()) {
                    return CommunityState.empty();
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> props = (Map<String, Object>) r.next().get("m");
                m = props;
            }
            CommunityParams params = new CommunityParams(
                    num(m, "followWeight"),
                    num(m, "engagementWeight"),
                    (long) num(m, "interestHalfLifeMillis"),
                    (long) num(m, "tweetHalfLifeMillis"),
                    (int) num(m, "interestTopK"),
                    (int) num(m, "tweetTopK"),
                    (int) num(m, "topTweetsPerCommunity"),
                    new HashSet<>(List.of((String[]) m.get("engagementTypes"))));
            CommunityState.Stats stats = new CommunityState.Stats(
                    (String) m.get("algorithm"),
                    (int) num(m, "communities"),
                    (int) num(m, "producers"),
                    (int) num(m, "knownFor"),
                    (long) num(m, "similarityEdges"),
                    num(m, "modularity"),
                    num(m, "conductance"),
                    num(m, "coverage"),
                    (long) num(m, "dataTime"),
                    (long) num(m, "detectedAt"));
            Long2IntOpenHashMap knownFor = new Long2IntOpenHashMap();
            knownFor.defaultReturnValue(-1);
            Long2FloatOpenHashMap knownForScore = new Long2FloatOpenHashMap();
            List<Long> ids = new ArrayList<>();
            try (Result r = tx.execute("MATCH (c:" + Labels.COMMUNITY_NAME + ") RETURN c ORDER BY c." + Props.ID)) {
                r.forEachRemaining(row -> {
                    org.neo4j.graphdb.Node c = (org.neo4j.graphdb.Node) row.get("c");
                    ids.add(((Number) c.getProperty(Props.ID)).longValue());
                });
            }
            int n = ids.size();
            CommunityState.Community[] communities = new CommunityState.Community[n];
            List<List<Long>> memberIds = new ArrayList<>();
            List<List<Float>> memberScores = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                memberIds.add(new ArrayList<>());
                memberScores.add(new ArrayList<>());
            }
            try (Result r = tx.execute("MATCH (u:" + Labels.USER_NAME + ")-[k:" + CommunityGraph.KNOWN_FOR.name()
                    + "]->(c:" + Labels.COMMUNITY_NAME + ") RETURN u." + Props.ID + " AS u, c." + Props.ID
                    + " AS c, k." + CommunityGraph.SCORE + " AS s ORDER BY s DESC, u")) {
                r.forEachRemaining(row -> {
                    long u = ((Number) row.get("u")).longValue();
                    int c = ((Number) row.get("c")).intValue();
                    float s = ((Number) row.get("s")).floatValue();
                    knownFor.put(u, c);
                    knownForScore.put(u, s);
                    if (c < memberIds.size()) {
                        memberIds.get(c).add(u);
                        memberScores.get(c).add(s);
                    }
                });
            }
            final CommunityState.Community[] list = communities;
            try (Result r = tx.execute("MATCH (c:" + Labels.COMMUNITY_NAME + ") RETURN c ORDER BY c." + Props.ID)) {
                r.forEachRemaining(row -> {
                    org.neo4j.graphdb.Node node = (org.neo4j.graphdb.Node) row.get("c");
                    int c = ((Number) node.getProperty(Props.ID)).intValue();
                    if (c >= list.length) {
                        return;
                    }
                    long[] mids =
                            memberIds.get(c).stream().mapToLong(Long::longValue).toArray();
                    float[] ms = new float[mids.length];
                    for (int i = 0; i < ms.length; i++) {
                        ms[i] = memberScores.get(c).get(i);
                    }
                    list[c] = new CommunityState.Community(
                            c,
                            ((Number) node.getProperty(CommunityGraph.SIZE)).intValue(),
                            (String) node.getProperty(CommunityGraph.NAME, ""),
                            List.of((String[]) node.getProperty(CommunityGraph.TOP_PRODUCERS, new String[0])),
                            List.of((String[]) node.getProperty(CommunityGraph.TOP_TERMS, new String[0])),
                            mids,
                            ms);
                });
            }
            Long2ObjectOpenHashMap<SparseVector> interests = new Long2ObjectOpenHashMap<>();
            try (Result r = tx.execute("MATCH (u:" + Labels.USER_NAME + ") WHERE u." + CommunityGraph.INTERESTED_IN_NORM
                    + " IS NOT NULL RETURN u." + Props.ID + " AS u, u." + CommunityGraph.INTERESTED_IN_IDS
                    + " AS ids, u."
                    + CommunityGraph.INTERESTED_IN_SCORES + " AS scores, u." + CommunityGraph.INTERESTED_IN_NORM
                    + " AS norm")) {
                r.forEachRemaining(row -> {
                    long[] cids = (long[]) row.get("ids");
                    double[] scores = (double[]) row.get("scores");
                    double norm = ((Number) row.get("norm")).doubleValue();
                    int[] ci = new int[cids.length];
                    float[] v = new float[cids.length];
                    for (int i = 0; i < ci.length; i++) {
                        ci[i] = (int) cids[i];
                        v[i] = (float) (scores[i] * norm);
                    }
                    interests.put(((Number) row.get("u")).longValue(), SparseVector.of(ci, v));
                });
            }
            Long2ObjectOpenHashMap<TweetVector> tweets = new Long2ObjectOpenHashMap<>();
            try (Result r =
                    tx.execute("MATCH (t:" + Labels.TWEET_NAME + ") WHERE t." + CommunityGraph.TWEET_COMMUNITY_TIME
                            + " IS NOT NULL RETURN t." + Props.ID + " AS t, t." + Props.AUTHOR_ID + " AS a, t."
                            + CommunityGraph.TWEET_COMMUNITIES + " AS ids, t." + CommunityGraph.TWEET_COMMUNITY_SCORES
                            + " AS scores, t." + CommunityGraph.TWEET_COMMUNITY_TIME + " AS time")) {
                r.forEachRemaining(row -> {
                    long[] cids = (long[]) row.get("ids");
                    double[] scores = (double[]) row.get("scores");
                    long author = row.get("a") instanceof Number a ? a.longValue() : Long.MIN_VALUE;
                    TweetVector v = new TweetVector(author, ((Number) row.get("time")).longValue(), params.tweetTopK());
                    for (int i = 0; i < cids.length; i++) {
                        v.vector.add((int) cids[i], scores[i], params.tweetTopK());
                    }
                    tweets.put(((Number) row.get("t")).longValue(), v);
                });
            }
            return new CommunityState(params, stats, list, knownFor, knownForScore, interests, tweets);
        }
    }

    private static double num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
