package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;

/**
 * The live follow graph: an immutable {@link FollowBase} plus an overlay holding the complete,
 * current adjacency of every user whose follows changed since the base was built. Readers take a
 * {@link FollowSnapshot} (a volatile read) and never lock.
 *
 * <p>Writes ({@link #add}, {@link #remove}: O(1) expected) change the writer's working sets;
 * {@link #publish} copies the adjacency of users changed since the last publication into a new
 * overlay (O(overlay users + their degrees)) and publishes it. When the overlay holds more than
 * an eighth of the base's users (at least 50,000), the base is rebuilt from base and overlay
 * (O(edges log edges)) and the overlay starts empty again.
 *
 * <p>Edges are a set: a second follow of the same pair changes nothing, one removal removes it.
 * One writer (every method but {@link #snapshot()}), any number of readers.
 */
public final class FollowGraph {
    private static final int MIN_REBUILD_USERS = 50_000;

    private FollowBase base = FollowBase.EMPTY;
    private final Long2ObjectOpenHashMap<LongOpenHashSet> outWork = new Long2ObjectOpenHashMap<>();
    private final Long2ObjectOpenHashMap<LongOpenHashSet> inWork = new Long2ObjectOpenHashMap<>();
    private final LongOpenHashSet dirtyOut = new LongOpenHashSet();
    private final LongOpenHashSet dirtyIn = new LongOpenHashSet();
    private Long2ObjectOpenHashMap<long[]> overlayOut = new Long2ObjectOpenHashMap<>();
    private Long2ObjectOpenHashMap<long[]> overlayIn = new Long2ObjectOpenHashMap<>();
    private long edges;
    private long rebuilds;

    private volatile FollowSnapshot snapshot = new FollowSnapshot(FollowBase.EMPTY, overlayOut, overlayIn, 0, 0);

    /** The published view; any thread, lock-free. */
    public FollowSnapshot snapshot() {
        return snapshot;
    }

    /** Replaces the whole graph with these pairs (a load); publishes. O(n log n). */
    public void load(long[] followers, long[] followees, int n) {
        base = FollowBase.build(followers, followees, n);
        outWork.clear();
        inWork.clear();
        dirtyOut.clear();
        dirtyIn.clear();
        overlayOut = new Long2ObjectOpenHashMap<>();
        overlayIn = new Long2ObjectOpenHashMap<>();
        edges = base.edgeCount();
        snapshot = new FollowSnapshot(base, overlayOut, overlayIn, edges, rebuilds);
    }

    /** Adds "follower follows followee"; returns false when it was there already. */
    public boolean add(long follower, long followee) {
        if (!working(outWork, base.outStart, base.outTarget, follower).add(followee)) {
            return false;
        }
        working(inWork, base.inStart, base.inTarget, followee).add(follower);
        dirtyOut.add(follower);
        dirtyIn.add(followee);
        edges++;
        return true;
    }

    /** Removes "follower follows followee"; returns false when it was not there. */
    public boolean remove(long follower, long followee) {
        if (!working(outWork, base.outStart, base.outTarget, follower).remove(followee)) {
            return false;
        }
        working(inWork, base.inStart, base.inTarget, followee).remove(follower);
        dirtyOut.add(follower);
        dirtyIn.add(followee);
        edges--;
        return true;
    }

    /** The full current adjacency of a user, copied from the base the first time the user changes. */
    private LongOpenHashSet working(
            Long2ObjectOpenHashMap<LongOpenHashSet> work, int[] start, int[] target, long user) {
        LongOpenHashSet set = work.get(user);
        if (set == null) {
            set = new LongOpenHashSet();
            int row = base.users.row(user);
            if (row >= 0) {
                for (int p = start[row]; p < start[row + 1]; p++) {
                    set.add(base.users.id(target[p]));
                }
            }
            work.put(user, set);
        }
        return set;
    }

    /** Makes every change visible (see the class comment for costs). */
    public void publish() {
        if (dirtyOut.isEmpty() && dirtyIn.isEmpty()) {
            return;
        }
        if (outWork.size() + inWork.size() > Math.max(MIN_REBUILD_USERS, base.users.size() / 8)) {
            rebuild();
        } else {
            overlayOut = overlay(overlayOut, outWork, dirtyOut);
            overlayIn = overlay(overlayIn, inWork, dirtyIn);
        }
        dirtyOut.clear();
        dirtyIn.clear();
        snapshot = new FollowSnapshot(base, overlayOut, overlayIn, edges, rebuilds);
    }

    private static Long2ObjectOpenHashMap<long[]> overlay(
            Long2ObjectOpenHashMap<long[]> previous,
            Long2ObjectOpenHashMap<LongOpenHashSet> work,
            LongOpenHashSet dirty) {
        return Overlays.republish(previous, dirty, user -> {
            long[] adjacency = work.get(user).toLongArray();
            Arrays.sort(adjacency);
            return adjacency;
        });
    }

    private void rebuild() {
        long[] from = new long[(int) Math.min(Integer.MAX_VALUE - 8, edges)];
        long[] to = new long[from.length];
        int n = 0;
        for (int row = 0; row < base.users.size(); row++) {
            long user = base.users.id(row);
            if (outWork.containsKey(user)) {
                continue;
            }
            for (int p = base.outStart[row]; p < base.outStart[row + 1]; p++) {
                from[n] = user;
                to[n++] = base.users.id(base.outTarget[p]);
            }
        }
        for (var e : outWork.long2ObjectEntrySet()) {
            var it = e.getValue().iterator();
            while (it.hasNext()) {
                from[n] = e.getLongKey();
                to[n++] = it.nextLong();
            }
        }
        base = FollowBase.build(from, to, n);
        outWork.clear();
        inWork.clear();
        overlayOut = new Long2ObjectOpenHashMap<>();
        overlayIn = new Long2ObjectOpenHashMap<>();
        rebuilds++;
    }
}
