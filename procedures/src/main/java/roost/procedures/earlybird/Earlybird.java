package roost.procedures.earlybird;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.Log;
import org.neo4j.storageengine.api.TransactionIdStore;
import roost.model.Props;
import roost.retrieval.earlybird.Engagement;
import roost.retrieval.earlybird.TweetDoc;
import roost.retrieval.earlybird.TweetIndex;

/**
 * The Earlybird index of one database, kept consistent with the graph.
 *
 * <p>Start ({@link #open}): the transaction listener is registered first (changes that commit
 * meanwhile are queued), then the index is opened, then, in this order:
 *
 * <ul>
 *   <li><b>missing or unreadable index</b>: rebuilt from the graph (the tweets of the retention
 *       window, newest tweet in the graph minus {@code retention}), progress logged;
 *   <li><b>up to date</b>: the Neo4j transaction id recorded with the last index commit is the
 *       database's last committed transaction: nothing to do;
 *   <li><b>otherwise, catch-up</b> from the recorded position: tweets created since the newest
 *       indexed one (minus {@code catchUpMargin}) are re-indexed, and tweets with engagements newer
 *       than the newest engagement applied get their counts re-read; then the number of tweets in
 *       the window is compared between graph and index, and a difference makes the window rebuilt.
 * </ul>
 *
 * <p>Running: committing threads only queue their batches; one writer thread applies them to the
 * index (searchable within the index's {@code maxStale}), and every {@code commitInterval} applies
 * retention and commits the index with its position (the last transaction id applied, the newest
 * engagement time). {@link #close} drains the queue and commits.
 *
 * <p>Known gap: engagements deleted while the index was not running (or in the last seconds before
 * a crash) are not seen by catch-up, which only looks at what was added; a rebuild
 * ({@link #rebuild}) corrects them.
 */
public final class Earlybird implements AutoCloseable {
    static final String KEY_TX = "neo4j.lastTransactionId";
    static final String KEY_ENGAGEMENT = "neo4j.newestEngagementAt";

    /**
     * @param directory where the index lives
     * @param index settings of the index (retention, staleness)
     * @param commitInterval how often the writer commits the index with its position
     * @param catchUpMargin how far before the recorded position catch-up starts re-reading
     */
    public record Settings(
            Path directory, TweetIndex.Settings index, Duration commitInterval, Duration catchUpMargin) {}

    /** How the index came up and what it holds. */
    public record Stats(
            String database,
            String directory,
            String openState,
            String startAction,
            long startMillis,
            long tweets,
            long bytesOnDisk,
            long newestCreatedAt,
            long retentionCutoff,
            long lastTransactionId,
            long batchesApplied,
            long batchesQueued,
            long writerFailures,
            long commits) {}

    private final GraphDatabaseService db;
    private final Settings settings;
    private final Log log;
    private final TweetIndex index;
    private final LinkedBlockingQueue<EarlybirdBatch> queue = new LinkedBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Object appliedMonitor = new Object();
    private final AtomicLong lastWrite = new AtomicLong(-1);
    private volatile long applied;
    private volatile long lastTransactionId = -1;
    private volatile long newestEngagement = Long.MIN_VALUE;
    private volatile long writerFailures;
    private volatile long commits;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean closedOnce =
            new java.util.concurrent.atomic.AtomicBoolean();
    private String startAction;
    private long startMillis;
    private DatabaseManagementService dbms;
    private EarlybirdListener listener;
    private Thread writer;

    private Earlybird(GraphDatabaseService db, Settings settings, Log log, TweetIndex index) {
        this.db = db;
        this.settings = settings;
        this.log = log;
        this.index = index;
    }

    /** Opens the index of {@code db}, brings it up to date and keeps it so; see the class comment. */
    public static Earlybird open(GraphDatabaseService db, DatabaseManagementService dbms, Settings settings, Log log) {
        long t0 = System.nanoTime();
        List<EarlybirdBatch> early = new ArrayList<>();
        List<Earlybird> target = new ArrayList<>(1);
        // Until the index is up to date, batches wait in `early`; afterwards they go to the writer.
        EarlybirdListener listener = new EarlybirdListener(b -> {
            synchronized (early) {
                if (target.isEmpty()) {
                    early.add(b);
                } else {
                    target.get(0).enqueue(b);
                }
            }
        });
        dbms.registerTransactionEventListener(db.databaseName(), listener);
        TweetIndex index = null;
        Earlybird eb;
        try {
            index = TweetIndex.open(settings.directory(), settings.index());
            eb = new Earlybird(db, settings, log, index);
            eb.dbms = dbms;
            eb.listener = listener;
            Map<String, String> pos = index.committedPosition();
            eb.lastTransactionId = parse(pos.get(KEY_TX), -1);
            eb.newestEngagement = parse(pos.get(KEY_ENGAGEMENT), Long.MIN_VALUE);
            long dbTx = lastCommittedTransactionId(db);
            if (index.openState() != TweetIndex.OpenState.EXISTING || !pos.containsKey(KEY_TX)) {
                if (index.openProblem() != null) {
                    log.warn(
                            "Roost Earlybird index in %s could not be opened (%s); rebuilding it from the graph",
                            settings.directory(), index.openProblem());
                }
                eb.startAction = "rebuilt";
                eb.rebuildWindow();
            } else if (eb.lastTransactionId == dbTx) {
                eb.startAction = "up to date";
            } else {
                eb.startAction = eb.catchUp();
            }
            eb.lastTransactionId = Math.max(eb.lastTransactionId, dbTx);
            eb.commitNow();
        } catch (RuntimeException e) {
            dbms.unregisterTransactionEventListener(db.databaseName(), listener);
            if (index != null) {
                // Its writer holds the directory's lock: a later open must find it free.
                try {
                    index.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
        // From now on batches go to the writer; those that came during the start are applied first
        // (re-applying one is harmless: upserts and absolute counts).
        synchronized (early) {
            for (EarlybirdBatch b : early) {
                eb.enqueue(b);
            }
            early.clear();
            target.add(eb);
        }
        eb.startMillis = (System.nanoTime() - t0) / 1_000_000;
        log.info(
                "Roost Earlybird index of '%s' in %s: %s in %d ms, %d tweets",
                db.databaseName(), settings.directory(), eb.startAction, eb.startMillis, index.size());
        eb.writer = new Thread(eb::writeLoop, "roost-earlybird-" + db.databaseName());
        eb.writer.setDaemon(true);
        eb.writer.start();
        return eb;
    }

    public TweetIndex index() {
        return index;
    }

    /** Queues a committed batch for the writer. Any thread. */
    void enqueue(EarlybirdBatch batch) {
        synchronized (queue) {
            batch.sequence = sequence.incrementAndGet();
            queue.add(batch);
        }
    }

    /**
     * Read-your-writes: waits until every transaction committed before this call is applied and
     * searchable. False on timeout.
     */
    public boolean awaitFresh(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seq = sequence.get();
        synchronized (appliedMonitor) {
            while (applied < seq) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(appliedMonitor, left);
            }
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return lastWrite.get() < 0 || index.awaitSearchable(lastWrite.get(), Duration.ofMillis(left));
    }

    private void writeLoop() {
        long commitNanos = settings.commitInterval().toNanos();
        long lastCommit = System.nanoTime();
        while (!closed) {
            EarlybirdBatch batch;
            try {
                batch = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch != null) {
                apply(batch);
                while ((batch = queue.poll()) != null) {
                    apply(batch);
                }
            }
            if (System.nanoTime() - lastCommit >= commitNanos) {
                commitQuietly();
                lastCommit = System.nanoTime();
            }
        }
    }

    private void apply(EarlybirdBatch b) {
        try {
            long seq = -1;
            for (TweetDoc t : b.upserts) {
                seq = index.upsert(t);
            }
            for (long id : b.deletes) {
                seq = index.delete(id);
            }
            for (Map.Entry<Long, long[]> e : b.counts.entrySet()) {
                for (Engagement en : Engagement.values()) {
                    seq = index.setCount(e.getKey(), en, e.getValue()[en.ordinal()]);
                }
            }
            if (seq >= 0) {
                lastWrite.set(seq);
            }
            if (b.newestEngagement > newestEngagement) {
                newestEngagement = b.newestEngagement;
            }
            if (b.transactionId > lastTransactionId) {
                lastTransactionId = b.transactionId;
            }
        } catch (RuntimeException e) {
            writerFailures++;
            log.error("Roost Earlybird of '" + db.databaseName() + "': applying a batch failed", e);
        }
        synchronized (appliedMonitor) {
            applied = b.sequence;
            appliedMonitor.notifyAll();
        }
    }

    private void commitQuietly() {
        try {
            commitNow();
        } catch (RuntimeException e) {
            writerFailures++;
            log.error("Roost Earlybird of '" + db.databaseName() + "': commit failed", e);
        }
    }

    private synchronized void commitNow() {
        index.applyRetention();
        Map<String, String> pos = new HashMap<>();
        pos.put(KEY_TX, Long.toString(lastTransactionId));
        if (newestEngagement != Long.MIN_VALUE) {
            pos.put(KEY_ENGAGEMENT, Long.toString(newestEngagement));
        }
        index.commit(pos);
        commits++;
    }

    // ---- start-up paths

    /** Catch-up from the recorded position; returns what it did. */
    private String catchUp() {
        long margin = settings.catchUpMargin().toMillis();
        long newestIndexed = index.newestCreatedAt();
        long since = newestIndexed == Long.MIN_VALUE ? Long.MIN_VALUE : newestIndexed - margin;
        long tweets = indexTweets(since, false, "catch-up tweets");
        long engagementsSince = newestEngagement == Long.MIN_VALUE ? Long.MIN_VALUE : newestEngagement - margin;
        long recounted = recount(engagementsSince);
        index.applyRetention();
        index.refresh();
        long cutoff = index.retentionCutoff();
        long inGraph = countGraphTweets(cutoff);
        long inIndex = index.size();
        if (inGraph != inIndex) {
            log.warn(
                    "Roost Earlybird of '%s': after catch-up the window holds %d tweets in the graph and %d in the"
                            + " index; rebuilding it",
                    db.databaseName(), inGraph, inIndex);
            rebuildWindow();
            return "caught up, then rebuilt (" + inGraph + " tweets in the graph, " + inIndex + " indexed)";
        }
        return "caught up (" + tweets + " tweets re-read, " + recounted + " counts re-read)";
    }

    /** Replaces the index content with the graph's tweets of the retention window. */
    public synchronized void rebuild() {
        rebuildWindow();
        commitNow();
    }

    private void rebuildWindow() {
        index.deleteAll();
        Long newest = newestGraphTweet();
        if (newest == null) {
            index.refresh();
            return;
        }
        long since = newest - settings.index().retention().toMillis();
        // A bulk load: no periodic refresh flushing small segments while the window is re-read
        // (searches keep the view they had until it is done, unless a caller waits for a write).
        try (TweetIndex.BulkLoad bulk = index.beginBulkLoad()) {
            indexTweets(since, true, "rebuild");
        }
        if (newestEngagement == Long.MIN_VALUE) {
            newestEngagement = newest;
        }
        index.refresh();
    }

    /** (Re)indexes the graph's tweets created at or after {@code since}; logs progress. */
    private long indexTweets(long since, boolean bulk, String what) {
        long total = countGraphTweets(since);
        long done = 0;
        long step = Math.max(10_000, total / 10);
        long t0 = System.nanoTime();
        Map<Long, Long> followers = new HashMap<>();
        List<TweetDoc> chunk = new ArrayList<>(10_000);
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (t:Tweet) WHERE t.createdAt >= $since RETURN t", Map.of("since", since))) {
            while (r.hasNext()) {
                Node t = (Node) r.next().get("t");
                Long author = TweetReader.longProp(t, Props.AUTHOR_ID);
                TweetDoc doc = TweetReader.read(
                        t, author == null ? 0 : followers.computeIfAbsent(author, a -> TweetReader.followers(tx, a)));
                if (doc == null) {
                    continue;
                }
                if (bulk) {
                    chunk.add(doc);
                    if (chunk.size() == 10_000) {
                        index.addAll(chunk);
                        chunk.clear();
                    }
                } else {
                    index.upsert(doc);
                }
                if (++done % step == 0) {
                    log.info(
                            "Roost Earlybird of '%s': %s %d%% (%d of %d tweets, %.0f tweets/s)",
                            db.databaseName(),
                            what,
                            total == 0 ? 100 : done * 100 / total,
                            done,
                            total,
                            done / Math.max(1e-9, (System.nanoTime() - t0) / 1e9));
                }
            }
            index.addAll(chunk);
        }
        log.info(
                "Roost Earlybird of '%s': %s done, %d tweets in %d ms",
                db.databaseName(), what, done, (System.nanoTime() - t0) / 1_000_000);
        return done;
    }

    /** Re-reads the counts of indexed tweets with an engagement created at or after {@code since}. */
    private long recount(long since) {
        long cutoff = index.retentionCutoff();
        Set<Long> done = new HashSet<>();
        try (Transaction tx = db.beginTx()) {
            for (var rel : TweetReader.COUNTED.values()) {
                try (Result r = tx.execute(
                        "MATCH ()-[e:" + rel.name() + "]->(t:Tweet) WHERE e.createdAt >= $since"
                                + " AND t.createdAt >= $cutoff RETURN DISTINCT t",
                        Map.of("since", since, "cutoff", cutoff))) {
                    while (r.hasNext()) {
                        Node t = (Node) r.next().get("t");
                        Long id = TweetReader.longProp(t, Props.ID);
                        if (id != null && done.add(id)) {
                            long[] counts = TweetReader.counts(t);
                            for (Engagement e : Engagement.values()) {
                                index.setCount(id, e, counts[e.ordinal()]);
                            }
                        }
                    }
                }
            }
            try (Result r = tx.execute(
                    "MATCH ()-[e]->(:Tweet) WHERE e.createdAt >= $since RETURN max(e.createdAt) AS m",
                    Map.of("since", since))) {
                Object m = r.next().get("m");
                if (m instanceof Number n && n.longValue() > newestEngagement) {
                    newestEngagement = n.longValue();
                }
            }
        }
        return done.size();
    }

    private long countGraphTweets(long since) {
        try (Transaction tx = db.beginTx();
                Result r = tx.execute(
                        "MATCH (t:Tweet) WHERE t.createdAt >= $since RETURN count(t) AS n", Map.of("since", since))) {
            return ((Number) r.next().get("n")).longValue();
        }
    }

    private Long newestGraphTweet() {
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (t:Tweet) WHERE t.createdAt IS NOT NULL"
                        + " RETURN t.createdAt AS c ORDER BY t.createdAt DESC LIMIT 1")) {
            return r.hasNext() ? ((Number) r.next().get("c")).longValue() : null;
        }
    }

    /**
     * The database's last committed transaction id. Neo4j has no public API for it; the
     * dependency resolver of {@link GraphDatabaseAPI} is the one way in (as for procedure
     * registration).
     */
    static long lastCommittedTransactionId(GraphDatabaseService db) {
        return ((GraphDatabaseAPI) db)
                .getDependencyResolver()
                .resolveDependency(TransactionIdStore.class)
                .getLastCommittedTransactionId();
    }

    private static long parse(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Stats stats() {
        return new Stats(
                db.databaseName(),
                settings.directory().toString(),
                index.openState().name(),
                startAction,
                startMillis,
                index.size(),
                index.bytesOnDisk(),
                index.newestCreatedAt(),
                index.retentionCutoff(),
                lastTransactionId,
                applied,
                sequence.get(),
                writerFailures,
                commits);
    }

    /**
     * Stops as a crash would: the listener is removed, queued batches are dropped, and what the
     * index did not commit is lost. For recovery tests and benchmarks.
     */
    public void crash() {
        stop();
        queue.clear();
        index.abandon();
    }

    @Override
    public void close() {
        if (!closedOnce.compareAndSet(false, true)) {
            return;
        }
        stop();
        EarlybirdBatch b;
        while ((b = queue.poll()) != null) {
            apply(b);
        }
        try {
            commitNow();
        } catch (RuntimeException e) {
            log.warn("Roost Earlybird of '%s': final commit failed: %s", db.databaseName(), e.getMessage());
        }
        index.close();
    }

    private void stop() {
        closed = true;
        try {
            dbms.unregisterTransactionEventListener(db.databaseName(), listener);
        } catch (RuntimeException e) {
            // The database may already be gone.
        }
        if (writer != null) {
            // No interrupt: an interrupted Lucene write can close the index's files.
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (appliedMonitor) {
            appliedMonitor.notifyAll();
        }
    }
}
