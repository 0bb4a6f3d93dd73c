package roost.retrieval.earlybird;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Earlybird's real-time tweet index on disk: one {@link IndexWriter}, a {@link SearcherManager}
 * refreshed by a background {@link ReopenThread} (a write is searchable within
 * {@code maxStale}, and at once for a caller that waits for its sequence number), documents sorted
 * by creation time, newest first. Engagement counts are updatable doc values.
 *
 * <p>Retention is by data time: {@link #applyRetention()} deletes tweets older than the newest
 * indexed {@code createdAt} minus the retention window, so a historical data set keeps a full
 * window.
 *
 * <p>Position: each {@link #commit(Map)} stores the caller's position (opaque strings, e.g. "the
 * newest tweet and engagement times applied") in the Lucene commit's user data; after a restart
 * {@link #committedPosition()} returns it, so the caller can catch up from its source of truth.
 * Anything written after the last commit is lost on a crash; the caller replays from the position.
 *
 * <p>Opening: a missing index is created; an index that cannot be opened (missing or corrupt files,
 * another format) is moved aside and created empty, and {@link #openState()} says so, so the
 * caller rebuilds it.
 *
 * <p>Thread-safe: writes from any thread (Lucene's writer is thread-safe), searches from any thread.
 */
public final class TweetIndex implements AutoCloseable {
    /** Format of the index layout; a different one in an existing index makes it rebuilt. */
    public static final String FORMAT = "1";

    /** Upper bound of the default RAM buffer of a bulk load ({@link #beginBulkLoad()}). */
    public static final int BULK_RAM_BUFFER_MB = 256;

    static final String KEY_FORMAT = "earlybird.format";
    static final String KEY_NEWEST = "earlybird.newestCreatedAt";

    /** How the index was found when opened. */
    public enum OpenState {
        /** An existing index, opened as it was. */
        EXISTING,
        /** No index was there: a new, empty one. */
        CREATED,
        /** The index there could not be opened; it was replaced by a new, empty one. */
        REPLACED
    }

    /**
     * @param retention how much data time is kept (default 7 days)
     * @param maxStale longest time before a write is searchable without waiting (default 500 ms)
     * @param minStale refresh interval for a caller waiting for its write (default 10 ms)
     * @param ramBufferMb writer RAM buffer before a flush (default 64)
     */
    public record Settings(Duration retention, Duration maxStale, Duration minStale, double ramBufferMb) {
        public static final Settings DEFAULT =
                new Settings(Duration.ofDays(7), Duration.ofMillis(500), Duration.ofMillis(10), 64);

        public Settings {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + retention);
            }
            if (minStale.compareTo(maxStale) > 0) {
                throw new IllegalArgumentException("minStale " + minStale + " exceeds maxStale " + maxStale);
            }
        }

        public Settings withRetention(Duration d) {
            return new Settings(d, maxStale, minStale, ramBufferMb);
        }
    }

    private final Path path;
    private final Settings settings;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReopenThread reopener;
    private final Object bulkLock = new Object();
    private int bulkLoads;
    private final OpenState openState;
    private final String openProblem;
    private final Map<String, String> committedPosition;
    private final AtomicLong newestCreatedAt = new AtomicLong(Long.MIN_VALUE);
    private final Analyzer analyzer = new StandardAnalyzer();
    private final ThreadLocal<TweetFields.DocBuilder> builders = ThreadLocal.withInitial(TweetFields.DocBuilder::new);

    private TweetIndex(Path path, Settings settings, OpenState state, String problem) throws IOException {
        this.path = path;
        this.settings = settings;
        this.openState = state;
        this.openProblem = problem;
        this.directory = FSDirectory.open(path);
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
                .setIndexSort(TweetFields.INDEX_SORT)
                .setRAMBufferSizeMB(settings.ramBufferMb())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false);
        IndexWriter w = new IndexWriter(directory, cfg);
        try {
            Map<String, String> data = new HashMap<>();
            if (w.getLiveCommitData() != null) {
                w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            if (state == OpenState.EXISTING && !FORMAT.equals(data.get(KEY_FORMAT))) {
                throw new IOException("index format " + data.get(KEY_FORMAT) + ", expected " + FORMAT);
            }
            this.committedPosition = Map.copyOf(data);
            String newest = data.get(KEY_NEWEST);
            if (newest != null) {
                newestCreatedAt.set(Long.parseLong(newest));
            }
            this.writer = w;
            // Opens every segment: missing or broken segment files fail here, not at the first search.
            this.searchers = new SearcherManager(w, null);
        } catch (IOException | RuntimeException e) {
            w.rollback();
            directory.close();
            throw e;
        }
        this.reopener = new ReopenThread(
                writer,
                searchers,
                settings.maxStale().toNanos(),
                settings.minStale().toNanos());
        reopener.setName("roost-earlybird-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /** Opens (or creates, or replaces) the index in {@code path}; see the class comment. */
    public static TweetIndex open(Path path, Settings settings) {
        try {
            Files.createDirectories(path);
            boolean exists;
            try (Directory dir = FSDirectory.open(path)) {
                exists = DirectoryReader.indexExists(dir);
            }
            if (!exists) {
                clear(path);
                return new TweetIndex(path, settings, OpenState.CREATED, null);
            }
            try {
                return new TweetIndex(path, settings, OpenState.EXISTING, null);
            } catch (IOException | RuntimeException e) {
                String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                clear(path);
                return new TweetIndex(path, settings, OpenState.REPLACED, problem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Earlybird index in " + path, e);
        }
    }

    private static void clear(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(q);
                        }
                    }
                } else {
                    Files.delete(p);
                }
            }
        }
    }

    public Path path() {
        return path;
    }

    public Settings settings() {
        return settings;
    }

    public OpenState openState() {
        return openState;
    }

    /** Why the index was replaced, or null. */
    public String openProblem() {
        return openProblem;
    }

    /** The position stored with the last commit (empty for a new index). */
    public Map<String, String> committedPosition() {
        return committedPosition;
    }

    /** Newest {@code createdAt} indexed (data time "now"), or {@link Long#MIN_VALUE} when empty. */
    public long newestCreatedAt() {
        return newestCreatedAt.get();
    }

    /** Adds or replaces a tweet (by id). Returns the write's sequence number. */
    public long upsert(TweetDoc tweet) {
        try {
            long seq = writer.updateDocument(
                    TweetFields.idTerm(tweet.id()), builders.get().build(tweet));
            newestCreatedAt.accumulateAndGet(tweet.createdAt(), Math::max);
            return seq;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds tweets known to be new (no upsert lookup): the bulk path. Returns the last sequence number. */
    public long addAll(List<TweetDoc> tweets) {
        try {
            long newest = Long.MIN_VALUE;
            long seq = -1;
            TweetFields.DocBuilder builder = builders.get();
            for (TweetDoc t : tweets) {
                seq = writer.addDocument(builder.build(t));
                newest = Math.max(newest, t.createdAt());
            }
            long n = newest;
            newestCreatedAt.accumulateAndGet(n, Math::max);
            return seq;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a bulk load (a rebuild, a first load): until the returned handle is closed, the
     * periodic near-real-time refresh is suspended (each refresh flushes the writer's buffers into a
     * small segment that is sorted at once and merged later; a caller waiting for its write is still
     * served) and the writer buffers up to {@code ramBufferMb} before flushing. Closing it restores
     * both and makes everything written searchable. Loads may overlap; the last to close restores.
     */
    public BulkLoad beginBulkLoad(double ramBufferMb) {
        synchronized (bulkLock) {
            if (bulkLoads++ == 0) {
                reopener.suspendPeriodic();
                writer.getConfig().setRAMBufferSizeMB(Math.max(ramBufferMb, settings.ramBufferMb()));
            }
        }
        return new BulkLoad();
    }

    /**
     * A bulk load with a RAM buffer of a sixteenth of the maximum heap, at most {@value
     * #BULK_RAM_BUFFER_MB} MB and at least the index's own; see {@link #beginBulkLoad(double)}.
     */
    public BulkLoad beginBulkLoad() {
        return beginBulkLoad(Math.min(BULK_RAM_BUFFER_MB, Runtime.getRuntime().maxMemory() / 16.0 / (1 << 20)));
    }

    /** An open bulk load; see {@link #beginBulkLoad}. Close it once. */
    public final class BulkLoad implements AutoCloseable {
        private boolean closed;

        private BulkLoad() {}

        /**
         * Writes one of the writer's in-memory segments to disk in the calling thread, if there is
         * one. A loading thread calls it when its share is done, so that the last buffers are
         * written by the loading threads side by side rather than one after another by
         * {@link #close()}.
         */
        public void flushInThisThread() {
            try {
                writer.flushNextBuffer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            synchronized (bulkLock) {
                if (closed) {
                    return;
                }
                closed = true;
                if (--bulkLoads == 0) {
                    writer.getConfig().setRAMBufferSizeMB(settings.ramBufferMb());
                    reopener.resumePeriodic();
                }
            }
            refresh();
        }
    }

    /**
     * Sets one engagement count of a tweet in place (no re-indexing). A tweet that is not in the
     * index is left alone. Returns the sequence number.
     */
    public long setCount(long tweetId, Engagement engagement, long value) {
        try {
            return writer.updateNumericDocValue(TweetFields.idTerm(tweetId), engagement.field(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every tweet (before a rebuild). Returns the sequence number. */
    public long deleteAll() {
        try {
            return writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a tweet by id. Returns the sequence number. */
    public long delete(long tweetId) {
        try {
            return writer.deleteDocuments(TweetFields.idTerm(tweetId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of the retention window in data time, or {@link Long#MIN_VALUE} when the index is empty. */
    public long retentionCutoff() {
        long newest = newestCreatedAt.get();
        return newest == Long.MIN_VALUE
                ? Long.MIN_VALUE
                : newest - settings.retention().toMillis();
    }

    /** Deletes the tweets older than the retention window (data time). Returns the sequence number. */
    public long applyRetention() {
        long cutoff = retentionCutoff();
        if (cutoff == Long.MIN_VALUE) {
            return writer.getMaxCompletedSequenceNumber();
        }
        try {
            return writer.deleteDocuments(LongPoint.newRangeQuery(TweetFields.CREATED_AT, Long.MIN_VALUE, cutoff - 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written so far durable, with {@code position} in the commit's user data. */
    public synchronized void commit(Map<String, String> position) {
        Map<String, String> data = new HashMap<>(position);
        data.put(KEY_FORMAT, FORMAT);
        long newest = newestCreatedAt.get();
        if (newest != Long.MIN_VALUE) {
            data.put(KEY_NEWEST, Long.toString(newest));
        }
        writer.setLiveCommitData(data.entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user data of the latest commit on disk. */
    public Map<String, String> readCommittedUserData() {
        try {
            return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Read-your-writes: waits until the write with this sequence number is searchable.
     *
     * @return false on timeout
     */
    public boolean awaitSearchable(long sequence, Duration timeout) throws InterruptedException {
        return reopener.waitForGeneration(sequence, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Makes everything written so far searchable now (blocking). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search on a point-in-time searcher, acquired and released around {@code fn}. */
    public <T> T search(SearchFunction<T> fn) {
        IndexSearcher s;
        try {
            s = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return fn.apply(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A function of a searcher that may throw {@link IOException}. */
    @FunctionalInterface
    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Tweets visible to searches now (deleted ones excluded). */
    public int size() {
        return search(s -> s.getIndexReader().numDocs());
    }

    /** Bytes of the index files on disk. */
    public long bytesOnDisk() {
        try (Stream<Path> files = Files.list(path)) {
            long sum = 0;
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p)) {
                    sum += Files.size(p);
                }
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the index down to {@code segments} segments (after a bulk load). */
    public void forceMerge(int segments) {
        try {
            writer.forceMerge(segments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Stops without committing: what was written since the last commit is lost, as in a crash of the
     * process. For tests of recovery.
     */
    public void abandon() {
        stopReaders();
        try {
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the reopen thread and closes the writer without committing; commit first to keep the writes. */
    @Override
    public void close() {
        abandon();
    }

    private void stopReaders() {
        reopener.close();
        try {
            searchers.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
