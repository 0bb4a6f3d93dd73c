package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;

/**
 * An immutable view of the follow graph as of one publication. Adjacency comes from the overlay
 * when the user changed since the base was built, else from the base; either way it is sorted by
 * id. Any number of concurrent readers; O(1) lookups, "a follows b" is a binary search.
 */
public final class FollowSnapshot {
    private final FollowBase base;
    private final Long2ObjectOpenHashMap<long[]> overlayOut;
    private final Long2ObjectOpenHashMap<long[]> overlayIn;
    private final long edges;
    private final long rebuilds;

    FollowSnapshot(
            FollowBase base,
            Long2ObjectOpenHashMap<long[]> overlayOut,
            Long2ObjectOpenHashMap<long[]> overlayIn,
            long edges,
            long rebuilds) {
        this.base = base;
        this.overlayOut = overlayOut;
        this.overlayIn = overlayIn;
        this.edges = edges;
        this.rebuilds = rebuilds;
    }

    /** The accounts {@code user} follows, loaded into {@code into} (which is returned). */
    public Neighbours followees(long user, Neighbours into) {
        return load(user, overlayOut, base.outStart, base.outTarget, into);
    }

    /** The accounts that follow {@code user}, loaded into {@code into} (which is returned). */
    public Neighbours followers(long user, Neighbours into) {
        return load(user, overlayIn, base.inStart, base.inTarget, into);
    }

    private Neighbours load(
            long user, Long2ObjectOpenHashMap<long[]> overlay, int[] start, int[] target, Neighbours into) {
        long[] changed = overlay.get(user);
        if (changed != null) {
            into.direct(changed);
            return into;
        }
        int row = base.users.row(user);
        if (row < 0) {
            into.direct(Neighbours.NO_IDS);
        } else {
            into.rows(base.users, target, start[row], start[row + 1] - start[row]);
        }
        return into;
    }

    /** Whether {@code user} follows at least one account. O(1). */
    public boolean followsAnyone(long user) {
        long[] changed = overlayOut.get(user);
        if (changed != null) {
            return changed.length > 0;
        }
        int row = base.users.row(user);
        return row >= 0 && base.outStart[row + 1] > base.outStart[row];
    }

    /** Copy of the accounts {@code user} follows, sorted. */
    public long[] followeeIds(long user) {
        return followees(user, new Neighbours()).toArray();
    }

    /** Copy of the accounts following {@code user}, sorted. */
    public long[] followerIds(long user) {
        return followers(user, new Neighbours()).toArray();
    }

    /** Whether {@code follower} follows {@code followee}. O(log degree). */
    public boolean follows(long follower, long followee) {
        long[] changed = overlayOut.get(follower);
        if (changed != null) {
            return Arrays.binarySearch(changed, followee) >= 0;
        }
        int a = base.users.row(follower);
        int b = base.users.row(followee);
        return a >= 0 && b >= 0 && Arrays.binarySearch(base.outTarget, base.outStart[a], base.outStart[a + 1], b) >= 0;
    }

    /** The base the adjacency comes from where a user's follows did not change since it was built. */
    FollowBase base() {
        return base;
    }

    public long edgeCount() {
        return edges;
    }

    public int baseUsers() {
        return base.users.size();
    }

    public int overlayUsers() {
        return overlayOut.size() + overlayIn.size();
    }

    public long rebuilds() {
        return rebuilds;
    }

    /** Bytes of the base plus an estimate for the overlay (its arrays and about 32 bytes per entry). */
    public long bytes() {
        long n = base.bytes();
        for (long[] a : overlayOut.values()) {
            n += Memory.array(a.length, 8) + 32;
        }
        for (long[] a : overlayIn.values()) {
            n += Memory.array(a.length, 8) + 32;
        }
        return n;
    }
}
