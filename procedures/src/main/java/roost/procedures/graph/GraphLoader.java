package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.logging.Log;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;

/**
 * Reads the follow graph, the negative signals and the engagements inside the window from Neo4j,
 * with four read-only Cypher statements: all {@code FOLLOWS}; all blocks, mutes and reports; the
 * newest engagement time; the engagements at or after that time minus the window. Rows whose ids
 * are not numbers are skipped, as the listener skips them.
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

    /** How often a long read logs how far it has got. */
    static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    /** Logs how far a read has got, at most every {@link #PROGRESS_EVERY_NANOS}; cheap to call per row. */
    static final class Progress {
        private final Log log;
        private final String database;
        private final String what;
        private final long total;
        private final long everyNanos;
        private final java.util.function.LongSupplier clock;
        private final long t0;
        private long next;
        private long rows;

        /** @param total rows expected, or a negative number when unknown */
        Progress(Log log, String database, String what, long total) {
            this(log, database, what, total, PROGRESS_EVERY_NANOS, System::nanoTime);
        }

        /** @param clock nanoseconds; the clock is read every 65,536 rows */
        Progress(
                Log log,
                String database,
                String what,
                long total,
                long everyNanos,
                java.util.function.LongSupplier clock) {
            this.log = log;
            this.database = database;
            this.what = what;
            this.total = total;
            this.everyNanos = everyNanos;
            this.clock = clock;
            this.t0 = clock.getAsLong();
            this.next = t0 + everyNanos;
        }

        void row() {
            if ((++rows & 0xFFFF) == 0) {
                long now = clock.getAsLong();
                if (now >= next) {
                    long seconds = (now - t0) / 1_000_000_000L;
                    if (total > 0) {
                        log.info(
                                "Roost live graph of '%s': reading %s, %,d of %,d rows (%d%%, %d s)",
                                database, what, rows, total, Math.min(100, rows * 100 / total), seconds);
                    } else {
                        log.info(
                                "Roost live graph of '%s': reading %s, %,d rows so far (%d s)",
                                database, what, rows, seconds);
                    }
                    next = now + everyNanos;
                }
            }
        }
    }

    static Loaded load(
            GraphDatabaseService db,
            EngagementGraph engagements,
            FollowGraph follows,
            NegativeSignals signals,
            long windowMillis,
            Log log) {
        long t0 = System.nanoTime();
        LongArrayList from = new LongArrayList();
        LongArrayList to = new LongArrayList();
        // The counts store answers this at once.
        long followTotal;
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH ()-[f:" + Rel.FOLLOWS.name() + "]->() RETURN count(f) AS n")) {
            followTotal = ((Number) r.next().get("n")).longValue();
        }
        Progress followRows = new Progress(log, db.databaseName(), "follows", followTotal);
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (a)-[:" + Rel.FOLLOWS.name() + "]->(b) "
                        + "WHERE a." + Props.ID + " IS NOT NULL AND b." + Props.ID + " IS NOT NULL "
                        + "RETURN a." + Props.ID + " AS a, b." + Props.ID + " AS b")) {
            r.accept(row -> {
                followRows.row();
                if (row.get("a") instanceof Number a && row.get("b") instanceof Number b) {
                    from.add(a.longValue());
                    to.add(b.longValue());
                }
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
                        + " AS tweet, type(s) AS type")) {
            r.accept(row -> {
                if (!(row.get("a") instanceof Number a) || !(row.get("b") instanceof Number b)) {
                    return true; // ids that are not numbers: skipped, as the listener skips them
                }
                boolean tweet = (Boolean) row.get("tweet");
                Rel type = Rel.valueOf((String) row.get("type"));
                signals.change(a.longValue(), b.longValue(), tweet, NegativeSignals.Kind.of(type), 1);
                if (type == Rel.BLOCKED && !tweet) {
                    signals.change(b.longValue(), a.longValue(), false, NegativeSignals.Kind.BLOCKED_BY, 1);
                }
                return true;
            });
        }
        signals.publish();

        long newest;
        log.info(
                "Roost live graph of '%s': %,d follows read; finding the newest engagement (one pass over all of them)",
                db.databaseName(), followCount);
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
            Progress engagementRows = new Progress(log, db.databaseName(), "engagements in the window", -1);
            try (Transaction tx = db.beginTx();
                    Result r = tx.execute(
                            "MATCH (u)-[e:" + ENGAGEMENT_TYPES + "]->(t) WHERE e." + Props.CREATED_AT + " >= $cutoff "
                                    + "AND u." + Props.ID + " IS NOT NULL AND t." + Props.ID + " IS NOT NULL "
                                    + "RETURN u." + Props.ID + " AS u, t." + Props.ID + " AS t, t." + Props.AUTHOR_ID
                                    + " AS a, type(e) AS type, e." + Props.CREATED_AT + " AS time",
                            Map.of("cutoff", cutoff))) {
                r.accept(row -> {
                    engagementRows.row();
                    Object author = row.get("a");
                    if (row.get("u") instanceof Number u
                            && row.get("t") instanceof Number t
                            && row.get("time") instanceof Number time
                            && engagements.add(
                                    u.longValue(),
                                    t.longValue(),
                                    author instanceof Number n ? n.longValue() : EdgeBuffer.UNKNOWN_AUTHOR,
                                    EngagementTypes.code((String) row.get("type")),
                                    time.longValue())) {
                        count[0]++;
                    }
                    return true;
                });
            }
            kept = count[0];
        }
        // The whole window arrives at once: straight into the history, one segment.
        engagements.consolidate();
        return new Loaded(followCount, kept, newest, (System.nanoTime() - t0) / 1_000_000);
    }
}
