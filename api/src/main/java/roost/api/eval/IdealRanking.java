package roost.api.eval;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The rankings a generated network's ground truth implies, scored by the probability, under the
 * generator's model, that the viewer engages after the split: with a tweet that existed at the
 * split ({@link #tweets}), or with any tweet of an author ({@link #authors}, which knows the tweets
 * posted after the split too).
 *
 * <p>The model (see {@code roost.importer.generate.Generator} and import/README.md): a candidate
 * author is drawn (35% a followee uniformly, 55% a member of one of the viewer's communities by
 * weight, 10% a member of any community by share; a member by popularity x (0.25 + its interest
 * weight)), then one of the author's tweets uniformly; it is accepted with probability (0.03 + the
 * viewer's interest in the tweet's community) x 1.5 when drawn as a followee; the engagement comes
 * an exponential delay (mean 3 h) after the tweet.
 *
 * <p>The generator writes interests and tweet communities but not popularity: the author's follower
 * count at the split stands in for it (the follow graph is drawn in proportion to popularity). So
 * these are estimates of the ideal rankings, not exact ones, and a method may exceed them by chance.
 */
final class IdealRanking {
    static final String TWEETS = "ideal tweets (ground truth)";
    static final String AUTHORS = "ideal authors (ground truth)";

    private static final double P_FOLLOWEE = 0.35;
    private static final double P_INTEREST = 0.55;
    private static final double P_ANY = 0.10;
    private static final double FOLLOWEE_BOOST = 1.5;
    private static final double AFFINITY_FLOOR = 0.03;
    private static final double MEAN_DELAY_MS = 3 * 3_600_000.0;

    private final DataSplit data;
    private final int communities;
    /** Per author: the probability of being drawn as a member of each community. */
    private final Long2ObjectOpenHashMap<double[]> memberProbability = new Long2ObjectOpenHashMap<>();
    /** Per author: the probability of being drawn through "any community". */
    private final Long2DoubleOpenHashMap anyCommunity = new Long2DoubleOpenHashMap();

    private final Long2IntOpenHashMap tweetsOfAuthor = new Long2IntOpenHashMap();

    IdealRanking(DataSplit data) {
        this.data = data;
        this.communities = data.communities;
        double[] norm = new double[communities];
        double[] members = new double[communities];
        for (var e : data.userInterests.long2ObjectEntrySet()) {
            double pop = data.followers.get(e.getLongKey()) + 1.0;
            double[] w = e.getValue();
            for (int c = 0; c < communities; c++) {
                if (w[c] > 0) {
                    norm[c] += pop * (0.25 + w[c]);
                    members[c]++;
                }
            }
        }
        double allMembers = 0;
        for (double m : members) {
            allMembers += m;
        }
        for (long author : data.tweetAuthor.values()) {
            tweetsOfAuthor.addTo(author, 1);
        }
        for (long v : tweetsOfAuthor.keySet()) {
            double[] w = data.userInterests.get(v);
            double[] p = new double[communities];
            double any = 0;
            if (w != null) {
                double pop = data.followers.get(v) + 1.0;
                for (int c = 0; c < communities; c++) {
                    if (w[c] > 0 && norm[c] > 0) {
                        p[c] = pop * (0.25 + w[c]) / norm[c];
                        any += members[c] / allMembers * p[c];
                    }
                }
            }
            memberProbability.put(v, p);
            anyCommunity.put(v, any);
        }
    }

    /** The probability that an engagement with a tweet created at {@code created} falls in [split, horizon). */
    private static double afterSplit(long created, long split, long horizon) {
        double from = created >= split ? 1 : Math.exp(-(split - created) / MEAN_DELAY_MS);
        double to =
                horizon == Long.MAX_VALUE || horizon <= created ? 0 : Math.exp(-(horizon - created) / MEAN_DELAY_MS);
        return Math.max(0, from - to);
    }

    /** The chance that the viewer draws author v as a candidate, with the followee branch's acceptance boost. */
    private double draw(double[] interests, LongOpenHashSet followees, long v) {
        double[] pv = memberProbability.get(v);
        double viaInterest = 0;
        for (int i = 0; i < communities; i++) {
            viaInterest += interests[i] * pv[i];
        }
        double followed =
                followees != null && followees.contains(v) ? P_FOLLOWEE / followees.size() * FOLLOWEE_BOOST : 0;
        return P_INTEREST * viaInterest + P_ANY * anyCommunity.get(v) + followed;
    }

    /** Tweets created in the window before the split, by the chance of an engagement after it. */
    Method tweets() {
        long split = data.split();
        long horizon = data.horizonEnd();
        return Method.of(TWEETS, Method.Kind.IDEAL, (viewer, k) -> {
            double[] interests = data.userInterests.get(viewer);
            LongOpenHashSet followees = data.followees.get(viewer);
            TopK top = new TopK(k);
            if (interests == null) {
                return top.sorted();
            }
            for (long t : data.windowTweets) {
                if (!data.showable(viewer, t)) {
                    continue;
                }
                long v = data.tweetAuthor.get(t);
                int c = data.tweetCommunity.get(t);
                double accept = AFFINITY_FLOOR + (c >= 0 ? interests[c] : 0);
                double after = afterSplit(data.tweetCreated.get(t), split, horizon);
                top.offer(t, v, draw(interests, followees, v) * accept * after / Math.max(1, tweetsOfAuthor.get(v)));
            }
            return top.sorted();
        });
    }

    /**
     * Authors by the chance of an engagement after the split with any of their tweets, those posted
     * after it included. Each author is represented by their newest tweet before the split (or their
     * first tweet, when they had none): only the author-level metrics of this method mean anything.
     */
    Method authors() {
        long split = data.split();
        long horizon = data.horizonEnd();
        // Per author: sum over their tweets of P(engagement after the split), in total and per community.
        Long2ObjectOpenHashMap<double[]> perCommunity = new Long2ObjectOpenHashMap<>();
        Long2DoubleOpenHashMap total = new Long2DoubleOpenHashMap();
        Long2LongOpenHashMap representative = new Long2LongOpenHashMap();
        for (var e : data.tweetAuthor.long2LongEntrySet()) {
            long t = e.getLongKey();
            long v = e.getLongValue();
            double after = afterSplit(data.tweetCreated.get(t), split, horizon);
            total.addTo(v, after);
            int c = data.tweetCommunity.get(t);
            if (c >= 0) {
                perCommunity.computeIfAbsent(v, a -> new double[communities])[c] += after;
            }
            long current = representative.getOrDefault(v, Long.MIN_VALUE);
            if (current == Long.MIN_VALUE || data.tweetCreated.get(t) < data.tweetCreated.get(current)) {
                representative.put(v, t);
            }
        }
        for (var e : data.tweetsByAuthor.long2ObjectEntrySet()) {
            LongArrayList tweets = e.getValue();
            if (!tweets.isEmpty()) {
                representative.put(e.getLongKey(), tweets.getLong(0));
            }
        }
        long[] authors = total.keySet().toLongArray();
        java.util.Arrays.sort(authors);
        return Method.of(AUTHORS, Method.Kind.IDEAL, (viewer, k) -> {
            double[] interests = data.userInterests.get(viewer);
            LongOpenHashSet followees = data.followees.get(viewer);
            TopK top = new TopK(k);
            if (interests == null) {
                return top.sorted();
            }
            for (long v : authors) {
                if (v == viewer) {
                    continue;
                }
                double[] pc = perCommunity.get(v);
                double accept = AFFINITY_FLOOR * total.get(v);
                if (pc != null) {
                    for (int c = 0; c < communities; c++) {
                        accept += interests[c] * pc[c];
                    }
                }
                top.offer(
                        representative.get(v),
                        v,
                        draw(interests, followees, v) * accept / Math.max(1, tweetsOfAuthor.get(v)));
            }
            return top.sorted();
        });
    }

    /** The k best offers, ties broken by the smaller tweet id. */
    private static final class TopK {
        private static final Comparator<Recommendation> ORDER =
                Comparator.comparingDouble(Recommendation::score).reversed().thenComparingLong(Recommendation::tweetId);
        private final int k;
        private final PriorityQueue<Recommendation> heap;

        TopK(int k) {
            this.k = k;
            this.heap = new PriorityQueue<>(ORDER.reversed());
        }

        void offer(long tweet, long author, double score) {
            Recommendation r = new Recommendation(tweet, author, score);
            if (heap.size() < k) {
                heap.add(r);
            } else if (ORDER.compare(r, heap.peek()) < 0) {
                heap.poll();
                heap.add(r);
            }
        }

        List<Recommendation> sorted() {
            List<Recommendation> out = new ArrayList<>(heap);
            out.sort(ORDER);
            return out;
        }
    }
}
