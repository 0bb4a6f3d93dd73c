package roost.procedures.graph;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * Reads one {@link EngagementSnapshot}: a user's engagements newest first, a tweet's engagers,
 * and uniform sampling of a node's edges for random walks. It holds the "current node" (its rows
 * in every segment) so that many samples of one node cost one lookup per segment.
 *
 * <p>Costs: loading a node is one hash lookup per segment (plus a binary search in segments that
 * straddle the window's start), loading it again one lookup in the cursor's own cache; a sample
 * is O(segments) plus one array read. Memory: a few ints per node loaded.
 *
 * <p>Not thread-safe: one cursor per request; create it once and reuse it for the whole request.
 * A cursor can serve one request after another ({@link #reset}, {@link #release}): it then keeps
 * its scratch arrays instead of allocating them again.
 */
public final class EngagementCursor {
    /** Returned by the sampling methods when the sampled edge is deleted or filtered out. */
    public static final long NONE = Long.MIN_VALUE;

    /** Receives one engagement: tweet, its author ({@link EdgeBuffer#UNKNOWN_AUTHOR} if unknown), type code, time. */
    @FunctionalInterface
    public interface EngagementVisitor {
        void accept(long tweetId, long authorId, int typeCode, long time);
    }

    /** Receives one engagement of the {@code index}-th user of a batch (see {@link #recentEngagements(long[], int, int, int, int, BatchVisitor)}). */
    @FunctionalInterface
    public interface BatchVisitor {
        void accept(int index, long tweetId, long authorId, int typeCode, long time);
    }

    /** Receives one engager of a tweet; returns false to stop. */
    @FunctionalInterface
    public interface EngagerVisitor {
        boolean accept(long userId, long time);
    }

    /**
     * Edges (of one batch of users, see {@link #recentEngagements(FollowSet, int, int, int, int,
     * BatchVisitor)}) a cursor kept for reuse holds scratch for at most; past it, {@link
     * #release()} lets the scratch go: then at most 456 KiB (37 bytes per edge, 12 per row bound, 8 per id).
     */
    private static final int KEEP_EDGES = 1 << 13;

    private Segment[] segments;
    /** Position of the history in {@link #segments}, or -1. */
    private int history;

    private long cutoff;

    // The current node: for each segment holding it, the segment index and its live range.
    private int[] sliceSegment = new int[0];
    private int[] sliceFrom = new int[0];
    private int[] sliceTo = new int[0];
    private long[] sliceEnd = new long[0]; // cumulative sizes
    private int[] pos = new int[0];
    private Long2IntOpenHashMap userCache = new Long2IntOpenHashMap();
    private Long2IntOpenHashMap tweetCache = new Long2IntOpenHashMap();
    private final IntArrayList cached = new IntArrayList();
    private int slices;
    private long degree;
    private boolean userSide;
    private Segment lastSegment;
    private int lastPosition;
    private int[] batchRows = new int[0];
    private long[] batchIds = new long[0];
    // Bounds of a batch's rows, [segment * batch size + index in the batch]; see readBounds.
    private int[] rowFrom = new int[0];
    private int[] rowTo = new int[0];
    // Edges gathered by recentEngagements: where they are, then what they hold.
    private int[] edgeUser = new int[0];
    private int[] edgeSegment = new int[0];
    private int[] edgePosition = new int[0];
    private long[] edgeTweet = new long[0];
    private long[] edgeTime = new long[0];
    private long[] edgeAuthor = new long[0];
    private byte[] edgeType = new byte[0];

    EngagementCursor(EngagementSnapshot snapshot) {
        userCache.defaultReturnValue(-1);
        tweetCache.defaultReturnValue(-1);
        reset(snapshot);
    }

    /**
     * Points this cursor at {@code snapshot}, as a new cursor over it would be: no node loaded or
     * remembered. Its scratch arrays are kept, so that a request served by a cursor kept from
     * an earlier one allocates nothing for them. O(1), plus clearing the memory of loaded nodes
     * when the last request used it (walks do): O(its capacity).
     */
    public EngagementCursor reset(EngagementSnapshot snapshot) {
        this.segments = snapshot.segments;
        this.history = snapshot.history == null ? -1 : segments.length - 1;
        this.cutoff = snapshot.cutoff;
        int n = segments.length;
        if (sliceSegment.length < n) {
            sliceSegment = new int[n];
            sliceFrom = new int[n];
            sliceTo = new int[n];
            sliceEnd = new long[n];
            pos = new int[n];
        }
        if (!cached.isEmpty()) {
            userCache.clear();
            tweetCache.clear();
            cached.clear();
        }
        slices = 0;
        degree = 0;
        lastSegment = null;
        return this;
    }

    /**
     * Lets go of the snapshot, so that a cursor kept between requests holds on to no segments the
     * graph has dropped since, and of scratch past what a typical request needs. The cursor
     * reads an empty graph until the next {@link #reset}.
     */
    public void release() {
        boolean manyRemembered = cached.size() > KEEP_EDGES;
        reset(EngagementSnapshot.empty());
        if (edgeUser.length > KEEP_EDGES) {
            edgeUser = new int[0];
            edgeSegment = new int[0];
            edgePosition = new int[0];
            edgeTweet = new long[0];
            edgeTime = new long[0];
            edgeAuthor = new long[0];
            edgeType = new byte[0];
        }
        if (rowFrom.length > KEEP_EDGES) {
            batchRows = new int[0];
            batchIds = new long[0];
            rowFrom = new int[0];
            rowTo = new int[0];
        }
        if (manyRemembered) {
            cached.trim();
            userCache = new Long2IntOpenHashMap();
            userCache.defaultReturnValue(-1);
            tweetCache = new Long2IntOpenHashMap();
            tweetCache.defaultReturnValue(-1);
        }
    }

    /**
     * Sizes the cursor's memory of loaded nodes for about {@code n} nodes (a walk's loads), so
     * that it does not grow step by step. Changes no answer.
     */
    public void expectNodes(int n) {
        if (cached.isEmpty() && n > 16) {
            userCache = new Long2IntOpenHashMap(n);
            userCache.defaultReturnValue(-1);
            tweetCache = new Long2IntOpenHashMap(n);
            tweetCache.defaultReturnValue(-1);
            cached.ensureCapacity(n * 8);
        }
    }

    /** Makes {@code userId} the current node; returns its number of edges in the window (deleted ones included). */
    public long loadUser(long userId) {
        userSide = true;
        if (restore(userCache, userId)) {
            return degree;
        }
        slices = 0;
        degree = 0;
        for (int s = 0; s < segments.length; s++) {
            Segment seg = segments[s];
            int row = seg.users.row(userId);
            if (row >= 0) {
                int from = seg.userFrom(row, cutoff);
                int to = seg.userStart[row + 1];
                addSlice(s, from, to);
            }
        }
        remember(userCache, userId);
        return degree;
    }

    /** Makes {@code tweetId} the current node; returns its number of engagers in the window (deleted ones included). */
    public long loadTweet(long tweetId) {
        userSide = false;
        if (restore(tweetCache, tweetId)) {
            return degree;
        }
        slices = 0;
        degree = 0;
        for (int s = 0; s < segments.length; s++) {
            Segment seg = segments[s];
            int row = seg.tweetRow(tweetId);
            if (row >= 0) {
                int from = seg.tweetFrom(row, cutoff);
                int to = seg.tweetStart[row + 1];
                addSlice(s, from, to);
            }
        }
        remember(tweetCache, tweetId);
        return degree;
    }

    /**
     * Looks up {@code userIds[0..n)} not loaded before, segment by segment (the lookups of one
     * segment do not depend on each other, so their cache misses overlap), and remembers them, so
     * that {@link #loadUser} of any of them is then one small hash lookup. Changes no answer; the
     * current node is undefined afterwards (load one before sampling).
     */
    public void prepareUsers(long[] userIds, int n) {
        prepare(userIds, n, true);
    }

    /** As {@link #prepareUsers}, for tweets. */
    public void prepareTweets(long[] tweetIds, int n) {
        prepare(tweetIds, n, false);
    }

    private void prepare(long[] ids, int n, boolean users) {
        Long2IntOpenHashMap cache = users ? userCache : tweetCache;
        if (batchIds.length < n) {
            batchIds = new long[n];
        }
        long[] todo = batchIds;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!cache.containsKey(ids[i])) {
                todo[m++] = ids[i];
            }
        }
        readBounds(lookUp(todo, 0, m, users, -1), m, users, -1);
        for (int i = 0; i < m; i++) {
            makeCurrent(i, m, users);
            if (!cache.containsKey(todo[i])) {
                remember(cache, todo[i]);
            }
        }
    }

    /**
     * Looks {@code ids[from..from+n)} up in every segment, one segment after the other (the
     * lookups of one segment do not depend on each other, so their cache misses overlap): the
     * row of the {@code i}-th id in segment {@code s}, or -1, is at {@code [s * n + i]} of the
     * array returned (the cursor's own, reused by the next call). Segment {@code skip} (or none,
     * -1) is not looked up.
     */
    private int[] lookUp(long[] ids, int from, int n, boolean users, int skip) {
        int segs = segments.length;
        if (batchRows.length < n * segs) {
            batchRows = new int[n * segs];
        }
        int[] rows = batchRows;
        for (int s = 0; s < segs; s++) {
            if (s == skip) {
                continue;
            }
            Segment seg = segments[s];
            int at = s * n;
            if (users) {
                LongIdIndex index = seg.users;
                for (int i = 0; i < n; i++) {
                    rows[at + i] = index.row(ids[from + i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    rows[at + i] = seg.tweetRow(ids[from + i]);
                }
            }
        }
        return rows;
    }

    /**
     * Reads the bounds of the rows {@link #lookUp} found for {@code n} nodes, segment by segment,
     * into {@link #rowFrom} and {@link #rowTo} (empty where a segment does not hold the node;
     * trimmed to the window). No branch waits on a read of this pass: a mispredicted one that did
     * would discard the reads issued after it, and the misses would follow one another again.
     * Segment {@code skip} (or none, -1) is left alone.
     */
    private void readBounds(int[] rows, int n, boolean users, int skip) {
        int segs = segments.length;
        if (rowFrom.length < n * segs) {
            rowFrom = new int[n * segs];
            rowTo = new int[n * segs];
        }
        for (int s = 0; s < segs; s++) {
            if (s == skip) {
                continue;
            }
            Segment seg = segments[s];
            int[] start = users ? seg.userStart : seg.tweetStart;
            int at = s * n;
            for (int i = 0; i < n; i++) {
                int row = rows[at + i];
                int absent = row >> 31; // -1 when the segment does not hold the node, else 0
                int r = row & ~absent;
                rowFrom[at + i] = start[r] & ~absent;
                rowTo[at + i] = start[r + 1] & ~absent;
            }
            trim(s, n, users);
        }
    }

    /** Trims the bounds read for {@code n} nodes in segment {@code s} to the window. */
    private void trim(int s, int n, boolean users) {
        Segment seg = segments[s];
        if (seg.straddles(cutoff)) {
            int at = s * n;
            for (int i = 0; i < n; i++) {
                rowFrom[at + i] = users
                        ? seg.userFrom(rowFrom[at + i], rowTo[at + i], cutoff)
                        : seg.tweetFrom(rowFrom[at + i], rowTo[at + i], cutoff);
            }
        }
    }

    /**
     * The bounds of {@code n} users' rows in every segment, as {@link #readBounds} leaves them:
     * the history's from the follow base's rows when the follow set has them ({@link
     * Segment#slicesFor}: one read per user, no lookup), every other segment's by lookup.
     */
    private void readUserBounds(FollowSet followees, int from, int n) {
        long[] slices =
                history < 0 || followees.baseRows() == null ? null : segments[history].slicesFor(followees.base());
        int skip = slices == null ? -1 : history;
        readBounds(lookUp(followees.ids(), from, n, true, skip), n, true, skip);
        if (slices != null) {
            int[] baseRows = followees.baseRows();
            int at = history * n;
            for (int i = 0; i < n; i++) {
                long slice = slices[baseRows[from + i]];
                rowFrom[at + i] = (int) (slice >>> 32);
                rowTo[at + i] = (int) slice;
            }
            trim(history, n, true);
        }
    }

    /** Makes the {@code i}-th of {@code n} nodes whose bounds {@link #readBounds} read the current node. */
    private void makeCurrent(int i, int n, boolean users) {
        userSide = users;
        slices = 0;
        degree = 0;
        for (int s = 0; s < segments.length; s++) {
            addSlice(s, rowFrom[s * n + i], rowTo[s * n + i]);
        }
    }

    /**
     * Walks load the same nodes at several steps: the slices of every node loaded through this
     * cursor are kept (a few ints each), so a second load costs one small hash lookup instead
     * of one lookup per segment.
     */
    private boolean restore(Long2IntOpenHashMap cache, long id) {
        int at = cache.get(id);
        if (at < 0) {
            return false;
        }
        int n = cached.getInt(at);
        slices = 0;
        degree = 0;
        for (int i = 0; i < n; i++) {
            int base = at + 1 + 3 * i;
            addSlice(cached.getInt(base), cached.getInt(base + 1), cached.getInt(base + 2));
        }
        return true;
    }

    private void remember(Long2IntOpenHashMap cache, long id) {
        cache.put(id, cached.size());
        cached.add(slices);
        for (int i = 0; i < slices; i++) {
            cached.add(sliceSegment[i]);
            cached.add(sliceFrom[i]);
            cached.add(sliceTo[i]);
        }
    }

    private void addSlice(int segment, int from, int to) {
        if (to > from) {
            degree += to - from;
            sliceSegment[slices] = segment;
            sliceFrom[slices] = from;
            sliceTo[slices] = to;
            sliceEnd[slices] = degree;
            slices++;
        }
    }

    /** Number of edges of the current node. */
    public long degree() {
        return degree;
    }

    /**
     * The other end of the current node's {@code k}-th edge ({@code 0 <= k < degree()}): a tweet
     * for a user, a user for a tweet; {@link #NONE} when that edge is deleted or its type is not
     * in {@code typeMask}. After a tweet is returned, {@link #lastAuthor()} is its author. O(segments).
     */
    public long neighbour(long k, int typeMask) {
        long handle = locate(k);
        long other = neighbourAt(handle, typeMask);
        if (userSide && other != NONE) {
            lastSegment = segments[(int) (handle >>> 33)];
            lastPosition = (int) handle;
        }
        return other;
    }

    /** Author of the tweet last returned by {@link #neighbour} from a user. */
    public long lastAuthor() {
        return lastSegment.authorAt(lastPosition);
    }

    /**
     * Where the current node's {@code k}-th edge is ({@code 0 <= k < degree()}), without reading
     * it: a handle for {@link #neighbourAt}, valid for the life of this cursor whatever is loaded
     * meanwhile. O(segments), no cache miss.
     */
    public long locate(long k) {
        int s = 0;
        while (sliceEnd[s] <= k) {
            s++;
        }
        int p = (int) (sliceFrom[s] + (k - (s == 0 ? 0 : sliceEnd[s - 1])));
        return ((long) sliceSegment[s] << 33) | (userSide ? 1L << 32 : 0) | p;
    }

    /**
     * The other end of the edge at {@code handle} (from {@link #locate}), as {@link #neighbour}
     * answers it, without changing the current node or {@link #lastAuthor()}.
     */
    public long neighbourAt(long handle, int typeMask) {
        Segment seg = segments[(int) (handle >>> 33)];
        int p = (int) handle;
        // Each check is a cache miss: skip those that cannot fail.
        boolean anyDeleted = seg.deletedCount() != 0;
        boolean allTypes = typeMask == EngagementTypes.ALL;
        if ((handle & (1L << 32)) != 0) {
            if ((anyDeleted && Bits.get(seg.userDeleted, p))
                    || (!allTypes && (typeMask & (1 << seg.userType[p])) == 0)) {
                return NONE;
            }
            return seg.userTweetId[p];
        }
        if ((anyDeleted && Bits.get(seg.tweetDeleted, p)) || (!allTypes && (typeMask & (1 << seg.tweetType[p])) == 0)) {
            return NONE;
        }
        return seg.tweetUser[p];
    }

    /**
     * Visits up to {@code max} of a user's engagements in the window whose type is in
     * {@code typeMask}, newest first (ties: newer segment first), skipping deleted ones.
     * Returns how many were visited. O(visited x segments).
     */
    public int recentEngagements(long userId, int max, int typeMask, EngagementVisitor visitor) {
        loadUser(userId);
        return mergeNewest(
                0, max, typeMask, (i, tweet, author, type, time) -> visitor.accept(tweet, author, type, time));
    }

    /**
     * As {@link #recentEngagements(long, int, int, EngagementVisitor)} for {@code userIds[from..to)},
     * user by user in that order (the visitor gets the index in the array); returns the engagements
     * visited. Within one user the order is newest first only when the user has more than
     * {@code max} edges in the window; when all of them are visited anyway, they come segment by
     * segment, which saves the merge. The users are not remembered for later loads.
     *
     * <p>Most of the cost for users with few engagements is cache misses, so the work goes in
     * passes whose memory reads do not depend on each other, and the misses of one pass overlap
     * instead of following one another: the users are looked up segment by segment, then their
     * rows' bounds read segment by segment, then the positions of all their edges gathered, then
     * each edge's tweet, author, type and time read; only then is the visitor
     * called.
     */
    public long recentEngagements(long[] userIds, int from, int to, int max, int typeMask, BatchVisitor visitor) {
        int n = to - from;
        readBounds(lookUp(userIds, from, n, true, -1), n, true, -1);
        return visitBatch(from, n, max, typeMask, visitor);
    }

    /**
     * As {@link #recentEngagements(long[], int, int, int, int, BatchVisitor)} for the followees
     * {@code [from, to)} of a follow set: the same answer, with their edges in the history found
     * through the follow base's rows instead of a lookup each, when the follow set has them.
     */
    public long recentEngagements(FollowSet followees, int from, int to, int max, int typeMask, BatchVisitor visitor) {
        int n = to - from;
        readUserBounds(followees, from, n);
        return visitBatch(from, n, max, typeMask, visitor);
    }

    /** The visiting part of the batched {@code recentEngagements}, once the bounds are read. */
    private long visitBatch(int from, int n, int max, int typeMask, BatchVisitor visitor) {
        long visited = 0;
        int gathered = 0;
        for (int i = 0; i < n; i++) {
            makeCurrent(i, n, true);
            if (degree <= max) {
                gathered = gather(from + i, gathered);
            } else {
                // Rare (a user over the cap): visit what came before, to keep the users' order.
                visited += visitGathered(gathered, typeMask, visitor);
                gathered = 0;
                visited += mergeNewest(from + i, max, typeMask, visitor);
            }
        }
        return visited + visitGathered(gathered, typeMask, visitor);
    }

    /** Appends the positions of the current (user) node's edges, slice by slice, newest first in each. */
    private int gather(int index, int at) {
        int need = at + (int) degree;
        if (edgeUser.length < need) {
            int size = Math.max(Math.max(need, 256), edgeUser.length * 2);
            edgeUser = Arrays.copyOf(edgeUser, size);
            edgeSegment = Arrays.copyOf(edgeSegment, size);
            edgePosition = Arrays.copyOf(edgePosition, size);
            edgeTweet = new long[size];
            edgeTime = new long[size];
            edgeAuthor = new long[size];
            edgeType = new byte[size];
        }
        for (int i = 0; i < slices; i++) {
            int s = sliceSegment[i];
            for (int p = sliceTo[i] - 1, end = sliceFrom[i]; p >= end; p--) {
                edgeUser[at] = index;
                edgeSegment[at] = s;
                edgePosition[at] = p;
                at++;
            }
        }
        return at;
    }

    /** Reads the {@code n} gathered edges in passes (see {@link #recentEngagements}) and visits them in order. */
    private int visitGathered(int n, int typeMask, BatchVisitor visitor) {
        for (int k = 0; k < n; k++) {
            Segment seg = segments[edgeSegment[k]];
            int p = edgePosition[k];
            edgeType[k] = seg.userType[p];
            edgeTweet[k] = seg.userTweetId[p];
            edgeAuthor[k] = seg.authorAt(p);
            edgeTime[k] = seg.base + seg.userTime[p];
        }
        int visited = 0;
        for (int k = 0; k < n; k++) {
            int type = edgeType[k];
            if ((typeMask & (1 << type)) == 0) {
                continue;
            }
            Segment seg = segments[edgeSegment[k]];
            if (seg.deletedCount() != 0 && Bits.get(seg.userDeleted, edgePosition[k])) {
                continue;
            }
            visitor.accept(edgeUser[k], edgeTweet[k], edgeAuthor[k], type, edgeTime[k]);
            visited++;
        }
        return visited;
    }

    /** Visits the current (user) node's engagements newest first; see {@link #recentEngagements}. */
    private int mergeNewest(int index, int max, int typeMask, BatchVisitor visitor) {
        for (int i = 0; i < slices; i++) {
            pos[i] = sliceTo[i] - 1;
        }
        int visited = 0;
        while (visited < max) {
            int best = -1;
            long bestTime = Long.MIN_VALUE;
            for (int i = 0; i < slices; i++) {
                if (pos[i] >= sliceFrom[i]) {
                    Segment seg = segments[sliceSegment[i]];
                    long t = seg.base + seg.userTime[pos[i]];
                    if (best < 0 || t > bestTime) {
                        best = i;
                        bestTime = t;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            Segment seg = segments[sliceSegment[best]];
            int p = pos[best]--;
            int type = seg.userType[p];
            if ((typeMask & (1 << type)) == 0 || (seg.deletedCount() != 0 && Bits.get(seg.userDeleted, p))) {
                continue;
            }
            visitor.accept(index, seg.userTweetId[p], seg.authorAt(p), type, bestTime);
            visited++;
        }
        return visited;
    }

    /** Visits a tweet's engagers in the window (not deleted), segment by segment, newest segment first. */
    public void engagers(long tweetId, EngagerVisitor visitor) {
        for (Segment seg : segments) {
            int row = seg.tweetRow(tweetId);
            if (row < 0) {
                continue;
            }
            for (int q = seg.tweetStart[row + 1] - 1, from = seg.tweetFrom(row, cutoff); q >= from; q--) {
                if (!Bits.get(seg.tweetDeleted, q) && !visitor.accept(seg.tweetUser[q], seg.base + seg.tweetTime[q])) {
                    return;
                }
            }
        }
    }

    /** The author of a tweet as stored with its engagements, or {@link EdgeBuffer#UNKNOWN_AUTHOR}. O(segments). */
    public long authorOf(long tweetId) {
        for (Segment seg : segments) {
            int row = seg.tweetRow(tweetId);
            if (row >= 0 && seg.tweetAuthor[row] != EdgeBuffer.UNKNOWN_AUTHOR) {
                return seg.tweetAuthor[row];
            }
        }
        return EdgeBuffer.UNKNOWN_AUTHOR;
    }
}
