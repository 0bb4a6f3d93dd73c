package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;
import java.util.List;

/**
 * One immutable piece of the bipartite engagement graph: the edges of one time bucket that were
 * flushed (or merged) together, in compressed sparse rows on both sides.
 *
 * <p>User side: for each user row, its edges sorted by time (oldest first): tweet row, time
 * (milliseconds after {@link #base}) and type code. Tweet side: for each tweet row, its engagers
 * (user rows) and times, also oldest first. Sorted rows let a reader skip the part of a row that
 * fell out of the window with a binary search, and read "most recent first" from the row's end.
 *
 * <p>Both sides store the other end's id itself (a long) next to each edge, so a random-walk step
 * reads one array slot, one cache miss, instead of a row number and then the id in the other
 * side's dictionary (two dependent misses). The user side keeps the tweet's row too, for the
 * author and for deletions; the history also keeps the author itself ({@link #userAuthor}).
 *
 * <p>Memory per edge: 17 bytes on the user side (tweet id, tweet row, time, type), 8 more in the
 * history (author), 13 on the tweet side (user id, time, type), 2 bits of deletion flags; per user
 * row 4 bytes of offsets plus its {@link LongIdIndex} entry (16 to 24 bytes); per tweet row the
 * same plus 8 bytes of author id. The history (see {@link EngagementGraph}) also keeps 8 bytes per
 * user of the follow base it was last indexed by ({@link #slicesFor}).
 * {@link #bytes()} adds it up.
 *
 * <p>Thread-safety: the arrays are filled before the segment is published and never change,
 * except the deletion bit sets, which only the single writer sets (0 to 1); a reader sees a
 * deletion after the next publication, or earlier by chance, never a torn value. A fold reads its
 * inputs on another thread with their deletion flags as they were when it started
 * ({@link #deletedSnapshot}). The one mutable field, the {@link #slicesFor} cache, is volatile and
 * holds an immutable value; two threads may compute it at once, harmlessly.
 */
public final class Segment {
    /** Time origin of the segment: edge times are stored as milliseconds after it. */
    final long base;

    final long minTime;
    final long maxTime;
    final int edgeCount;

    final LongIdIndex users;
    final int[] userStart;
    /** Row of the tweet of each user-side edge (for its author and for deletions). */
    final int[] userTweet;
    /** Id of the tweet of each user-side edge: what a walk step reads. */
    final long[] userTweetId;

    /**
     * Author of the tweet of each user-side edge (the tweet row's author, copied), in the history
     * only ({@link #usersById}; null elsewhere): reading a user's engagements with their authors
     * then costs no second, dependent read per edge. The small segments that ingest merges again
     * and again do without it (copying it cost ingest a fifth of its speed). See {@link #authorAt}.
     */
    final long[] userAuthor;

    final int[] userTime;
    final byte[] userType;
    final int[] userDeleted;

    final LongIdIndex tweets;
    final long[] tweetAuthor;
    final int[] tweetStart;
    /** Id of the user of each tweet-side edge. */
    final long[] tweetUser;

    final int[] tweetTime;
    final byte[] tweetType;
    final int[] tweetDeleted;

    /** Smallest and largest tweet id here: with time-ordered (Snowflake) ids, most lookups stop at this test. */
    final long minTweetId;

    final long maxTweetId;

    /** Shallow size of a segment object: 12-byte header, 5 longs, 2 ints, 14 compressed references, padding. */
    private static final long SHALLOW_BYTES = 120;

    /** Edges marked deleted; written by the writer only. */
    private int deletedCount;

    /** Whether the user rows are in ascending id order (see {@link #slicesFor}). */
    final boolean usersById;

    /** The last {@link #slicesFor} answer, for the follow base it was computed for. */
    private volatile FollowSlices followSlices;

    private record FollowSlices(FollowBase base, long[] slices) {}

    private Segment(
            long base,
            long minTime,
            long maxTime,
            LongIdIndex users,
            int[] userStart,
            int[] userTweet,
            long[] userTweetId,
            long[] userAuthor,
            int[] userTime,
            byte[] userType,
            LongIdIndex tweets,
            long[] tweetAuthor,
            int[] tweetStart,
            long[] tweetUser,
            int[] tweetTime,
            byte[] tweetType,
            boolean usersById) {
        this.base = base;
        this.usersById = usersById;
        this.minTime = minTime;
        this.maxTime = maxTime;
        this.edgeCount = userTweet.length;
        this.users = users;
        this.userStart = userStart;
        this.userTweet = userTweet;
        this.userTweetId = userTweetId;
        this.userAuthor = userAuthor;
        this.userTime = userTime;
        this.userType = userType;
        this.userDeleted = new int[(edgeCount + 31) >>> 5];
        this.tweets = tweets;
        this.tweetAuthor = tweetAuthor;
        this.tweetStart = tweetStart;
        this.tweetUser = tweetUser;
        this.tweetTime = tweetTime;
        this.tweetType = tweetType;
        this.tweetDeleted = new int[(edgeCount + 31) >>> 5];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int t = 0; t < tweets.size(); t++) {
            min = Math.min(min, tweets.id(t));
            max = Math.max(max, tweets.id(t));
        }
        this.minTweetId = min;
        this.maxTweetId = max;
    }

    /**
     * Builds a segment from the first {@code edges.size()} edges of a buffer. Every edge time must
     * lie in {@code [base, base + 2^31)} milliseconds. O(n log n) for the sort by time.
     */
    public static Segment build(EdgeBuffer edges, long base) {
        // Without better bounds: sized for up to a million rows, grown past that.
        int guess = Math.min(edges.size(), 1 << 20);
        return build(edges, base, guess, guess);
    }

    /**
     * As {@link #build(EdgeBuffer, long)}, with upper bounds of the distinct users and tweets (a
     * merge knows them from its parts): the row dictionaries are sized once instead of growing,
     * which saves about an eighth of the ingest time.
     */
    public static Segment build(EdgeBuffer edges, long base, int maxUsers, int maxTweets) {
        return build(edges, base, maxUsers, maxTweets, false);
    }

    /**
     * As {@link #build(EdgeBuffer, long, int, int)}; with {@code usersById}, the user rows are in
     * ascending id order instead of order of first appearance (see {@link #slicesFor}).
     */
    static Segment build(EdgeBuffer edges, long base, int maxUsers, int maxTweets, boolean usersById) {
        int n = edges.size();
        if (n == 0) {
            throw new IllegalArgumentException("a segment needs at least one edge");
        }
        // Sort by (time, arrival): packed in one long so a primitive sort does it.
        long[] order = new long[n];
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long offset = edges.time[i] - base;
            if (offset < 0 || offset > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("edge time " + edges.time[i] + " is outside the segment at " + base);
            }
            order[i] = (offset << 32) | i;
            minTime = Math.min(minTime, edges.time[i]);
            maxTime = Math.max(maxTime, edges.time[i]);
        }
        LongArrays.radixSort(order);

        Long2IntOpenHashMap userRows = new Long2IntOpenHashMap(Math.max(16, Math.min(n, maxUsers)));
        userRows.defaultReturnValue(-1);
        Long2IntOpenHashMap tweetRows = new Long2IntOpenHashMap(Math.max(16, Math.min(n, maxTweets)));
        tweetRows.defaultReturnValue(-1);
        LongArrayList userIds = new LongArrayList(Math.max(16, Math.min(n, maxUsers)));
        LongArrayList tweetIds = new LongArrayList(Math.max(16, Math.min(n, maxTweets)));
        LongArrayList authors = new LongArrayList(Math.max(16, Math.min(n, maxTweets)));
        int[] edgeUser = new int[n];
        int[] edgeTweet = new int[n];
        for (int k = 0; k < n; k++) {
            int i = (int) order[k];
            int u = userRows.putIfAbsent(edges.user[i], userIds.size());
            if (u < 0) {
                u = userIds.size();
                userIds.add(edges.user[i]);
            }
            int t = tweetRows.putIfAbsent(edges.tweet[i], tweetIds.size());
            if (t < 0) {
                t = tweetIds.size();
                tweetIds.add(edges.tweet[i]);
                authors.add(edges.author[i]);
            } else if (authors.getLong(t) == EdgeBuffer.UNKNOWN_AUTHOR) {
                authors.set(t, edges.author[i]);
            }
            edgeUser[k] = u;
            edgeTweet[k] = t;
        }
        userRows = null;
        tweetRows = null;
        return assemble(
                base,
                minTime,
                maxTime,
                order,
                n,
                edgeUser,
                edgeTweet,
                edges.type,
                userIds.toLongArray(),
                tweetIds.toLongArray(),
                authors.toLongArray(),
                usersById);
    }

    /**
     * The live edges (not deleted, at or after {@code cutoff}) of {@code parts} as one segment:
     * the same segment as {@link #build} of their edges dumped part by part, user row by user row,
     * but without hashing every edge's ids. The part with the most users (tweets) lends its rows
     * as numbers for the merged dictionary; only the other parts' ids are looked up in it, and only
     * those it lacks are hashed: for the usual merge of a large segment with a small one, that is
     * the small one's ids instead of every edge. Edge times are rebased on {@code base}. Returns
     * null when no edge is live.
     */
    static Segment merge(List<Segment> parts, long base, long cutoff) {
        return merge(parts, base, cutoff, false, null);
    }

    /**
     * As {@link #merge(List, long, long)}; {@code usersById} as in {@link #build(EdgeBuffer, long,
     * int, int, boolean)}. Each part's deleted edges are given by {@code deleted[part]} ({@link
     * #deletedSnapshot}; null: none deleted) instead of its flags, or by its flags when {@code
     * deleted} is null: a merge on another thread than the writer's sees one fixed state.
     */
    static Segment merge(List<Segment> parts, long base, long cutoff, boolean usersById, int[][] deleted) {
        int np = parts.size();
        int total = 0;
        int du = 0;
        int dt = 0;
        for (int p = 0; p < np; p++) {
            total += parts.get(p).edgeCount;
            if (parts.get(p).users.size() > parts.get(du).users.size()) {
                du = p;
            }
            if (parts.get(p).tweets.size() > parts.get(dt).tweets.size()) {
                dt = p;
            }
        }
        Dictionary users = new Dictionary(parts.get(du).users);
        Dictionary tweets = new Dictionary(parts.get(dt).tweets);
        int[][] userNumber = new int[np][];
        int[][] tweetNumber = new int[np][];
        for (int p = 0; p < np; p++) {
            Segment seg = parts.get(p);
            userNumber[p] = p == du ? null : users.numbers(seg.users);
            tweetNumber[p] = p == dt ? null : tweets.numbers(seg.tweets);
        }

        // The live edges in dump order, with their merged numbers, sorted by (time, position).
        int[] numberUser = new int[total];
        int[] numberTweet = new int[total];
        byte[] type = new byte[total];
        long[] author = new long[total];
        long[] order = new long[total];
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        int n = 0;
        for (int p = 0; p < np; p++) {
            Segment seg = parts.get(p);
            int[] un = userNumber[p];
            int[] tn = tweetNumber[p];
            int[] gone = deleted == null ? seg.userDeleted : deleted[p];
            for (int u = 0; u < seg.users.size(); u++) {
                if (deleted != null
                        && (u & 0xFFFF) == 0
                        && Thread.currentThread().isInterrupted()) {
                    // A fold beside the writer, stopped as the graph closes.
                    throw new java.util.concurrent.CancellationException("the merge was interrupted");
                }
                int nu = un == null ? u : un[u];
                for (int q = seg.userFrom(u, cutoff), end = seg.userStart[u + 1]; q < end; q++) {
                    if (gone != null && Bits.get(gone, q)) {
                        continue;
                    }
                    long time = seg.base + seg.userTime[q];
                    long offset = time - base;
                    if (offset < 0 || offset > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("edge time " + time + " is outside the segment at " + base);
                    }
                    int t = seg.userTweet[q];
                    numberUser[n] = nu;
                    numberTweet[n] = tn == null ? t : tn[t];
                    type[n] = seg.userType[q];
                    author[n] = seg.tweetAuthor[t];
                    order[n] = (offset << 32) | n;
                    minTime = Math.min(minTime, time);
                    maxTime = Math.max(maxTime, time);
                    n++;
                }
            }
        }
        if (n == 0) {
            return null;
        }
        LongArrays.radixSort(order, 0, n);

        // Rows in order of first appearance in time, as build() gives them.
        int[] userRow = new int[users.size()];
        int[] tweetRow = new int[tweets.size()];
        Arrays.fill(userRow, -1);
        Arrays.fill(tweetRow, -1);
        long[] userIds = new long[Math.min(n, users.size())];
        long[] tweetIds = new long[Math.min(n, tweets.size())];
        long[] authors = new long[tweetIds.length];
        int rowsU = 0;
        int rowsT = 0;
        int[] edgeUser = new int[n];
        int[] edgeTweet = new int[n];
        for (int k = 0; k < n; k++) {
            int i = (int) order[k];
            int nu = numberUser[i];
            int u = userRow[nu];
            if (u < 0) {
                u = rowsU++;
                userRow[nu] = u;
                userIds[u] = users.id(nu);
            }
            int nt = numberTweet[i];
            int t = tweetRow[nt];
            if (t < 0) {
                t = rowsT++;
                tweetRow[nt] = t;
                tweetIds[t] = tweets.id(nt);
                authors[t] = author[i];
            } else if (authors[t] == EdgeBuffer.UNKNOWN_AUTHOR) {
                authors[t] = author[i];
            }
            edgeUser[k] = u;
            edgeTweet[k] = t;
        }
        return assemble(
                base,
                minTime,
                maxTime,
                order,
                n,
                edgeUser,
                edgeTweet,
                type,
                Arrays.copyOf(userIds, rowsU),
                Arrays.copyOf(tweetIds, rowsT),
                Arrays.copyOf(authors, rowsT),
                usersById);
    }

    /**
     * Numbers for the ids of several dictionaries: those of one dictionary keep its rows, the
     * others follow in order of first lookup. Used by one merge, then dropped.
     */
    private static final class Dictionary {
        private final LongIdIndex main;
        private final Long2IntOpenHashMap extra = new Long2IntOpenHashMap();
        private final LongArrayList extraIds = new LongArrayList();

        Dictionary(LongIdIndex main) {
            this.main = main;
            extra.defaultReturnValue(-1);
        }

        /** The number of every row of {@code index}. */
        int[] numbers(LongIdIndex index) {
            int[] out = new int[index.size()];
            for (int r = 0; r < out.length; r++) {
                long id = index.id(r);
                int n = main.row(id);
                if (n < 0) {
                    n = extra.putIfAbsent(id, extraIds.size());
                    if (n < 0) {
                        n = extraIds.size();
                        extraIds.add(id);
                    }
                    n += main.size();
                }
                out[r] = n;
            }
            return out;
        }

        long id(int number) {
            return number < main.size() ? main.id(number) : extraIds.getLong(number - main.size());
        }

        int size() {
            return main.size() + extraIds.size();
        }
    }

    /**
     * The compressed rows from edges sorted by time: {@code order[k]} packs the k-th edge's time
     * offset (high 32 bits) and its index {@code i} (low 32 bits) into {@code typeOf}; its user and
     * tweet rows are {@code edgeUser[k]} and {@code edgeTweet[k]}.
     */
    private static Segment assemble(
            long base,
            long minTime,
            long maxTime,
            long[] order,
            int n,
            int[] edgeUser,
            int[] edgeTweet,
            byte[] typeOf,
            long[] userIds,
            long[] tweetIds,
            long[] authors,
            boolean usersById) {
        if (usersById) {
            userIds = sortUsersById(edgeUser, n, userIds);
        }
        int users = userIds.length;
        int tweets = tweetIds.length;
        int[] userStart = new int[users + 1];
        int[] tweetStart = new int[tweets + 1];
        for (int k = 0; k < n; k++) {
            userStart[edgeUser[k] + 1]++;
            tweetStart[edgeTweet[k] + 1]++;
        }
        for (int r = 0; r < users; r++) {
            userStart[r + 1] += userStart[r];
        }
        for (int r = 0; r < tweets; r++) {
            tweetStart[r + 1] += tweetStart[r];
        }
        int[] userFill = Arrays.copyOf(userStart, users);
        int[] tweetFill = Arrays.copyOf(tweetStart, tweets);
        int[] userTweet = new int[n];
        long[] userTweetId = new long[n];
        long[] userAuthor = usersById ? new long[n] : null;
        int[] userTime = new int[n];
        byte[] userType = new byte[n];
        long[] tweetUser = new long[n];
        int[] tweetTime = new int[n];
        byte[] tweetType = new byte[n];
        // Visiting edges in time order keeps every row sorted by time.
        for (int k = 0; k < n; k++) {
            int i = (int) order[k];
            int offset = (int) (order[k] >>> 32);
            byte type = typeOf[i];
            int u = edgeUser[k];
            int t = edgeTweet[k];
            int p = userFill[u]++;
            userTweet[p] = t;
            userTweetId[p] = tweetIds[t];
            if (userAuthor != null) {
                userAuthor[p] = authors[t];
            }
            userTime[p] = offset;
            userType[p] = type;
            int q = tweetFill[t]++;
            tweetUser[q] = userIds[u];
            tweetTime[q] = offset;
            tweetType[q] = type;
        }
        return new Segment(
                base,
                minTime,
                maxTime,
                new LongIdIndex(userIds),
                userStart,
                userTweet,
                userTweetId,
                userAuthor,
                userTime,
                userType,
                new LongIdIndex(tweetIds),
                authors,
                tweetStart,
                tweetUser,
                tweetTime,
                tweetType,
                usersById);
    }

    /**
     * Renumbers the user rows in ascending id order: rewrites {@code edgeUser[0..n)} and returns
     * the ids in their new row order. O(users + n).
     */
    private static long[] sortUsersById(int[] edgeUser, int n, long[] userIds) {
        int users = userIds.length;
        long[] sorted = userIds.clone();
        long[] oldRow = new long[users];
        for (int r = 0; r < users; r++) {
            oldRow[r] = r;
        }
        LongArrays.radixSort(sorted, oldRow);
        int[] newRow = new int[users];
        for (int r = 0; r < users; r++) {
            newRow[(int) oldRow[r]] = r;
        }
        for (int k = 0; k < n; k++) {
            edgeUser[k] = newRow[edgeUser[k]];
        }
        return sorted;
    }

    /**
     * Where the edges of each user of a follow base are in this segment, by the base's rows:
     * {@code slices[row]} packs the user's first position here (high 32 bits) and the end of its
     * row (low 32 bits), 0 when the user has no edge here. Positions are those of the user side,
     * oldest first, before trimming to the window. Counting reads a followee's edges through it
     * without looking the followee up in this segment: the follow set gives the base rows.
     *
     * <p>Only for a segment whose user rows are in id order (the graph's history, see {@link
     * EngagementGraph}); null for any other. Computed on first use for a base, by one pass over
     * both sorted id lists (O(base users + users here), a few milliseconds for a million users),
     * and kept until a call names another base. Any thread: two that race both compute it, and
     * either answer is right.
     */
    long[] slicesFor(FollowBase followBase) {
        if (!usersById) {
            return null;
        }
        FollowSlices cached = followSlices;
        if (cached != null && cached.base() == followBase) {
            return cached.slices();
        }
        LongIdIndex baseUsers = followBase.users;
        int nb = baseUsers.size();
        int nu = users.size();
        long[] slices = new long[nb];
        int u = 0;
        for (int b = 0; b < nb && u < nu; b++) {
            long id = baseUsers.id(b);
            while (u < nu && users.id(u) < id) {
                u++;
            }
            if (u < nu && users.id(u) == id) {
                slices[b] = ((long) userStart[u] << 32) | userStart[u + 1];
                u++;
            }
        }
        followSlices = new FollowSlices(followBase, slices);
        return slices;
    }

    /** Number of live edges (not deleted, at or after {@code cutoff}). O(users + edges) when cutoff cuts. */
    int liveEdges(long cutoff) {
        if (cutoff <= minTime) {
            return edgeCount - deletedCount;
        }
        int live = 0;
        for (int u = 0; u < users.size(); u++) {
            for (int p = userFrom(u, cutoff), end = userStart[u + 1]; p < end; p++) {
                if (!Bits.get(userDeleted, p)) {
                    live++;
                }
            }
        }
        return live;
    }

    /** First position of a user row whose edge time is at or after {@code cutoff}. */
    int userFrom(int row, long cutoff) {
        int from = userStart[row];
        if (cutoff <= minTime) {
            return from;
        }
        return lowerBound(userTime, from, userStart[row + 1], cutoff - base);
    }

    /**
     * As {@link #userFrom(int, long)} for a user row whose bounds {@code [from, to)} were read
     * already: the first of those positions whose edge time is at or after {@code cutoff}.
     */
    int userFrom(int from, int to, long cutoff) {
        return cutoff <= minTime || from >= to ? from : lowerBound(userTime, from, to, cutoff - base);
    }

    /** Row of a tweet, or -1; the id range is tested first. */
    int tweetRow(long tweetId) {
        return tweetId < minTweetId || tweetId > maxTweetId ? -1 : tweets.row(tweetId);
    }

    /** First position of a tweet row whose edge time is at or after {@code cutoff}. */
    int tweetFrom(int row, long cutoff) {
        return tweetFrom(tweetStart[row], tweetStart[row + 1], cutoff);
    }

    /** As {@link #userFrom(int, int, long)}, for a tweet row. */
    int tweetFrom(int from, int to, long cutoff) {
        return cutoff <= minTime || from >= to ? from : lowerBound(tweetTime, from, to, cutoff - base);
    }

    /** Whether some of this segment's edges are older than {@code cutoff}: its rows then need trimming. */
    boolean straddles(long cutoff) {
        return cutoff > minTime;
    }

    private static int lowerBound(int[] times, int from, int to, long offset) {
        if (offset > Integer.MAX_VALUE) {
            return to;
        }
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Marks the newest live edge (user, tweet, type) deleted on both sides; {@code time} must match
     * unless it is {@link Long#MIN_VALUE}. Writer only. O(degree of the user and of the tweet).
     */
    boolean delete(long userId, long tweetId, int type, long time) {
        return deleteAt(find(userId, tweetId, type, time), userId);
    }

    /**
     * As {@link #delete}, returning the time of the edge deleted, or {@link Long#MIN_VALUE} when
     * none matched.
     */
    long deleteTimed(long userId, long tweetId, int type, long time) {
        int p = find(userId, tweetId, type, time);
        return deleteAt(p, userId) ? base + userTime[p] : Long.MIN_VALUE;
    }

    /** Marks the user-side edge at {@code p} (of {@code userId}) deleted on both sides; false when {@code p < 0}. */
    private boolean deleteAt(int p, long userId) {
        if (p < 0) {
            return false;
        }
        int t = userTweet[p];
        int offset = userTime[p];
        for (int q = tweetStart[t + 1] - 1; q >= tweetStart[t]; q--) {
            if (tweetUser[q] == userId && tweetTime[q] == offset && !Bits.get(tweetDeleted, q)) {
                Bits.set(tweetDeleted, q);
                break;
            }
        }
        Bits.set(userDeleted, p);
        deletedCount++;
        return true;
    }

    /** The author of the tweet of the user-side edge at {@code p}. */
    long authorAt(int p) {
        return userAuthor != null ? userAuthor[p] : tweetAuthor[userTweet[p]];
    }

    /** A copy of the user-side deletion flags as they are now, for a merge that runs beside the writer. */
    int[] deletedSnapshot() {
        return userDeleted.clone();
    }

    /** Whether a live edge (user, tweet, type, time) is stored here; {@code time} as in {@link #delete}. */
    boolean contains(long userId, long tweetId, int type, long time) {
        return find(userId, tweetId, type, time) >= 0;
    }

    private int find(long userId, long tweetId, int type, long time) {
        int u = users.row(userId);
        int t = tweetRow(tweetId);
        if (u < 0 || t < 0) {
            return -1;
        }
        for (int p = userStart[u + 1] - 1; p >= userStart[u]; p--) {
            if (userTweet[p] == t
                    && userType[p] == type
                    && (time == Long.MIN_VALUE || base + userTime[p] == time)
                    && !Bits.get(userDeleted, p)) {
                return p;
            }
        }
        return -1;
    }

    int deletedCount() {
        return deletedCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    public int userCount() {
        return users.size();
    }

    public int tweetCount() {
        return tweets.size();
    }

    public long minTime() {
        return minTime;
    }

    public long maxTime() {
        return maxTime;
    }

    /** Bytes held by this segment (arrays and object headers). */
    public long bytes() {
        return SHALLOW_BYTES
                + users.bytes()
                + Memory.array(userStart.length, 4)
                + Memory.array(userTweet.length, 4)
                + Memory.array(userTweetId.length, 8)
                + (userAuthor == null ? 0 : Memory.array(userAuthor.length, 8))
                + Memory.array(userTime.length, 4)
                + Memory.array(userType.length, 1)
                + Memory.array(userDeleted.length, 4)
                + tweets.bytes()
                + Memory.array(tweetAuthor.length, 8)
                + Memory.array(tweetStart.length, 4)
                + Memory.array(tweetUser.length, 8)
                + Memory.array(tweetTime.length, 4)
                + Memory.array(tweetType.length, 1)
                + Memory.array(tweetDeleted.length, 4)
                + slicesBytes();
    }

    /** Whether a {@link #slicesFor} answer for {@code followBase} is kept (computed by an earlier call). */
    boolean slicesKeptFor(FollowBase followBase) {
        FollowSlices cached = followSlices;
        return cached != null && cached.base() == followBase;
    }

    /** Bytes of the kept {@link #slicesFor} answer, if any. */
    private long slicesBytes() {
        FollowSlices cached = followSlices;
        return cached == null ? 0 : Memory.array(cached.slices().length, 8) + 16;
    }
}
