package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;

/**
 * Reads the follow graph, the negative signals and the engagements inside the window from Neo4j,
 * with four read-only Cypher statements: all {@code FOLLOWS}; all blocks, mutes and reports; the
 * newest engagement time; the engagements at or after that time minus the window.
 */
final class GraphLoader {
    /** {@code LIKED|RETWEETED|...}: every engagement type. */
    static final String ENGAGEMENT_TYPES =
            Rel.ofKind(Rel.Kind.ENGAGEMENT).stream().map(Rel::name).collect(Collectors.joining("|"));

    record Loaded(long follows, long engagements, long newestTime, long millis) {}

    private GraphLoader() {}

    /** {@code BLOCKED|MUTED|...}: every negative-signal type. */
    static final String SIGNAL_TYPES =
            Rel.ofKind(Rel.Kind.NEGATIVE).stream().map(Rel::name).collect(Collectors.joining("|"));

    static Loaded load(
            GraphDatabaseService db,
            EngagementGraph engagements,
            FollowGraph follows,
            NegativeSignals signals,
            long windowMillis) {
        long t0 = System.nanoTime();
        LongArrayList from = new LongArrayList();
        LongArrayList to = new LongArrayList();
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (a)-[:" + Rel.FOLLOWS.name() + "]->(b) "
                        + "WHERE a." + Props.ID + " IS NOT NULL AND b." + Props.ID + " IS NOT NULL "
                        + "RETURN a." + Props.ID + " AS a, b." + Props.ID + " AS b")) {
            r.accept(row -> {
                from.add(((Number) row.get("a")).longValue());
                to.add(((Number) row.get("b")).longValue());
                return true;
            });
        }
        follows.load(from.elements(), to.elements(), from.size());
        long followCount = from.size();
        from.clear();
        from.trim();
        to.clear();
        to.trim();

        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (a)-[s:" + SIGNAL_TYPES + "]->(b) "
                        + "WHERE a." + Props.ID + " IS NOT NULL AND b." + Props.ID + " IS NOT NULL "
                        + "RETURN a." + Props.ID + " AS a, b." + Props.ID + " AS b, b:" + Labels.TWEET.name()
                        + " AS tweet, type(s) = '" + Rel.BLOCKED.name() + "' AS block")) {
            r.accept(row -> {
                long a = ((Number) row.get("a")).longValue();
                long b = ((Number) row.get("b")).longValue();
                boolean tweet = (Boolean) row.get("tweet");
                signals.change(a, b, tweet, 1);
                if ((Boolean) row.get("block") && !tweet) {
                    signals.change(b, a, false, 1);
                }
                return true;
            });
        }
        signals.publish();

        long newest;
        try (Transaction tx = db.beginTx();
                Result r = tx.execute(
                        "MATCH ()-[e:" + ENGAGEMENT_TYPES + "]->() RETURN max(e." + Props.CREATED_AT + ") AS newest")) {
            Object max = r.next().get("newest");
            newest = max instanceof Number n ? n.longValue() : Long.MIN_VALUE;
        }
        long kept = 0;
        if (newest != Long.MIN_VALUE) {
            long cutoff = newest - windowMillis;
            long[] count = {0};
            try (Transaction tx = db.beginTx();
                    Result r = tx.execute(
                            "MATCH (u)-[e:" + ENGAGEMENT_TYPES + "]->(t) WHERE e." + Props.CREATED_AT + " >= $cutoff "
                                    + "AND u." + Props.ID + " IS NOT NULL AND t." + Props.ID + " IS NOT NULL "
                                    + "RETURN u." + Props.ID + " AS u, t." + Props.ID + " AS t, t." + Props.AUTHOR_ID
                                    + " AS a, type(e) AS type, e." + Props.CREATED_AT + " AS time",
                            Map.of("cutoff", cutoff))) {
                r.accept(row -> {
                    Object author = row.get("a");
                    if (engagements.add(
                            ((Number) row.get("u")).longValue(),
                            ((Number) row.get("t")).longValue(),
                            author instanceof Number n ? n.longValue() : EdgeBuffer.UNKNOWN_AUTHOR,
                            EngagementTypes.code((String) row.get("type")),
                            ((Number) row.get("time")).longValue())) {
                        count[0]++;
                    }
                    return true;
                });
            }
            kept = count[0];
        }
        engagements.publish();
        return new Loaded(followCount, kept, newest, (System.nanoTime() - t0) / 1_000_000);
    }
}
