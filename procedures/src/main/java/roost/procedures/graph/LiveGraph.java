package roost.procedures.graph;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Log;

/**
 * The live graph of one database: the {@link EngagementGraph} (user-tweet engagements in the
 * window), the {@link FollowGraph} and the {@link NegativeSignals}, kept current from committed
 * transactions.
 *
 * <p>Life: {@link #open} registers a transaction listener, loads the three from the database,
 * publishes them, then starts the writer thread. Transactions that commit during the load are
 * queued and applied after it, skipping engagements the load already saw (same user, tweet, type
 * and time) and signals that already hide their target, so none is lost or counted twice. {@link #close} unregisters the listener and stops
 * the writer.
 *
 * <p>Threads: the listener runs in committing threads and only queues; one writer thread applies
 * the queue in order and publishes at least every {@code publishInterval} while changes keep
 * coming, and at once when the queue runs dry; so a committed engagement is visible to the next
 * walk within milliseconds when the writer keeps up. Readers take snapshots with a volatile read
 * and never lock.
 */
public final class LiveGraph implements AutoCloseable {
    /**
     * @param engagement settings of the engagement graph
     * @param publishInterval longest time the writer applies changes before publishing
     */
    public record Settings(EngagementGraph.Settings engagement, Duration publishInterval) {
        public static final Settings DEFAULT = new Settings(EngagementGraph.Settings.DEFAULT, Duration.ofMillis(100));
    }

    /** What one look at the live graph shows; for {@code roost.graph.stats}. */
    public record Stats(
            String database,
            long engagementEdges,
            int segments,
            long userRows,
            long tweetRows,
            long engagementBytes,
            long newestTime,
            long cutoff,
            long followEdges,
            long followBytes,
            long negativeSignals,
            long loadMillis,
            long batchesApplied,
            long batchesQueued,
            long writerFailures,
            EngagementGraph.Counters counters) {}

    private static final NegativeSignals.Kind[] SIGNAL_KINDS = NegativeSignals.Kind.values();

    private final String database;
    private final Settings settings;
    private final Log log;
    private final EngagementGraph engagements;
    /** Runs the engagement graph's folds into its history, beside the writer. */
    private final java.util.concurrent.ExecutorService folder;

    private final FollowGraph follows = new FollowGraph();
    private final NegativeSignals signals = new NegativeSignals();
    private final LinkedBlockingQueue<ChangeBatch> queue = new LinkedBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Object appliedMonitor = new Object();
    private volatile long applied;
    private volatile long signalsQueued;
    private volatile long writerFailures;
    private volatile boolean closed;
    private long loadMillis;
    private long dedupeUpTo;
    private Thread writer;
    private DatabaseManagementService dbms;
    private LiveGraphListener listener;

    private LiveGraph(String database, Settings settings, Log log) {
        this.database = database;
        this.settings = settings;
        this.log = log;
        this.folder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "roost-live-graph-fold-" + database);
            t.setDaemon(true);
            return t;
        });
        this.engagements = new EngagementGraph(settings.engagement(), folder);
    }

    /** Loads the live graph of {@code db} and keeps it current; see the class comment. */
    public static LiveGraph open(GraphDatabaseService db, DatabaseManagementService dbms, Settings settings, Log log) {
        LiveGraph live = new LiveGraph(db.databaseName(), settings, log);
        live.listener = new LiveGraphListener(live::enqueue);
        live.dbms = dbms;
        dbms.registerTransactionEventListener(db.databaseName(), live.listener);
        try {
            GraphLoader.Loaded loaded = GraphLoader.load(
                    db,
                    live.engagements,
                    live.follows,
                    live.signals,
                    settings.engagement().window().toMillis(),
                    log);
            live.loadMillis = loaded.millis();
            live.dedupeUpTo = live.sequence.get();
            live.prepareCounting();
            log.info(
                    "Roost live graph of '%s' loaded in %d ms: %d follows, %d engagements in the window (newest %d)",
                    db.databaseName(), loaded.millis(), loaded.follows(), loaded.engagements(), loaded.newestTime());
        } catch (RuntimeException e) {
            dbms.unregisterTransactionEventListener(db.databaseName(), live.listener);
            live.folder.shutdownNow();
            throw e;
        }
        live.writer = new Thread(live::writeLoop, "roost-live-graph-" + db.databaseName());
        live.writer.setDaemon(true);
        live.writer.start();
        return live;
    }

    /** A live graph fed only by {@link #enqueue} (no database): for tests and benchmarks. */
    public static LiveGraph detached(Settings settings, Log log) {
        LiveGraph live = new LiveGraph("detached", settings, log);
        live.writer = new Thread(live::writeLoop, "roost-live-graph-detached");
        live.writer.setDaemon(true);
        live.writer.start();
        return live;
    }

    public String database() {
        return database;
    }

    public Settings settings() {
        return settings;
    }

    public EngagementSnapshot engagements() {
        return engagements.snapshot();
    }

    public FollowSnapshot follows() {
        return follows.snapshot();
    }

    /** The published negative signals (blocks, mutes, reports); see {@link #signalsCurrent()}. */
    public NegativeSignals.Snapshot signals() {
        return signals.snapshot();
    }

    /**
     * Whether every negative signal whose commit has returned is published: no queued batch that
     * changes signals is still waiting for the writer, and the writer never failed (after a failure
     * the signals may be incomplete, so this stays false). A transaction's batch is queued before its
     * commit returns, so when this is true {@link #signals()} shows at least every signal whose
     * commit returned before the call; when false, read the signals from the store.
     */
    public boolean signalsCurrent() {
        return writerFailures == 0 && applied >= signalsQueued;
    }

    /** Queues a batch for the writer; returns its sequence number. Any thread. */
    public long enqueue(ChangeBatch batch) {
        synchronized (queue) {
            batch.sequence = sequence.incrementAndGet();
            if (batch.hasSignals()) {
                signalsQueued = batch.sequence;
            }
            queue.add(batch);
        }
        return batch.sequence;
    }

    /** Sequence number of the last batch queued. */
    public long lastQueued() {
        return sequence.get();
    }

    /** Waits until every batch up to {@code seq} is published; false on timeout. */
    public boolean awaitPublished(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (appliedMonitor) {
            while (applied < seq) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(appliedMonitor, left);
            }
        }
        return true;
    }

    private void writeLoop() {
        long intervalNanos = settings.publishInterval().toNanos();
        while (!closed) {
            ChangeBatch batch;
            try {
                batch = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                if (engagements.foldFinished()) {
                    publishAll(); // a fold finished while no change came: put it in place now
                }
                continue;
            }
            long start = System.nanoTime();
            long last = batch.sequence;
            apply(batch);
            while (System.nanoTime() - start < intervalNanos && (batch = queue.poll()) != null) {
                apply(batch);
                last = batch.sequence;
            }
            publishAll();
            synchronized (appliedMonitor) {
                applied = last;
                appliedMonitor.notifyAll();
            }
        }
    }

    private void publishAll() {
        try {
            engagements.publish();
            follows.publish();
            signals.publish();
            prepareCounting();
        } catch (RuntimeException e) {
            writerFailures++;
            log.error("Roost live graph of '" + database + "': publishing failed", e);
        }
        Throwable foldFailure = engagements.takeFoldFailure();
        if (foldFailure != null) {
            // Nothing is lost: the sealed segments stay published as they were, and the next fold
            // starts once the data's time has moved a span on.
            log.error("Roost live graph of '" + database + "': folding into the history failed", foldFailure);
        }
    }

    /**
     * Indexes the engagement history by the follow base's rows ({@link Segment#slicesFor}) when
     * either changed, so that the first counting request after a fold or a follow-base rebuild
     * does not pay for it. Writer only; O(1) when neither changed.
     */
    private void prepareCounting() {
        Segment history = engagements.snapshot().history;
        if (history != null) {
            history.slicesFor(follows.snapshot().base());
        }
    }

    private void apply(ChangeBatch b) {
        try {
            boolean dedupe = b.sequence <= dedupeUpTo;
            for (int i = 0; i < b.delUser.size(); i++) {
                engagements.delete(
                        b.delUser.getLong(i), b.delTweet.getLong(i), b.delType.getByte(i), b.delTime.getLong(i));
            }
            for (int i = 0; i < b.addUser.size(); i++) {
                long time = b.addTime.getLong(i);
                if (time == ChangeBatch.NO_TIME) {
                    long newest = engagements.newestTime();
                    time = newest == Long.MIN_VALUE ? System.currentTimeMillis() : newest;
                }
                long user = b.addUser.getLong(i);
                long tweet = b.addTweet.getLong(i);
                int type = b.addType.getByte(i);
                if (dedupe && engagements.contains(user, tweet, type, time)) {
                    continue;
                }
                engagements.add(user, tweet, b.addAuthor.getLong(i), type, time);
            }
            for (int i = 0; i < b.unfollowFrom.size(); i++) {
                follows.remove(b.unfollowFrom.getLong(i), b.unfollowTo.getLong(i));
            }
            for (int i = 0; i < b.followFrom.size(); i++) {
                follows.add(b.followFrom.getLong(i), b.followTo.getLong(i));
            }
            for (int i = 0; i < b.signalUser.size(); i++) {
                long user = b.signalUser.getLong(i);
                long target = b.signalTarget.getLong(i);
                int bits = b.signalKind.getByte(i);
                boolean tweet = (bits & 1) != 0;
                boolean removed = (bits & 2) != 0;
                NegativeSignals.Kind kind = SIGNAL_KINDS[bits >>> 2];
                if (!removed && dedupe && signals.hides(user, target, tweet, kind)) {
                    continue; // the load saw it already
                }
                signals.change(user, target, tweet, kind, removed ? -1 : 1);
            }
        } catch (RuntimeException e) {
            writerFailures++;
            log.error("Roost live graph of '" + database + "': applying a batch failed", e);
        }
    }

    public Stats stats() {
        EngagementSnapshot e = engagements.snapshot();
        FollowSnapshot f = follows.snapshot();
        return new Stats(
                database,
                e.edgeCount(),
                e.segmentCount(),
                e.userRows(),
                e.tweetRows(),
                e.bytes(),
                e.newestTime(),
                e.cutoff(),
                f.edgeCount(),
                f.bytes(),
                signals.snapshot().entries(),
                loadMillis,
                applied,
                sequence.get(),
                writerFailures,
                e.counters());
    }

    @Override
    public void close() {
        closed = true;
        if (dbms != null && listener != null) {
            try {
                dbms.unregisterTransactionEventListener(database, listener);
            } catch (RuntimeException e) {
                // The database may already be gone; nothing more to stop.
            }
        }
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        folder.shutdownNow(); // interrupts a fold in progress (Segment.merge stops)
        engagements.abandonFold(); // and ends one that never started
        synchronized (appliedMonitor) {
            appliedMonitor.notifyAll();
        }
    }
}
