package roost.procedures.communities;

/**
 * A tweet's community vector: the sum of its engagers' interests, each decayed from the time of
 * its engagement with a half-life. The values hold at {@link #time}; at a later time t every value
 * is {@code value * 0.5^((t - time) / halfLife)}, so the direction (and so every cosine) does not
 * change as the tweet ages, only its rank among other tweets.
 */
final class TweetVector {
    final long author;
    long time;
    final SparseVector vector;

    TweetVector(long author, long time, int capacity) {
        this.author = author;
        this.time = time;
        this.vector = new SparseVector(Math.min(capacity, 4));
    }

    /**
     * Adds {@code weight * interest} at engagement time {@code at}: when it is newer than the
     * vector's time, the vector first decays to it.
     */
    void add(long at, double weight, int[] ids, float[] values, int n, double halfLifeMillis, int capacity) {
        double w = weight;
        if (at > time) {
            vector.scale(Math.pow(0.5, (at - time) / halfLifeMillis));
            time = at;
        } else {
            w *= Math.pow(0.5, (time - at) / halfLifeMillis);
        }
        for (int i = 0; i < n; i++) {
            vector.add(ids[i], w * values[i], capacity);
        }
    }

    /** The score in one community at this vector's own time, on a log scale comparable across tweets: ln(v) + time ln2 / halfLife. */
    double rankKey(int community, double halfLifeMillis) {
        float v = vector.get(community);
        return v <= 0 ? Double.NEGATIVE_INFINITY : Math.log(v) + time * Math.log(2) / halfLifeMillis;
    }
}
