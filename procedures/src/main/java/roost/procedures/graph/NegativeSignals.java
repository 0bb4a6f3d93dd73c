package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;

/**
 * The live negative signals: for each user, the authors hidden from them (accounts they blocked,
 * muted, reported or marked not interested, and accounts that blocked them) and the tweets they
 * reported or marked not interested. What {@link roost.procedures.viewer.ViewerLoader} would read
 * from the user's relationships, without touching the store.
 *
 * <p>Layout: an immutable base map (user to sorted ids) plus an overlay holding the complete,
 * current lists of users whose signals changed since the base was built; the overlay is folded
 * into a new base once it holds more than an eighth of the base's users (at least 1,024). Each
 * relationship counts once: a target stays hidden while any relationship hides it.
 *
 * <p>One writer (every method but {@link #snapshot()}), any number of readers; readers take a
 * {@link Snapshot} with a volatile read and never lock.
 */
public final class NegativeSignals {
    private static final int MIN_FOLD_USERS = 1_024;

    /** An immutable view of the signals as of one publication. */
    public static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(
                new Long2ObjectOpenHashMap<>(),
                new Long2ObjectOpenHashMap<>(),
                new Long2ObjectOpenHashMap<>(),
                new Long2ObjectOpenHashMap<>(),
                0);

        private final Long2ObjectOpenHashMap<long[]> baseAuthors;
        private final Long2ObjectOpenHashMap<long[]> baseTweets;
        private final Long2ObjectOpenHashMap<long[]> overlayAuthors;
        private final Long2ObjectOpenHashMap<long[]> overlayTweets;
        private final long entries;

        Snapshot(
                Long2ObjectOpenHashMap<long[]> baseAuthors,
                Long2ObjectOpenHashMap<long[]> baseTweets,
                Long2ObjectOpenHashMap<long[]> overlayAuthors,
                Long2ObjectOpenHashMap<long[]> overlayTweets,
                long entries) {
            this.baseAuthors = baseAuthors;
            this.baseTweets = baseTweets;
            this.overlayAuthors = overlayAuthors;
            this.overlayTweets = overlayTweets;
            this.entries = entries;
        }

        /** Authors hidden from {@code user}, sorted; shared, do not modify. Empty when none. */
        public long[] hiddenAuthors(long user) {
            return lookup(overlayAuthors, baseAuthors, user);
        }

        /** Tweets hidden from {@code user}, sorted; shared, do not modify. Empty when none. */
        public long[] hiddenTweets(long user) {
            return lookup(overlayTweets, baseTweets, user);
        }

        /** (user, hidden id) pairs in all. */
        public long entries() {
            return entries;
        }

        private static long[] lookup(
                Long2ObjectOpenHashMap<long[]> overlay, Long2ObjectOpenHashMap<long[]> base, long user) {
            long[] ids = overlay.get(user);
            if (ids == null) {
                ids = base.get(user);
            }
            return ids == null ? Neighbours.NO_IDS : ids;
        }
    }

    // Writer state: for users changed since the base was built, hidden id -> relationships hiding it.
    private final Long2ObjectOpenHashMap<Long2IntOpenHashMap> authorWork = new Long2ObjectOpenHashMap<>();
    private final Long2ObjectOpenHashMap<Long2IntOpenHashMap> tweetWork = new Long2ObjectOpenHashMap<>();
    private final LongOpenHashSet dirtyAuthors = new LongOpenHashSet();
    private final LongOpenHashSet dirtyTweets = new LongOpenHashSet();
    private Long2ObjectOpenHashMap<long[]> baseAuthors = new Long2ObjectOpenHashMap<>();
    private Long2ObjectOpenHashMap<long[]> baseTweets = new Long2ObjectOpenHashMap<>();
    private Long2ObjectOpenHashMap<long[]> overlayAuthors = new Long2ObjectOpenHashMap<>();
    private Long2ObjectOpenHashMap<long[]> overlayTweets = new Long2ObjectOpenHashMap<>();
    private long entries;

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** The published view; any thread, lock-free. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Counts one more ({@code delta} 1) or one fewer ({@code delta} -1) relationship hiding
     * {@code target} from {@code user}; a count never goes below zero (a removal the signals never
     * saw changes nothing).
     *
     * @param tweet whether {@code target} is a tweet (else an account)
     */
    public void change(long user, long target, boolean tweet, int delta) {
        Long2IntOpenHashMap counts = working(tweet ? tweetWork : authorWork, tweet ? baseTweets : baseAuthors, user);
        int before = counts.get(target);
        int after = Math.max(0, before + delta);
        if (after == before) {
            return;
        }
        if (after == 0) {
            counts.remove(target);
            entries--;
        } else {
            if (before == 0) {
                entries++;
            }
            counts.put(target, after);
        }
        (tweet ? dirtyTweets : dirtyAuthors).add(user);
    }

    /** Whether {@code target} is hidden from {@code user} in the writer's current state. */
    public boolean hides(long user, long target, boolean tweet) {
        Long2IntOpenHashMap counts = (tweet ? tweetWork : authorWork).get(user);
        if (counts != null) {
            return counts.get(target) > 0;
        }
        long[] ids = (tweet ? baseTweets : baseAuthors).get(user);
        return ids != null && Arrays.binarySearch(ids, target) >= 0;
    }

    /** The full current counts of a user, taken from the base the first time the user changes. */
    private static Long2IntOpenHashMap working(
            Long2ObjectOpenHashMap<Long2IntOpenHashMap> work, Long2ObjectOpenHashMap<long[]> base, long user) {
        Long2IntOpenHashMap counts = work.get(user);
        if (counts == null) {
            counts = new Long2IntOpenHashMap();
            long[] ids = base.get(user);
            if (ids != null) {
                for (long id : ids) {
                    counts.addTo(id, 1);
                }
            }
            work.put(user, counts);
        }
        return counts;
    }

    /** Makes every change visible: O(overlay users) per publication, plus a fold now and then. */
    public void publish() {
        if (dirtyAuthors.isEmpty() && dirtyTweets.isEmpty()) {
            return;
        }
        if (authorWork.size() + tweetWork.size()
                > Math.max(MIN_FOLD_USERS, (baseAuthors.size() + baseTweets.size()) / 8)) {
            baseAuthors = fold(baseAuthors, authorWork);
            baseTweets = fold(baseTweets, tweetWork);
            authorWork.clear();
            tweetWork.clear();
            overlayAuthors = new Long2ObjectOpenHashMap<>();
            overlayTweets = new Long2ObjectOpenHashMap<>();
        } else {
            overlayAuthors = overlay(overlayAuthors, authorWork, dirtyAuthors);
            overlayTweets = overlay(overlayTweets, tweetWork, dirtyTweets);
        }
        dirtyAuthors.clear();
        dirtyTweets.clear();
        snapshot = new Snapshot(baseAuthors, baseTweets, overlayAuthors, overlayTweets, entries);
    }

    private static Long2ObjectOpenHashMap<long[]> overlay(
            Long2ObjectOpenHashMap<long[]> previous,
            Long2ObjectOpenHashMap<Long2IntOpenHashMap> work,
            LongOpenHashSet dirty) {
        return Overlays.republish(previous, dirty, user -> sorted(work.get(user)));
    }

    private static Long2ObjectOpenHashMap<long[]> fold(
            Long2ObjectOpenHashMap<long[]> base, Long2ObjectOpenHashMap<Long2IntOpenHashMap> work) {
        Long2ObjectOpenHashMap<long[]> next = new Long2ObjectOpenHashMap<>(base);
        for (var e : work.long2ObjectEntrySet()) {
            if (e.getValue().isEmpty()) {
                next.remove(e.getLongKey());
            } else {
                next.put(e.getLongKey(), sorted(e.getValue()));
            }
        }
        return next;
    }

    private static long[] sorted(Long2IntOpenHashMap counts) {
        long[] ids = counts.keySet().toLongArray();
        Arrays.sort(ids);
        return ids;
    }
}
