package roost.procedures.communities;

import java.util.Arrays;

/**
 * A community's best tweets by decayed score, at most {@code capacity} of them, as (tweet,
 * rank key) pairs (see {@link TweetVector#rankKey}). A tweet's key only grows as engagements
 * arrive, so an evicted tweet never needs to come back by itself. O(capacity) per update; not
 * thread-safe (the {@link CommunityModel} guards it).
 */
final class TopTweets {
    private final long[] ids;
    private final double[] keys;
    private int size;

    TopTweets(int capacity) {
        ids = new long[capacity];
        keys = new double[capacity];
    }

    void update(long tweet, double key) {
        if (ids.length == 0 || key == Double.NEGATIVE_INFINITY) {
            return;
        }
        int min = -1;
        for (int i = 0; i < size; i++) {
            if (ids[i] == tweet) {
                keys[i] = key;
                return;
            }
            if (min < 0 || keys[i] < keys[min]) {
                min = i;
            }
        }
        if (size < ids.length) {
            ids[size] = tweet;
            keys[size++] = key;
        } else if (key > keys[min]) {
            ids[min] = tweet;
            keys[min] = key;
        }
    }

    int size() {
        return size;
    }

    /** Up to {@code limit} tweet ids, best first (ties: larger id first). */
    long[] best(int limit) {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(
                idx, (a, b) -> keys[a] != keys[b] ? Double.compare(keys[b], keys[a]) : Long.compare(ids[b], ids[a]));
        int n = Math.min(limit, size);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = ids[idx[i]];
        }
        return out;
    }
}
