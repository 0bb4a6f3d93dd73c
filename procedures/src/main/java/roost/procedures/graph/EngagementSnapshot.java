package roost.procedures.graph;

/**
 * An immutable view of the engagement graph as of one publication: the segments newest first and
 * the window. Readers take one with {@link EngagementGraph#snapshot()} (a volatile read) and then
 * read it without locks; a request that uses one snapshot throughout sees one consistent graph.
 * Reading goes through an {@link EngagementCursor}, one per request.
 */
public final class EngagementSnapshot {
    private static final EngagementSnapshot EMPTY = new EngagementSnapshot(
            new Segment[0],
            null,
            Long.MIN_VALUE,
            Long.MIN_VALUE,
            new EngagementGraph.Counters(0, 0, 0, 0, 0, 0, 0, 0, 0));

    final Segment[] segments;
    /** The history segment (also the last of {@link #segments}), or null. */
    final Segment history;

    final long cutoff;
    final long newest;
    private final EngagementGraph.Counters counters;

    EngagementSnapshot(
            Segment[] segments, Segment history, long cutoff, long newest, EngagementGraph.Counters counters) {
        this.segments = segments;
        this.history = history;
        this.cutoff = cutoff;
        this.newest = newest;
        this.counters = counters;
    }

    static EngagementSnapshot empty() {
        return EMPTY;
    }

    /** A new reader over this snapshot (scratch arrays sized by the number of segments). */
    public EngagementCursor cursor() {
        return new EngagementCursor(this);
    }

    /** Edges before this time are outside the window. */
    public long cutoff() {
        return cutoff;
    }

    /** The newest engagement time in the data, or {@link Long#MIN_VALUE} when there is none. */
    public long newestTime() {
        return newest;
    }

    public int segmentCount() {
        return segments.length;
    }

    /**
     * Edges in the window, not deleted: what readers see. O(segments), plus O(rows + edges) for
     * each segment that holds edges older than the window (the history between folds, the oldest
     * bucket). {@link #storedEdges()} counts what memory holds.
     */
    public long edgeCount() {
        long n = 0;
        for (Segment s : segments) {
            n += s.liveEdges(cutoff);
        }
        return n;
    }

    /** Edges held, not deleted, some of them maybe older than the window (dropped at the next fold). O(segments). */
    public long storedEdges() {
        long n = 0;
        for (Segment s : segments) {
            n += s.edgeCount() - s.deletedCount();
        }
        return n;
    }

    /** User rows summed over segments (a user in two segments counts twice). */
    public long userRows() {
        long n = 0;
        for (Segment s : segments) {
            n += s.userCount();
        }
        return n;
    }

    /** Tweet rows summed over segments. */
    public long tweetRows() {
        long n = 0;
        for (Segment s : segments) {
            n += s.tweetCount();
        }
        return n;
    }

    /** Bytes held by the segments of this snapshot. */
    public long bytes() {
        long n = 0;
        for (Segment s : segments) {
            n += s.bytes();
        }
        return n;
    }

    public EngagementGraph.Counters counters() {
        return counters;
    }
}
