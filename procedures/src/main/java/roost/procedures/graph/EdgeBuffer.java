package roost.procedures.graph;

import java.util.Arrays;

/**
 * Engagement edges as parallel primitive arrays that grow by half: those waiting to become a
 * {@link Segment}, or a user's history read from the store. About 33 bytes per edge. Not
 * thread-safe.
 */
public final class EdgeBuffer {
    /** Author id for a tweet whose author is not known. */
    public static final long UNKNOWN_AUTHOR = Long.MIN_VALUE;

    long[] user;
    long[] tweet;
    long[] author;
    long[] time;
    byte[] type;
    int size;

    public EdgeBuffer() {
        this(16);
    }

    public EdgeBuffer(int capacity) {
        int c = Math.max(4, capacity);
        user = new long[c];
        tweet = new long[c];
        author = new long[c];
        time = new long[c];
        type = new byte[c];
    }

    public void add(long userId, long tweetId, long authorId, int typeCode, long createdAt) {
        if (size == user.length) {
            int c = size + (size >> 1) + 1;
            user = Arrays.copyOf(user, c);
            tweet = Arrays.copyOf(tweet, c);
            author = Arrays.copyOf(author, c);
            time = Arrays.copyOf(time, c);
            type = Arrays.copyOf(type, c);
        }
        user[size] = userId;
        tweet[size] = tweetId;
        author[size] = authorId;
        time[size] = createdAt;
        type[size] = (byte) typeCode;
        size++;
    }

    public int size() {
        return size;
    }

    public long user(int i) {
        return user[i];
    }

    public long tweet(int i) {
        return tweet[i];
    }

    public long author(int i) {
        return author[i];
    }

    public long time(int i) {
        return time[i];
    }

    public int type(int i) {
        return type[i];
    }

    public void clear() {
        size = 0;
    }

    /** Drops the storage too (after a large load). */
    public void release() {
        size = 0;
        if (user.length > 1024) {
            user = new long[16];
            tweet = new long[16];
            author = new long[16];
            time = new long[16];
            type = new byte[16];
        }
    }
}
