package roost.procedures.communities;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import roost.procedures.walk.Guard;

/**
 * Producer-producer similarity from shared followers: producers are the most-followed users with
 * at least {@code minFollowers} followers, at most {@code producerShare} of all users and at most
 * {@code maxProducers}, ties broken by the smaller user id; the similarity of two producers is the cosine of their follower sets,
 * {@code |F(a) ∩ F(b)| / sqrt(|F(a)| |F(b)|)}; each producer keeps its {@code topNeighbours} most
 * similar producers (at least {@code minSimilarity}), and the graph is the union of those lists.
 *
 * <p>Cost: each user's followees are first reduced to the producers among them (one pass over the
 * follow graph); then, for each producer, one pass over those lists of (at most {@code
 * maxFollowersSampled} of) its followers: O(sum over sampled followers of the producers they
 * follow). A producer with more followers than the sample size uses an evenly spaced sample, and
 * its shared counts are scaled up by the sampling ratio (an unbiased estimate). Runs on {@code
 * threads} threads; each holds one dense counter array over producers.
 */
public final class ProducerSimilarity {
    /**
     * @param minFollowers followers a user needs to be a producer
     * @param producerShare share of all users that may be producers, the most-followed first
     * @param maxProducers producers kept at most, the most-followed first
     * @param maxFollowersSampled followers of a producer read at most
     * @param topNeighbours neighbours kept per producer
     * @param minSimilarity smallest cosine kept
     * @param threads worker threads
     */
    public record Settings(
            int minFollowers,
            double producerShare,
            int maxProducers,
            int maxFollowersSampled,
            int topNeighbours,
            double minSimilarity,
            int threads) {}

    private ProducerSimilarity() {}

    public static SimilarityGraph compute(FollowData follows, Settings s, Guard guard) {
        int n = follows.users();
        int cap = (int) Math.min(s.maxProducers(), Math.ceil(s.producerShare() * n));
        int[] producerUsers = producers(follows, s.minFollowers(), cap);
        int[] local = new int[n];
        java.util.Arrays.fill(local, -1);
        for (int a = 0; a < producerUsers.length; a++) {
            local[producerUsers[a]] = a;
        }
        // Each user's followees reduced to the producers among them, as local producer indices.
        int[] pOffsets = new int[n + 1];
        for (int f = 0; f < n; f++) {
            int out = follows.followeeCount(f);
            int c = 0;
            for (int j = 0; j < out; j++) {
                if (local[follows.followee(f, j)] >= 0) {
                    c++;
                }
            }
            pOffsets[f + 1] = pOffsets[f] + c;
        }
        int[] pFollowees = new int[pOffsets[n]];
        for (int f = 0, at = 0; f < n; f++) {
            int out = follows.followeeCount(f);
            for (int j = 0; j < out; j++) {
                int b = local[follows.followee(f, j)];
                if (b >= 0) {
                    pFollowees[at++] = b;
                }
            }
        }
        int p = producerUsers.length;
        int[][] neighbours = new int[p][];
        float[][] scores = new float[p][];
        AtomicInteger next = new AtomicInteger();
        int threads = Math.max(1, Math.min(s.threads(), p));
        IntStream.range(0, threads).parallel().forEach(t -> {
            int[] counts = new int[p];
            IntArrayList touched = new IntArrayList();
            int[] heapIds = new int[s.topNeighbours()];
            float[] heapScores = new float[s.topNeighbours()];
            for (int a = next.getAndIncrement(); a < p; a = next.getAndIncrement()) {
                if ((a & 255) == 0) {
                    guard.check();
                }
                int user = producerUsers[a];
                int followers = follows.followerCount(user);
                int sampled = Math.min(followers, s.maxFollowersSampled());
                double step = (double) followers / sampled;
                for (int k = 0; k < sampled; k++) {
                    int f = follows.follower(user, (int) (k * step));
                    for (int j = pOffsets[f], end = pOffsets[f + 1]; j < end; j++) {
                        int b = pFollowees[j];
                        if (b != a && counts[b]++ == 0) {
                            touched.add(b);
                        }
                    }
                }
                double scale = (double) followers / sampled;
                int size = 0;
                for (int i = 0; i < touched.size(); i++) {
                    int b = touched.getInt(i);
                    double cos =
                            counts[b] * scale / Math.sqrt((double) followers * follows.followerCount(producerUsers[b]));
                    counts[b] = 0;
                    float c = (float) Math.min(1.0, cos);
                    if (c < s.minSimilarity()) {
                        continue;
                    }
                    size = offer(heapIds, heapScores, size, b, c);
                }
                touched.clear();
                neighbours[a] = java.util.Arrays.copyOf(heapIds, size);
                scores[a] = java.util.Arrays.copyOf(heapScores, size);
            }
        });
        // Union of the lists, each undirected edge once; the larger estimate wins when both list it.
        Long2DoubleOpenHashMap edges = new Long2DoubleOpenHashMap();
        for (int a = 0; a < p; a++) {
            for (int k = 0; k < neighbours[a].length; k++) {
                int b = neighbours[a][k];
                long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
                double w = scores[a][k];
                if (w > edges.get(key)) {
                    edges.put(key, w);
                }
            }
        }
        long[] keys = edges.keySet().toLongArray();
        java.util.Arrays.sort(keys);
        int[] src = new int[keys.length];
        int[] dst = new int[keys.length];
        double[] w = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            src[i] = (int) (keys[i] >>> 32);
            dst[i] = (int) keys[i];
            w[i] = edges.get(keys[i]);
        }
        return new SimilarityGraph(producerUsers, src, dst, w);
    }

    /**
     * Users with at least {@code minFollowers} followers; when more than {@code maxProducers}, the
     * most-followed of them (ties: the smaller user id). In dense-index order.
     */
    static int[] producers(FollowData follows, int minFollowers, int maxProducers) {
        IntArrayList eligible = new IntArrayList();
        for (int u = 0; u < follows.users(); u++) {
            if (follows.followerCount(u) >= minFollowers) {
                eligible.add(u);
            }
        }
        int[] out = eligible.toIntArray();
        if (out.length > maxProducers) {
            it.unimi.dsi.fastutil.ints.IntArrays.quickSort(out, (x, y) -> {
                int c = Integer.compare(follows.followerCount(y), follows.followerCount(x));
                return c != 0 ? c : Long.compare(follows.userId(x), follows.userId(y));
            });
            out = java.util.Arrays.copyOf(out, maxProducers);
            java.util.Arrays.sort(out);
        }
        return out;
    }

    /** Bounded min-heap of (id, score) of capacity {@code ids.length}: ties keep the smaller id. */
    private static int offer(int[] ids, float[] scores, int size, int id, float score) {
        int k = ids.length;
        if (k == 0) {
            return 0;
        }
        if (size < k) {
            int i = size++;
            ids[i] = id;
            scores[i] = score;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!worse(ids[i], scores[i], ids[parent], scores[parent])) {
                    break;
                }
                swap(ids, scores, i, parent);
                i = parent;
            }
            return size;
        }
        if (!worse(ids[0], scores[0], id, score)) {
            return size;
        }
        ids[0] = id;
        scores[0] = score;
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && worse(ids[l], scores[l], ids[m], scores[m])) {
                m = l;
            }
            if (r < size && worse(ids[r], scores[r], ids[m], scores[m])) {
                m = r;
            }
            if (m == i) {
                return size;
            }
            swap(ids, scores, i, m);
            i = m;
        }
    }

    private static boolean worse(int idA, float a, int idB, float b) {
        return a < b || (a == b && idA > idB);
    }

    private static void swap(int[] ids, float[] scores, int i, int j) {
        int t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
        float s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
    }
}
