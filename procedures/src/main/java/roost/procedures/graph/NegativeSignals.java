package roost.procedures.graph;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import roost.model.Rel;

/**
 * The live negative signals: for each user, the authors hidden from them (accounts they blocked,
 * muted, reported or marked not interested, and accounts that blocked them) and the tweets they
 * reported or marked not interested. What {@link roost.procedures.viewer.ViewerLoader} would read
 * from the user's relationships, without touching the store.
 *
 * <p>Each (user, target) pair keeps a count per {@link Kind}: a target stays hidden while any
 * relationship hides it, and a relationship removed is taken off its own kind, so removing a
 * block leaves a mute in place. Counts saturate at {@value #MAX_COUNT} per kind.
 *
 * <p>Layout: an immutable base (user to sorted ids with their packed counts) plus an overlay
 * holding the complete, current lists of users whose signals changed since the base was built;
 * the overlay is folded into a new base once it holds more than an eighth of the base's users (at
 * least 1,024).
 *
 * <p>One writer (every method but {@link #snapshot()}), any number of readers; readers take a
 * {@link Snapshot} with a volatile read and never lock.
 */
public final class NegativeSignals {
    /** Why a target is hidden from a user: the user's own relationship of a type, or a block by the target. */
    public enum Kind {
        BLOCKED,
        MUTED,
        NOT_INTERESTED,
        REPORTED,
        /** The target blocked the user. */
        BLOCKED_BY;

        /** The kind of the user's own relationship {@code type}, or null when it is not a negative signal. */
        public static Kind of(Rel type) {
            return switch (type) {
                case BLOCKED -> BLOCKED;
                case MUTED -> MUTED;
                case NOT_INTERESTED -> NOT_INTERESTED;
                case REPORTED -> REPORTED;
                default -> null;
            };
        }

        int shift() {
            return ordinal() * BITS;
        }
    }

    private static final int BITS = 6;
    static final int MAX_COUNT = (1 << BITS) - 1;
    private static final int MIN_FOLD_USERS = 1_024;

    /** Sorted ids and, for each, its packed counts ({@link #BITS} bits per kind). */
    private record Lists(long[] ids, int[] counts) {
        static final Lists EMPTY = new Lists(new long[0], new int[0]);
    }

    /** An immutable view of the signals as of one publication. */
    public static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(
                new Long2ObjectOpenHashMap<>(),
                new Long2ObjectOpenHashMap<>(),
                new Long2ObjectOpenHashMap<>(),
                new Long2ObjectOpenHashMap<>(),
                0);

        private final Long2ObjectOpenHashMap<Lists> baseAuthors;
        private final Long2ObjectOpenHashMap<Lists> baseTweets;
        private final Long2ObjectOpenHashMap<Lists> overlayAuthors;
        private final Long2ObjectOpenHashMap<Lists> overlayTweets;
        private final long entries;

        Snapshot(
                Long2ObjectOpenHashMap<Lists> baseAuthors,
                Long2ObjectOpenHashMap<Lists> baseTweets,
                Long2ObjectOpenHashMap<Lists> overlayAuthors,
                Long2ObjectOpenHashMap<Lists> overlayTweets,
                long entries) {
            this.baseAuthors = baseAuthors;
            this.baseTweets = baseTweets;
            this.overlayAuthors = overlayAuthors;
            this.overlayTweets = overlayTweets;
            this.entries = entries;
        }

        /** Authors hidden from {@code user}, sorted; shared, do not modify. Empty when none. */
        public long[] hiddenAuthors(long user) {
            return lookup(overlayAuthors, baseAuthors, user).ids();
        }

        /** Tweets hidden from {@code user}, sorted; shared, do not modify. Empty when none. */
        public long[] hiddenTweets(long user) {
            return lookup(overlayTweets, baseTweets, user).ids();
        }

        /** (user, hidden id) pairs in all. */
        public long entries() {
            return entries;
        }
    }

    private static Lists lookup(Long2ObjectOpenHashMap<Lists> overlay, Long2ObjectOpenHashMap<Lists> base, long user) {
        Lists lists = overlay.get(user);
        if (lists == null) {
            lists = base.get(user);
        }
        return lists == null ? Lists.EMPTY : lists;
    }

    // Writer state: for users changed since the base was built, hidden id -> packed counts.
    private final Long2ObjectOpenHashMap<Long2IntOpenHashMap> authorWork = new Long2ObjectOpenHashMap<>();
    private final Long2ObjectOpenHashMap<Long2IntOpenHashMap> tweetWork = new Long2ObjectOpenHashMap<>();
    private final LongOpenHashSet dirtyAuthors = new LongOpenHashSet();
    private final LongOpenHashSet dirtyTweets = new LongOpenHashSet();
    private Long2ObjectOpenHashMap<Lists> baseAuthors = new Long2ObjectOpenHashMap<>();
    private Long2ObjectOpenHashMap<Lists> baseTweets = new Long2ObjectOpenHashMap<>();
    private Long2ObjectOpenHashMap<Lists> overlayAuthors = new Long2ObjectOpenHashMap<>();
    private Long2ObjectOpenHashMap<Lists> overlayTweets = new Long2ObjectOpenHashMap<>();
    private long entries;

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** The published view; any thread, lock-free. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Counts one more ({@code delta} 1) or one fewer ({@code delta} -1) relationship of {@code kind}
     * hiding {@code target} from {@code user}; a count stays within [0, {@value #MAX_COUNT}] (a
     * removal the signals never saw changes nothing).
     *
     * @param tweet whether {@code target} is a tweet (else an account)
     */
    public void change(long user, long target, boolean tweet, Kind kind, int delta) {
        Long2IntOpenHashMap counts = working(tweet ? tweetWork : authorWork, tweet ? baseTweets : baseAuthors, user);
        int packed = counts.get(target);
        int count = (packed >>> kind.shift()) & MAX_COUNT;
        int updated = Math.max(0, Math.min(MAX_COUNT, count + delta));
        if (updated == count) {
            return;
        }
        int after = (packed & ~(MAX_COUNT << kind.shift())) | (updated << kind.shift());
        if (after == 0) {
            counts.remove(target);
            entries--;
        } else {
            if (packed == 0) {
                entries++;
            }
            counts.put(target, after);
        }
        (tweet ? dirtyTweets : dirtyAuthors).add(user);
    }

    /** Whether a relationship of {@code kind} hides {@code target} from {@code user} in the writer's current state. */
    public boolean hides(long user, long target, boolean tweet, Kind kind) {
        Long2IntOpenHashMap counts = (tweet ? tweetWork : authorWork).get(user);
        int packed;
        if (counts != null) {
            packed = counts.get(target);
        } else {
            Lists lists = (tweet ? baseTweets : baseAuthors).get(user);
            int at = lists == null ? -1 : Arrays.binarySearch(lists.ids(), target);
            packed = at < 0 ? 0 : lists.counts()[at];
        }
        return ((packed >>> kind.shift()) & MAX_COUNT) > 0;
    }

    /** The full current counts of a user, taken from the base the first time the user changes. */
    private static Long2IntOpenHashMap working(
            Long2ObjectOpenHashMap<Long2IntOpenHashMap> work, Long2ObjectOpenHashMap<Lists> base, long user) {
        Long2IntOpenHashMap counts = work.get(user);
        if (counts == null) {
            counts = new Long2IntOpenHashMap();
            Lists lists = base.get(user);
            if (lists != null) {
                for (int i = 0; i < lists.ids().length; i++) {
                    counts.put(lists.ids()[i], lists.counts()[i]);
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
            overlayAuthors = Overlays.republish(overlayAuthors, dirtyAuthors, user -> lists(authorWork.get(user)));
            overlayTweets = Overlays.republish(overlayTweets, dirtyTweets, user -> lists(tweetWork.get(user)));
        }
        dirtyAuthors.clear();
        dirtyTweets.clear();
        snapshot = new Snapshot(baseAuthors, baseTweets, overlayAuthors, overlayTweets, entries);
    }

    private static Long2ObjectOpenHashMap<Lists> fold(
            Long2ObjectOpenHashMap<Lists> base, Long2ObjectOpenHashMap<Long2IntOpenHashMap> work) {
        Long2ObjectOpenHashMap<Lists> next = new Long2ObjectOpenHashMap<>(base);
        for (var e : work.long2ObjectEntrySet()) {
            if (e.getValue().isEmpty()) {
                next.remove(e.getLongKey());
            } else {
                next.put(e.getLongKey(), lists(e.getValue()));
            }
        }
        return next;
    }

    private static Lists lists(Long2IntOpenHashMap counts) {
        long[] ids = counts.keySet().toLongArray();
        Arrays.sort(ids);
        int[] packed = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            packed[i] = counts.get(ids[i]);
        }
        return new Lists(ids, packed);
    }
}
