package roost.procedures.graph;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The changes of one committed transaction that the live graph cares about: engagements,
 * follows and negative signals created and deleted. Filled by one thread, then handed to the writer; not thread-safe.
 */
public final class ChangeBatch {
    /** Time of an engagement whose {@code createdAt} is missing: the writer uses the data's newest time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    final LongArrayList addUser = new LongArrayList();
    final LongArrayList addTweet = new LongArrayList();
    final LongArrayList addAuthor = new LongArrayList();
    final ByteArrayList addType = new ByteArrayList();
    final LongArrayList addTime = new LongArrayList();

    final LongArrayList delUser = new LongArrayList();
    final LongArrayList delTweet = new LongArrayList();
    final ByteArrayList delType = new ByteArrayList();
    final LongArrayList delTime = new LongArrayList();

    final LongArrayList followFrom = new LongArrayList();
    final LongArrayList followTo = new LongArrayList();
    final LongArrayList unfollowFrom = new LongArrayList();
    final LongArrayList unfollowTo = new LongArrayList();

    final LongArrayList signalUser = new LongArrayList();
    final LongArrayList signalTarget = new LongArrayList();
    /** Bit 0: the target is a tweet; bit 1: removed; bits 2 and up: the {@link NegativeSignals.Kind}. */
    final ByteArrayList signalKind = new ByteArrayList();

    /** Sequence number given by the live graph when the batch is queued. */
    long sequence;

    public void addEngagement(long userId, long tweetId, long authorId, int typeCode, long time) {
        addUser.add(userId);
        addTweet.add(tweetId);
        addAuthor.add(authorId);
        addType.add((byte) typeCode);
        addTime.add(time);
    }

    /** An engagement deleted; {@code time} may be {@link #NO_TIME} (then the newest match goes). */
    public void deleteEngagement(long userId, long tweetId, int typeCode, long time) {
        delUser.add(userId);
        delTweet.add(tweetId);
        delType.add((byte) typeCode);
        delTime.add(time);
    }

    public void follow(long follower, long followee) {
        followFrom.add(follower);
        followTo.add(followee);
    }

    public void unfollow(long follower, long followee) {
        unfollowFrom.add(follower);
        unfollowTo.add(followee);
    }

    /**
     * A relationship of {@code kind} that hides {@code target} from {@code user} was created
     * ({@code removed} false) or deleted; see {@link NegativeSignals}.
     */
    public void signal(long user, long target, boolean tweet, NegativeSignals.Kind kind, boolean removed) {
        signalUser.add(user);
        signalTarget.add(target);
        signalKind.add((byte) ((tweet ? 1 : 0) | (removed ? 2 : 0) | (kind.ordinal() << 2)));
    }

    /** Whether the batch changes negative signals. */
    public boolean hasSignals() {
        return !signalUser.isEmpty();
    }

    public int size() {
        return addUser.size() + delUser.size() + followFrom.size() + unfollowFrom.size() + signalUser.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }
}
