package roost.procedures.communities;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;
import roost.model.RoostException;

/**
 * Runs GDS community detection on a {@link SimilarityGraph} through Cypher, so that Roost's jar
 * needs no GDS classes: the graph is projected with GDS's Cypher aggregation
 * ({@code gds.graph.project} over integer node ids taken from parameter arrays, undirected,
 * weight {@code w}), then {@code gds.leiden.stream} or {@code gds.louvain.stream} runs on it, and
 * the projection is dropped. Works embedded (with GDS registered) and on a Neo4j server with the
 * GDS plugin.
 */
public final class GdsCommunities {
    public static final List<String> ALGORITHMS = List.of("leiden", "louvain");

    /**
     * @param algorithm {@code leiden} or {@code louvain}
     * @param maxLevels levels of aggregation at most
     * @param gamma Leiden's resolution (ignored by Louvain, which has none in GDS 2.13)
     * @param seed Leiden's random seed
     * @param concurrency GDS threads
     */
    public record Settings(String algorithm, int maxLevels, double gamma, long seed, int concurrency) {}

    /** The community of every producer (local index), {@code -1} for producers without an edge; and the time spent. */
    public record Result(int[] community, long projectMillis, long algorithmMillis) {}

    private GdsCommunities() {}

    public static Result detect(GraphDatabaseService db, SimilarityGraph g, Settings s) {
        int[] community = new int[g.producers()];
        Arrays.fill(community, -1);
        if (g.edges() == 0) {
            return new Result(community, 0, 0);
        }
        String graph = "roost-communities-" + UUID.randomUUID();
        long[] src = new long[g.edges()];
        long[] dst = new long[g.edges()];
        for (int e = 0; e < g.edges(); e++) {
            src[e] = g.source()[e];
            dst[e] = g.target()[e];
        }
        long t0 = System.nanoTime();
        long t1;
        try {
            try (Transaction tx = db.beginTx();
                    org.neo4j.graphdb.Result projected = tx.execute(
                            "UNWIND range(0, size($src) - 1) AS i "
                                    + "WITH gds.graph.project($graph, $src[i], $dst[i], "
                                    + "{relationshipProperties: {w: $w[i]}}, "
                                    + "{undirectedRelationshipTypes: ['*']}) AS g RETURN g.nodeCount AS nodes",
                            Map.of("graph", graph, "src", src, "dst", dst, "w", g.weight()))) {
                projected.next(); // the aggregation runs when its row is pulled
                tx.commit();
            } catch (QueryExecutionException e) {
                throw noGds(e);
            }
            t1 = System.nanoTime();
            String call = s.algorithm().equals("leiden")
                    ? "CALL gds.leiden.stream($graph, {relationshipWeightProperty: 'w', maxLevels: $levels,"
                            + " gamma: $gamma, randomSeed: $seed, concurrency: $concurrency})"
                    : "CALL gds.louvain.stream($graph, {relationshipWeightProperty: 'w', maxLevels: $levels,"
                            + " concurrency: $concurrency})";
            Map<String, Object> params = s.algorithm().equals("leiden")
                    ? Map.of(
                            "graph",
                            graph,
                            "levels",
                            s.maxLevels(),
                            "gamma",
                            s.gamma(),
                            "seed",
                            s.seed(),
                            "concurrency",
                            s.concurrency())
                    : Map.of("graph", graph, "levels", s.maxLevels(), "concurrency", s.concurrency());
            db.executeTransactionally(call + " YIELD nodeId, communityId RETURN nodeId, communityId", params, r -> {
                r.accept(row -> {
                    community[((Number) row.get("nodeId")).intValue()] = ((Number) row.get("communityId")).intValue();
                    return true;
                });
                return null;
            });
        } finally {
            try {
                db.executeTransactionally(
                        "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName", Map.of("graph", graph));
            } catch (QueryExecutionException e) {
                // GDS is missing (the projection failed already) or the graph was never made: nothing to drop.
            }
        }
        return new Result(community, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    private static RuntimeException noGds(QueryExecutionException e) {
        if (String.valueOf(e.getMessage()).contains("gds.graph.project")) {
            return new RoostException(
                    "Community detection needs Neo4j Graph Data Science 2.13 (gds.graph.project, gds.leiden, gds.louvain): "
                            + e.getMessage());
        }
        return e;
    }
}
