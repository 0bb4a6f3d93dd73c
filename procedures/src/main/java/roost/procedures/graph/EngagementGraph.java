package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.Long2ObjectRBTreeMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The live bipartite user-tweet engagement graph, kept in memory for random walks and counting
 * (after GraphJet). Edges are grouped in time buckets of {@link Settings#segmentSpan()} by their own
 * time; each bucket holds a few immutable {@link Segment}s. A bucket that ends before the window's
 * start is dropped whole; inside the oldest bucket, readers skip edges older than the window, so
 * the window is exact to the millisecond.
 *
 * <p>The window is measured in <em>data time</em>: it ends at the newest engagement time ever
 * added, not at the wall clock, so a historical data set (2012) has a full window.
 *
 * <p>Writes: {@link #add} buffers an edge; {@link #publish} turns the buffer into one new segment
 * per bucket touched, merges segments (below), drops expired buckets and publishes a new
 * {@link EngagementSnapshot} with one volatile write. Merge policy, per bucket (the logarithmic
 * method): a new segment is merged into the previous one while the previous one is small
 * (under {@link Settings#smallSegmentEdges()}) or not larger than the new one; so a bucket holds
 * one small segment and O(log n) larger ones of decreasing size, and each edge is copied O(log n)
 * times. Deleted edges (unlikes) are flagged at once and dropped when their segment is
 * rewritten: at the next publication when the segment is small or an eighth of it is deleted.
 *
 * <p>The history: once the window's end has moved a full span past a bucket (so late edges for it
 * are rare), the bucket is sealed and then folded into one segment that holds every such edge of
 * the window, its user rows in id order. A reader then finds most of a user's edges in one row of
 * one segment instead of one row in each of several: counting reads a followee's edges in the
 * history through the follow base's rows ({@link Segment#slicesFor}) without any lookup. A fold
 * rewrites the whole history, which drops what left the window meanwhile; between folds, readers
 * skip its edges older than the window. So that a fold's cost stays in proportion to what it
 * brings in, one starts when the sealed edges reach an eighth of the history, when an eighth of
 * the history is deleted, or when the window has moved a full span since the last fold; late
 * edges (for a bucket already sealed) wait in a small sealed segment until then. After a failed
 * fold the next waits for a span of data time. A fold runs on the {@code folder} executor,
 * beside the writer: the sealed segments stay published as they are until it is done, deletions
 * that hit its inputs meanwhile are applied to them at once and replayed on its result, and
 * ingest does not wait for it. It needs memory for a second history while it runs.
 * {@link #consolidate} folds everything at once on the caller's thread, for a load: the whole
 * window then sits in the history.
 *
 * <p>Threads: one writer (all methods except {@link #snapshot()}, which is for any number of
 * readers, lock-free). The writer methods are not thread-safe; the caller serialises them.
 */
public final class EngagementGraph {
    /**
     * @param window how far back from the newest engagement edges are kept, 1 minute to 10 days
     * @param segmentSpan the time span of one bucket of segments, 1 minute up to the window
     * @param smallSegmentEdges segments under this many edges are merged with the next flush
     */
    public record Settings(Duration window, Duration segmentSpan, int smallSegmentEdges) {
        public static final Duration MAX_WINDOW = Duration.ofDays(10);
        public static final Settings DEFAULT = new Settings(Duration.ofHours(48), Duration.ofHours(12), 16_384);

        public Settings {
            if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("window " + window + " is outside [PT1M, " + MAX_WINDOW + "]");
            }
            if (segmentSpan.compareTo(Duration.ofMinutes(1)) < 0 || segmentSpan.compareTo(window) > 0) {
                throw new IllegalArgumentException(
                        "segment span " + segmentSpan + " is outside [PT1M, window " + window + "]");
            }
            if (smallSegmentEdges < 1) {
                throw new IllegalArgumentException("smallSegmentEdges must be at least 1, was " + smallSegmentEdges);
            }
        }
    }

    private static final class Bucket {
        final long index;
        final ArrayList<Segment> segments = new ArrayList<>(4);

        Bucket(long index) {
            this.index = index;
        }
    }

    private final long window;
    private final long span;
    private final int smallSegmentEdges;
    private final Settings settings;

    private final EdgeBuffer pending = new EdgeBuffer(1024);
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    /** Edges of folded buckets (see the class comment), or null. */
    private Segment history;

    /** Segments of sealed buckets, newest first, not yet in the history. */
    private final List<Segment> sealed = new ArrayList<>();

    /** Runs folds. */
    private final Executor folder;

    /** The fold in progress, or null. */
    private Fold fold;

    private Throwable foldFailure;

    /** Data time ({@link #newest}) when the last fold started; {@link Long#MIN_VALUE} before the first. */
    private long lastFoldAt = Long.MIN_VALUE;

    /** Data time before which no fold starts (after a failed one), or {@link Long#MIN_VALUE}. */
    private long noFoldBefore = Long.MIN_VALUE;

    /**
     * A fold in progress: its inputs (the history first, if any, then sealed segments) and the
     * deletions that hit them since it started (replayed on the result: user, tweet, type and the
     * edge's exact time). The deletion flags they had when it started go to the fold's task.
     */
    private static final class Fold {
        final List<Segment> inputs;
        final CompletableFuture<Segment> result = new CompletableFuture<>();
        final EdgeBuffer deletions = new EdgeBuffer(16);

        Fold(List<Segment> inputs) {
            this.inputs = inputs;
        }

        boolean isInput(Segment s) {
            for (Segment input : inputs) {
                if (input == s) {
                    return true;
                }
            }
            return false;
        }
    }

    private long newest = Long.MIN_VALUE;

    private long added;
    private long droppedOld;
    private long deleted;
    private long merges;
    private long mergedEdges;
    private long expiredBuckets;
    private long folds;
    private long foldFailures;

    private volatile EngagementSnapshot snapshot;

    /** A graph whose folds run on the writer's thread, inside {@link #publish}: for tests and tools. */
    public EngagementGraph(Settings settings) {
        this(settings, Runnable::run);
    }

    /** @param folder where folds into the history run (see the class comment) */
    public EngagementGraph(Settings settings, Executor folder) {
        this.settings = settings;
        this.folder = folder;
        this.window = settings.window().toMillis();
        this.span = settings.segmentSpan().toMillis();
        this.smallSegmentEdges = settings.smallSegmentEdges();
        this.snapshot = EngagementSnapshot.empty();
    }

    public Settings settings() {
        return settings;
    }

    /** The published view; any thread, lock-free, O(1). */
    public EngagementSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Buffers one engagement (visible after the next {@link #publish}). An edge older than the
     * window is dropped; one newer than all before moves the window forward. O(1) amortised.
     *
     * @return whether the edge was kept
     */
    public boolean add(long userId, long tweetId, long authorId, int typeCode, long time) {
        if (typeCode < 0 || typeCode >= EngagementTypes.count()) {
            throw new IllegalArgumentException("unknown engagement type code " + typeCode);
        }
        if (time > newest) {
            newest = time;
        }
        if (time < cutoff()) {
            droppedOld++;
            return false;
        }
        pending.add(userId, tweetId, authorId, typeCode, time);
        added++;
        return true;
    }

    /**
     * Marks one live edge deleted (an unlike); {@code time} must match unless it is
     * {@link Long#MIN_VALUE}, and the newest match goes. Flushes the buffer first. O(degree).
     */
    public boolean delete(long userId, long tweetId, int typeCode, long time) {
        flush();
        List<Bucket> candidates = time == Long.MIN_VALUE
                ? new ArrayList<>(buckets.descendingMap().values())
                : bucketList(Math.floorDiv(time, span));
        for (Bucket b : candidates) {
            for (int i = b.segments.size() - 1; i >= 0; i--) {
                if (deleteFrom(b.segments.get(i), userId, tweetId, typeCode, time)) {
                    return true;
                }
            }
        }
        for (Segment s : sealed) {
            if (deleteFrom(s, userId, tweetId, typeCode, time)) {
                return true;
            }
        }
        return history != null && deleteFrom(history, userId, tweetId, typeCode, time);
    }

    /** Deletes from a segment, and notes it for the fold in progress when that reads the segment. */
    private boolean deleteFrom(Segment s, long userId, long tweetId, int typeCode, long time) {
        long at = s.deleteTimed(userId, tweetId, typeCode, time);
        if (at == Long.MIN_VALUE) {
            return false;
        }
        deleted++;
        if (fold != null && fold.isInput(s)) {
            fold.deletions.add(userId, tweetId, EdgeBuffer.UNKNOWN_AUTHOR, typeCode, at);
        }
        return true;
    }

    /** Whether a live edge with exactly these values is stored (buffered edges included). O(degree). */
    public boolean contains(long userId, long tweetId, int typeCode, long time) {
        flush();
        for (Bucket b : bucketList(Math.floorDiv(time, span))) {
            for (Segment s : b.segments) {
                if (s.contains(userId, tweetId, typeCode, time)) {
                    return true;
                }
            }
        }
        for (Segment s : sealed) {
            if (s.contains(userId, tweetId, typeCode, time)) {
                return true;
            }
        }
        return history != null && history.contains(userId, tweetId, typeCode, time);
    }

    private List<Bucket> bucketList(long index) {
        Bucket b = buckets.get(index);
        return b == null ? List.of() : List.of(b);
    }

    /**
     * Makes every buffered edge visible: builds segments, merges, drops what left the window, then
     * publishes a new snapshot with one volatile write.
     */
    public void publish() {
        flush();
        long cutoff = cutoff();
        while (!buckets.isEmpty() && (buckets.firstKey() + 1) * span <= cutoff) {
            buckets.pollFirstEntry();
            expiredBuckets++;
        }
        List<Bucket> ready = new ArrayList<>();
        for (Bucket b : buckets.values()) {
            if ((b.index + 2) * span <= newest) {
                ready.add(b);
            } else {
                dropDeleted(b, cutoff);
            }
        }
        for (Bucket b : ready) { // oldest first
            buckets.remove(b.index);
            for (Segment segment : b.segments) { // oldest first: each goes before the ones before it
                seal(segment, cutoff);
            }
        }
        finishFold(cutoff);
        if (fold == null && foldDue()) {
            startFold(cutoff);
            finishFold(cutoff); // done at once when folds run on this thread
        }
        publishSnapshot(cutoff);
    }

    /**
     * Puts a segment of a sealed bucket first in {@link #sealed}. Late edges come as small
     * segments: one is merged with the newest sealed segment while that is small too (and no
     * fold reads it), so they stay few until the next fold.
     */
    private void seal(Segment segment, long cutoff) {
        if (!sealed.isEmpty() && segment.edgeCount() < smallSegmentEdges) {
            Segment first = sealed.get(0);
            if (first.edgeCount() < smallSegmentEdges && (fold == null || !fold.isInput(first))) {
                List<Segment> parts = List.of(first, segment);
                Segment merged = merge(parts, base(parts, cutoff), cutoff);
                if (merged == null) {
                    sealed.remove(0);
                } else {
                    sealed.set(0, merged);
                }
                return;
            }
        }
        sealed.add(0, segment);
    }

    /** Whether a fold should start now (see the class comment). */
    private boolean foldDue() {
        if (newest < noFoldBefore) {
            return false;
        }
        if (manyDeleted(history)) {
            return true;
        }
        if (sealed.isEmpty()) {
            return false;
        }
        if (history == null || newest - lastFoldAt >= span) { // a history exists only once a fold has started
            return true;
        }
        long sealedEdges = 0;
        for (Segment s : sealed) {
            sealedEdges += s.edgeCount();
        }
        return sealedEdges * 8L >= history.edgeCount();
    }

    /**
     * Publishes every edge added so far, all of them folded into the history (see the class
     * comment), whatever their bucket, on the caller's thread: for a load, which adds the whole
     * window at once. Waits for a fold in progress first. O(edges log edges).
     */
    public void consolidate() {
        flush();
        long cutoff = cutoff();
        if (fold != null) {
            awaitFold();
            finishFold(cutoff); // a failed fold changes nothing: its inputs are folded below
        }
        List<Segment> parts = foldInputs();
        for (Bucket b : buckets.values()) {
            parts.addAll(b.segments);
        }
        buckets.clear();
        sealed.clear();
        if (!parts.isEmpty()) {
            history = mergeHistory(parts, cutoff, null);
            folds++;
            lastFoldAt = newest;
        }
        publishSnapshot(cutoff);
    }

    /** The error of the last fold that failed since the previous call, or null; clears it. Writer only. */
    public Throwable takeFoldFailure() {
        Throwable t = foldFailure;
        foldFailure = null;
        return t;
    }

    /** Whether a fold has finished that the next {@link #publish} would put in place. Writer only. */
    public boolean foldFinished() {
        return fold != null && fold.result.isDone();
    }

    /** Waits for the fold in progress, if any, to finish (its result is put in place by the next {@link #publish}). */
    public void awaitFold() {
        Fold f = fold;
        if (f != null) {
            try {
                f.result.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                // publish() reports it
            }
        }
    }

    /**
     * Waits for the fold in progress and publishes, until no fold is in progress (one put in
     * place may call for another): every fold the edges added so far call for is then published.
     * Writer only.
     */
    public void settleFolds() {
        while (fold != null) {
            awaitFold();
            publish();
        }
    }

    /**
     * Ends the fold in progress if it never started (its executor was shut down first), so that
     * nothing waits for it forever. For closing, once the writer has stopped; any thread.
     */
    public void abandonFold() {
        Fold f = fold;
        if (f != null) {
            f.result.cancel(false);
        }
    }

    /** The history (if any), then the sealed segments: what a fold rewrites. */
    private List<Segment> foldInputs() {
        List<Segment> inputs = new ArrayList<>();
        if (history != null) {
            inputs.add(history);
        }
        inputs.addAll(sealed);
        return inputs;
    }

    private static boolean manyDeleted(Segment s) {
        return s != null && s.deletedCount() > 0 && s.deletedCount() * 8L >= s.edgeCount();
    }

    /** Starts folding the sealed segments (and the history) into a new history. */
    private void startFold(long cutoff) {
        List<Segment> inputs = foldInputs();
        // The deletion flags as they are now (none to copy where nothing is deleted): the writer
        // goes on deleting meanwhile, and those deletions are replayed on the result.
        int[][] deletedNow = new int[inputs.size()][];
        for (int i = 0; i < deletedNow.length; i++) {
            Segment s = inputs.get(i);
            deletedNow[i] = s.deletedCount() == 0 ? null : s.deletedSnapshot();
        }
        Fold f = new Fold(inputs);
        fold = f;
        try {
            folder.execute(() -> {
                try {
                    f.result.complete(mergeHistory(inputs, cutoff, deletedNow));
                } catch (Throwable t) {
                    f.result.completeExceptionally(t);
                }
            });
            lastFoldAt = newest;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            fold = null; // the executor is shut down (the graph is closing): the segments stay as they are
        }
    }

    /**
     * Puts a finished fold's result in place of its inputs, after replaying the deletions that hit
     * them meanwhile. A failed fold changes nothing: its inputs stay published, the next fold
     * waits for a span of data time, and {@link #takeFoldFailure} hands the error over.
     */
    private void finishFold(long cutoff) {
        Fold f = fold;
        if (f == null || !f.result.isDone()) {
            return;
        }
        fold = null;
        Segment merged;
        try {
            merged = f.result.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            foldFailure = e.getCause() == null ? e : e.getCause();
            foldFailures++;
            noFoldBefore = newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest + span;
            return;
        }
        if (merged != null) {
            EdgeBuffer d = f.deletions;
            for (int i = 0; i < d.size(); i++) {
                merged.delete(d.user(i), d.tweet(i), d.type(i), d.time(i));
            }
        }
        history = merged;
        sealed.removeIf(f::isInput);
        folds++;
    }

    private void publishSnapshot(long cutoff) {
        if (history != null && history.maxTime() < cutoff && (fold == null || !fold.isInput(history))) {
            history = null;
        }
        // Sealed segments wholly out of the window go too (the next fold would drop them).
        sealed.removeIf(s -> s.maxTime() < cutoff && (fold == null || !fold.isInput(s)));
        List<Segment> segments = new ArrayList<>();
        for (Bucket b : buckets.descendingMap().values()) {
            for (int i = b.segments.size() - 1; i >= 0; i--) {
                segments.add(b.segments.get(i));
            }
        }
        segments.addAll(sealed);
        if (history != null) {
            segments.add(history);
        }
        snapshot = new EngagementSnapshot(segments.toArray(new Segment[0]), history, cutoff, newest, counters());
    }

    /** The live edges of {@code parts} as one segment with its user rows in id order, or null. */
    private static Segment mergeHistory(List<Segment> parts, long cutoff, int[][] deleted) {
        return Segment.merge(parts, base(parts, cutoff), cutoff, true, deleted);
    }

    /**
     * The time base of a merge of {@code parts}: times are kept as offsets from the base, and the
     * oldest edge kept is the latest base that works.
     */
    private static long base(List<Segment> parts, long cutoff) {
        long from = Long.MAX_VALUE;
        for (Segment p : parts) {
            from = Math.min(from, p.minTime());
        }
        return Math.max(from, cutoff);
    }

    /** Turns the buffer into segments (not yet published). */
    private void flush() {
        if (pending.size() == 0) {
            return;
        }
        long cutoff = cutoff();
        Map<Long, EdgeBuffer> byBucket = new Long2ObjectRBTreeMap<>();
        EdgeBuffer only = null;
        long onlyIndex = Long.MIN_VALUE;
        for (int i = 0; i < pending.size(); i++) {
            long t = pending.time(i);
            if (t < cutoff) {
                droppedOld++;
                added--;
                continue;
            }
            long index = Math.floorDiv(t, span);
            EdgeBuffer target;
            if (index == onlyIndex) {
                target = only;
            } else {
                target = byBucket.computeIfAbsent(index, k -> new EdgeBuffer(Math.min(pending.size(), 1 << 16)));
                only = target;
                onlyIndex = index;
            }
            target.add(pending.user(i), pending.tweet(i), pending.author(i), pending.type(i), t);
        }
        pending.clear();
        if (pending.user.length > (1 << 20)) {
            pending.release();
        }
        for (Map.Entry<Long, EdgeBuffer> e : byBucket.entrySet()) {
            long index = e.getKey();
            Bucket bucket = buckets.computeIfAbsent(index, Bucket::new);
            addSegment(bucket, Segment.build(e.getValue(), index * span), cutoff);
        }
    }

    private void addSegment(Bucket bucket, Segment segment, long cutoff) {
        List<Segment> list = bucket.segments;
        list.add(segment);
        while (list.size() >= 2) {
            Segment previous = list.get(list.size() - 2);
            Segment last = list.get(list.size() - 1);
            if (previous.edgeCount() >= smallSegmentEdges && previous.edgeCount() > last.edgeCount()) {
                break;
            }
            list.remove(list.size() - 1);
            list.remove(list.size() - 1);
            Segment merged = merge(List.of(previous, last), bucket.index * span, cutoff);
            if (merged != null) {
                list.add(merged);
            }
        }
    }

    /**
     * Rewrites segments where deleted edges are many (an eighth) or cheap to drop (a small
     * segment): random walks redraw a deleted edge, and too many of them would lose walks.
     */
    private void dropDeleted(Bucket bucket, long cutoff) {
        List<Segment> list = bucket.segments;
        for (int i = list.size() - 1; i >= 0; i--) {
            Segment s = list.get(i);
            if (s.deletedCount() > 0 && (s.edgeCount() < smallSegmentEdges || manyDeleted(s))) {
                Segment rewritten = merge(List.of(s), bucket.index * span, cutoff);
                if (rewritten == null) {
                    list.remove(i);
                } else {
                    list.set(i, rewritten);
                }
            }
        }
    }

    private Segment merge(List<Segment> parts, long base, long cutoff) {
        Segment merged = Segment.merge(parts, base, cutoff);
        merges++;
        mergedEdges += merged == null ? 0 : merged.edgeCount();
        return merged;
    }

    /** Start of the window: edges older than this are invisible and eventually dropped. */
    public long cutoff() {
        return newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - window;
    }

    /** Newest engagement time ever added (data time), or {@link Long#MIN_VALUE}. */
    public long newestTime() {
        return newest;
    }

    /** Counters since creation; writer thread only (readers get them from the snapshot). */
    Counters counters() {
        return new Counters(
                added, droppedOld, deleted, merges, mergedEdges, expiredBuckets, folds, foldFailures, pending.size());
    }

    /**
     * @param added edges accepted into the window
     * @param droppedOld edges that arrived (or stayed buffered) older than the window
     * @param deleted edges deleted (unlikes)
     * @param merges segment merges
     * @param mergedEdges edges copied by merges
     * @param expiredBuckets buckets dropped as the window moved
     * @param folds merges into the history (see the class comment)
     * @param foldFailures folds that failed (their inputs stayed as they were)
     * @param buffered edges buffered, not yet published
     */
    public record Counters(
            long added,
            long droppedOld,
            long deleted,
            long merges,
            long mergedEdges,
            long expiredBuckets,
            long folds,
            long foldFailures,
            int buffered) {}
}
