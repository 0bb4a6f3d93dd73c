package roost.procedures.communities;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;
import roost.model.CommunityGraph;
import roost.model.Labels;
import roost.model.Props;
import roost.procedures.walk.Guard;

/**
 * Writes a run to the graph in transactions of {@link #BATCH} entities, replacing the previous
 * run: {@code (:Community)} nodes (with the previous run's best-matching community, for "how did it
 * change"), {@code KNOWN_FOR} and the top {@code INTERESTED_IN} relationships, interest and tweet
 * vectors as properties, and the run's statistics on {@code (:RoostModel {name: 'communities'})}.
 *
 * <p>Nodes are addressed by the internal ids read in the same batch (the database is not expected
 * to delete users or tweets meanwhile; a node that is gone is skipped).
 */
final class CommunityWriter {
    static final int BATCH = 10_000;
    static final int ATTEMPTS = 5;

    private CommunityWriter() {}

    @SuppressWarnings(
            "deprecation") // getNodeById: the internal ids were read in this batch, which saves an index lookup per
    // node
    static void write(
            GraphDatabaseService db,
            CommunityState state,
            BatchInput in,
            SparseVector[] interests,
            Long2LongOpenHashMap tweetNodes,
            int interestedInWritten,
            int threads,
            BatchProgress progress,
            Guard guard) {
        FollowData f = in.follows;
        // The previous run: which community each producer was known for, and the sizes.
        Long2IntOpenHashMap previous = new Long2IntOpenHashMap();
        previous.defaultReturnValue(-1);
        Int2IntOpenHashMap previousSize = new Int2IntOpenHashMap();
        db.executeTransactionally(
                "MATCH (u:" + Labels.USER_NAME + ")-[:" + CommunityGraph.KNOWN_FOR.name() + "]->(c:"
                        + Labels.COMMUNITY_NAME + ") RETURN u." + Props.ID + " AS u, c." + Props.ID + " AS c",
                Map.of(),
                r -> {
                    r.forEachRemaining(row -> {
                        int c = ((Number) row.get("c")).intValue();
                        previous.put(((Number) row.get("u")).longValue(), c);
                        previousSize.addTo(c, 1);
                    });
                    return null;
                });
        try (BatchProgress.Stage stage = progress.start("Removing the previous run", -1)) {
            repeat(
                    db,
                    "MATCH (t:" + Labels.TWEET_NAME + ") WHERE t." + CommunityGraph.TWEET_COMMUNITY_TIME
                            + " IS NOT NULL WITH t LIMIT " + BATCH + " REMOVE t." + CommunityGraph.TWEET_COMMUNITIES
                            + ", t."
                            + CommunityGraph.TWEET_COMMUNITY_SCORES + ", t." + CommunityGraph.TWEET_COMMUNITY_TIME
                            + " RETURN count(*) AS n",
                    stage,
                    guard);
        }

        // Community nodes, each with the previous community it shares most producers with.
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CommunityState.Community c : state.communities) {
            Int2IntOpenHashMap overlap = new Int2IntOpenHashMap();
            for (long m : c.members()) {
                int p = previous.get(m);
                if (p >= 0) {
                    overlap.addTo(p, 1);
                }
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", (long) c.id());
            row.put(CommunityGraph.SIZE, (long) c.size());
            row.put(CommunityGraph.NAME, c.name());
            row.put(CommunityGraph.TOP_PRODUCERS, c.topProducers());
            row.put(CommunityGraph.TOP_TERMS, c.topTerms());
            row.put(CommunityGraph.DETECTED_AT, state.stats.detectedAt());
            overlap.int2IntEntrySet().stream()
                    .max((a, b) -> a.getIntValue() != b.getIntValue()
                            ? Integer.compare(a.getIntValue(), b.getIntValue())
                            : Integer.compare(b.getIntKey(), a.getIntKey()))
                    .ifPresent(best -> {
                        row.put(CommunityGraph.PREVIOUS_ID, (long) best.getIntKey());
                        row.put(CommunityGraph.PREVIOUS_SIZE, (long) previousSize.get(best.getIntKey()));
                        row.put(CommunityGraph.RETAINED, (long) best.getIntValue());
                    });
            rows.add(row);
        }
        db.executeTransactionally(
                "UNWIND $rows AS row MERGE (c:" + Labels.COMMUNITY_NAME + " {" + Props.ID + ": row.id}) SET c = row",
                Map.of("rows", rows));
        Map<Integer, String> communityNodes = new HashMap<>();
        db.executeTransactionally(
                "MATCH (c:" + Labels.COMMUNITY_NAME + ") RETURN c." + Props.ID + " AS id, elementId(c) AS node",
                Map.of(),
                r -> {
                    r.forEachRemaining(
                            row -> communityNodes.put(((Number) row.get("id")).intValue(), (String) row.get("node")));
                    return null;
                });

        // Users: KNOWN_FOR, INTERESTED_IN, interest vectors.
        try (BatchProgress.Stage stage = progress.start("Writing users", f.users())) {
            inBatches(db, f.users(), threads, stage, guard, (tx, start, end) -> {
                Node[] community = new Node[state.communities.length];
                for (int u = start; u < end; u++) {
                    writeUser(tx, u, community, communityNodes, state, in, interests, previous, interestedInWritten);
                }
            });
        }

        // Communities of the previous run beyond this run's count (their relationships went with their users).
        db.executeTransactionally(
                "MATCH (c:" + Labels.COMMUNITY_NAME + ") WHERE c." + Props.ID + " >= $n DETACH DELETE c",
                Map.of("n", (long) state.communities.length));

        // Tweets: community vectors as properties.
        long[] tweetIds = state.tweets.keySet().toLongArray();
        try (BatchProgress.Stage stage = progress.start("Writing tweets", tweetIds.length)) {
            inBatches(db, tweetIds.length, threads, stage, guard, (tx, start, end) -> {
                for (int i = start; i < end; i++) {
                    Node node;
                    try {
                        node = tx.getNodeById(tweetNodes.get(tweetIds[i]));
                    } catch (org.neo4j.graphdb.NotFoundException gone) {
                        continue;
                    }
                    writeTweet(node, state.tweets.get(tweetIds[i]));
                }
            });
        }

        Map<String, Object> stats = new LinkedHashMap<>();
        CommunityState.Stats s = state.stats;
        stats.put("algorithm", s.algorithm());
        stats.put("communities", (long) s.communities());
        stats.put("producers", (long) s.producers());
        stats.put("knownFor", (long) s.knownFor());
        stats.put("similarityEdges", s.similarityEdges());
        stats.put("modularity", s.modularity());
        stats.put("conductance", s.conductance());
        stats.put("coverage", s.coverage());
        stats.put("dataTime", s.dataTime());
        stats.put("detectedAt", s.detectedAt());
        CommunityParams p = state.params;
        stats.put("followWeight", p.followWeight());
        stats.put("engagementWeight", p.engagementWeight());
        stats.put("interestHalfLifeMillis", p.interestHalfLifeMillis());
        stats.put("tweetHalfLifeMillis", p.tweetHalfLifeMillis());
        stats.put("interestTopK", (long) p.interestTopK());
        stats.put("tweetTopK", (long) p.tweetTopK());
        stats.put("topTweetsPerCommunity", (long) p.topTweetsPerCommunity());
        stats.put("engagementTypes", p.engagementTypes().stream().sorted().toList());
        db.executeTransactionally(
                "MERGE (m:" + Labels.MODEL_NAME + " {name: $name}) SET m += $stats",
                Map.of("name", CommunityGraph.MODEL, "stats", stats));
    }

    @SuppressWarnings("deprecation") // getNodeById: the internal id read in this batch
    private static void writeUser(
            Transaction tx,
            int u,
            Node[] community,
            Map<Integer, String> communityNodes,
            CommunityState state,
            BatchInput in,
            SparseVector[] interests,
            Long2IntOpenHashMap previous,
            int interestedInWritten) {
        long id = in.follows.userId(u);
        int kf = state.knownFor.get(id);
        SparseVector v = interests[u];
        int prev = previous.get(id);
        if (kf < 0 && v == null && !in.hadInterests.get(u) && prev < 0) {
            return;
        }
        Node node;
        try {
            node = tx.getNodeById(in.userNodes[u]);
        } catch (org.neo4j.graphdb.NotFoundException gone) {
            return;
        }
        // The previous run's relationships go as the new ones are written.
        for (Relationship old :
                node.getRelationships(Direction.OUTGOING, CommunityGraph.KNOWN_FOR, CommunityGraph.INTERESTED_IN)) {
            old.delete();
        }
        if (prev >= 0) {
            node.setProperty(CommunityGraph.PREVIOUS_COMMUNITY, (long) prev);
        } else {
            node.removeProperty(CommunityGraph.PREVIOUS_COMMUNITY); // from an older run
        }
        if (kf >= 0) {
            Relationship r = node.createRelationshipTo(
                    communityNode(tx, community, communityNodes, kf), CommunityGraph.KNOWN_FOR);
            r.setProperty(CommunityGraph.SCORE, (double) state.knownForScore.get(id));
        }
        if (v == null) {
            node.removeProperty(CommunityGraph.INTERESTED_IN_IDS);
            node.removeProperty(CommunityGraph.INTERESTED_IN_SCORES);
            node.removeProperty(CommunityGraph.INTERESTED_IN_NORM);
            return;
        }
        double norm = v.norm();
        int[] order = v.order();
        long[] ids = new long[order.length];
        double[] scores = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            ids[i] = v.ids[order[i]];
            scores[i] = v.values[order[i]] / norm;
        }
        node.setProperty(CommunityGraph.INTERESTED_IN_IDS, ids);
        node.setProperty(CommunityGraph.INTERESTED_IN_SCORES, scores);
        node.setProperty(CommunityGraph.INTERESTED_IN_NORM, norm);
        for (int i = 0; i < Math.min(interestedInWritten, ids.length); i++) {
            Relationship r = node.createRelationshipTo(
                    communityNode(tx, community, communityNodes, (int) ids[i]), CommunityGraph.INTERESTED_IN);
            r.setProperty(CommunityGraph.SCORE, scores[i]);
            r.setProperty(CommunityGraph.RANK, (long) i + 1);
        }
    }

    static void writeTweet(Node node, TweetVector v) {
        int[] order = v.vector.order();
        long[] ids = new long[order.length];
        double[] scores = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            ids[i] = v.vector.ids[order[i]];
            scores[i] = v.vector.values[order[i]];
        }
        node.setProperty(CommunityGraph.TWEET_COMMUNITIES, ids);
        node.setProperty(CommunityGraph.TWEET_COMMUNITY_SCORES, scores);
        node.setProperty(CommunityGraph.TWEET_COMMUNITY_TIME, v.time);
    }

    /** Writes rows {@code [start, end)} of one batch in the given transaction. */
    @FunctionalInterface
    private interface BatchWrite {
        void write(Transaction tx, int start, int end);
    }

    /**
     * Runs {@code write} over {@code [0, n)} in batches of {@link #BATCH}, one transaction each, on
     * {@code threads} threads. Batches touch disjoint nodes but share the community nodes, so a
     * batch that fails with a transient error (a deadlock) is rolled back and retried, up to
     * {@link #ATTEMPTS} times.
     */
    private static void inBatches(
            GraphDatabaseService db, int n, int threads, BatchProgress.Stage stage, Guard guard, BatchWrite write) {
        AtomicInteger cursor = new AtomicInteger();
        IntStream.range(0, Math.max(1, threads)).parallel().forEach(t -> {
            for (int start = cursor.getAndAdd(BATCH); start < n; start = cursor.getAndAdd(BATCH)) {
                guard.check();
                int end = Math.min(n, start + BATCH);
                for (int attempt = 1; ; attempt++) {
                    try (Transaction tx = db.beginTx()) {
                        write.write(tx, start, end);
                        tx.commit();
                        break;
                    } catch (TransientFailureException e) {
                        if (attempt == ATTEMPTS) {
                            throw e;
                        }
                    }
                }
                synchronized (stage) {
                    stage.step(end - start);
                }
            }
        });
    }

    private static Node communityNode(Transaction tx, Node[] cache, Map<Integer, String> ids, int community) {
        Node n = cache[community];
        if (n == null) {
            n = tx.getNodeByElementId(ids.get(community));
            cache[community] = n;
        }
        return n;
    }

    private static void repeat(GraphDatabaseService db, String statement, BatchProgress.Stage stage, Guard guard) {
        while (true) {
            guard.check();
            long n = db.executeTransactionally(
                    statement, Map.of(), (Result r) -> ((Number) r.next().get("n")).longValue());
            stage.step(n);
            if (n == 0) {
                return;
            }
        }
    }
}
