package roost.api.eval;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.List;

/**
 * The metrics of one method, summed over viewers as they are scored ({@link #add}) and averaged on
 * read. Not thread-safe.
 *
 * <p>Definitions, for a viewer with targets T (tweets) or A (authors) and the method's first K items:
 * recall@K = hits / |T|; NDCG@K = sum over hits of 1 / log2(rank + 1), divided by the same sum for
 * min(|T|, K) hits at the top (binary relevance); hit rate@K = share of viewers with at least one
 * hit. At the author level the items are the distinct authors of the first K tweets, in order of
 * first appearance, and a hit is an author in A. Tweet-level means are over viewers with at least
 * one tweet target, author-level means over all viewers.
 */
public final class MethodScore {
    final Method method;
    private final int[] ks;
    private final int maxK;

    int tweetViewers;
    int authorViewers;
    final double[] tweetRecall;
    final double[] tweetNdcg;
    final int[] tweetHit;
    final double[] authorRecall;
    final double[] authorNdcg;
    final int[] authorHit;
    final double[] distinctAuthors;
    final double[] communitiesPerPage;
    final double[] inNetwork;
    final double[] items;
    final LongOpenHashSet[] coveredAuthors;
    /** Recall at every K from 1 to max K: tweet and author level, summed over viewers. */
    final double[] tweetRecallCurve;

    final double[] authorRecallCurve;
    final DoubleArrayList hitScores = new DoubleArrayList();
    final DoubleArrayList missScores = new DoubleArrayList();
    long nanos;
    int empty;
    int errors;

    MethodScore(Method method, int[] ks) {
        this.method = method;
        this.ks = ks.clone();
        this.maxK = ks[ks.length - 1];
        int n = ks.length;
        tweetRecall = new double[n];
        tweetNdcg = new double[n];
        tweetHit = new int[n];
        authorRecall = new double[n];
        authorNdcg = new double[n];
        authorHit = new int[n];
        distinctAuthors = new double[n];
        communitiesPerPage = new double[n];
        inNetwork = new double[n];
        items = new double[n];
        coveredAuthors = new LongOpenHashSet[n];
        for (int i = 0; i < n; i++) {
            coveredAuthors[i] = new LongOpenHashSet();
        }
        tweetRecallCurve = new double[maxK];
        authorRecallCurve = new double[maxK];
    }

    public Method method() {
        return method;
    }

    /** Scores one viewer's answer (best first, at most max K items). */
    void add(DataSplit data, long viewer, List<Recommendation> answer, long nanos) {
        this.nanos += nanos;
        if (answer.isEmpty()) {
            empty++;
        }
        LongOpenHashSet tweets = data.targetTweets.get(viewer);
        LongOpenHashSet authors = data.targetAuthors.get(viewer);
        int n = Math.min(answer.size(), maxK);
        // Cumulative hits by position: tweet level, and author level over first appearances.
        double[] tweetDcg = new double[maxK];
        int[] tweetHits = new int[maxK];
        double[] authorDcg = new double[maxK];
        int[] authorHits = new int[maxK];
        LongOpenHashSet seenAuthors = new LongOpenHashSet();
        IntOpenHashSet seenCommunities = new IntOpenHashSet();
        int[] distinctAt = new int[maxK];
        int[] communitiesAt = new int[maxK];
        int[] inNetworkAt = new int[maxK];
        double dcgT = 0;
        double dcgA = 0;
        int hitsT = 0;
        int hitsA = 0;
        int in = 0;
        for (int i = 0; i < maxK; i++) {
            if (i < n) {
                Recommendation r = answer.get(i);
                boolean tweetHit = tweets != null && tweets.contains(r.tweetId());
                if (tweetHit) {
                    hitsT++;
                    dcgT += 1 / log2(i + 2);
                }
                if (seenAuthors.add(r.authorId())) {
                    boolean authorHit = authors != null && authors.contains(r.authorId());
                    if (authorHit) {
                        hitsA++;
                        dcgA += 1 / log2(seenAuthors.size() + 1);
                    }
                }
                int c = data.tweetCommunity.get(r.tweetId());
                if (c >= 0) {
                    seenCommunities.add(c);
                }
                if (data.follows(viewer, r.authorId())) {
                    in++;
                }
                boolean hit = tweets != null && tweets.contains(r.tweetId())
                        || authors != null && authors.contains(r.authorId());
                (hit ? hitScores : missScores).add(r.score());
            }
            tweetDcg[i] = dcgT;
            tweetHits[i] = hitsT;
            authorDcg[i] = dcgA;
            authorHits[i] = hitsA;
            distinctAt[i] = seenAuthors.size();
            communitiesAt[i] = seenCommunities.size();
            inNetworkAt[i] = in;
        }
        if (tweets != null && !tweets.isEmpty()) {
            tweetViewers++;
            for (int i = 0; i < maxK; i++) {
                tweetRecallCurve[i] += (double) tweetHits[i] / tweets.size();
            }
        }
        if (authors != null && !authors.isEmpty()) {
            authorViewers++;
            for (int i = 0; i < maxK; i++) {
                authorRecallCurve[i] += (double) authorHits[i] / authors.size();
            }
        }
        for (int j = 0; j < ks.length; j++) {
            int k = ks[j];
            int last = k - 1;
            if (tweets != null && !tweets.isEmpty()) {
                tweetRecall[j] += (double) tweetHits[last] / tweets.size();
                tweetNdcg[j] += tweetDcg[last] / idealDcg(Math.min(tweets.size(), k));
                tweetHit[j] += tweetHits[last] > 0 ? 1 : 0;
            }
            if (authors != null && !authors.isEmpty()) {
                authorRecall[j] += (double) authorHits[last] / authors.size();
                authorNdcg[j] += authorDcg[last] / idealDcg(Math.min(authors.size(), k));
                authorHit[j] += authorHits[last] > 0 ? 1 : 0;
            }
            int shown = Math.min(n, k);
            items[j] += shown;
            distinctAuthors[j] += distinctAt[last];
            communitiesPerPage[j] += communitiesAt[last];
            inNetwork[j] += inNetworkAt[last];
            for (int i = 0; i < shown; i++) {
                coveredAuthors[j].add(answer.get(i).authorId());
            }
        }
    }

    static double idealDcg(int hits) {
        double d = 0;
        for (int i = 0; i < hits; i++) {
            d += 1 / log2(i + 2);
        }
        return d;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    int[] ks() {
        return ks.clone();
    }

    int viewers() {
        return authorViewers;
    }

    double tweetRecall(int j) {
        return tweetRecall[j] / Math.max(1, tweetViewers);
    }

    double tweetNdcg(int j) {
        return tweetNdcg[j] / Math.max(1, tweetViewers);
    }

    double tweetHitRate(int j) {
        return (double) tweetHit[j] / Math.max(1, tweetViewers);
    }

    double authorRecall(int j) {
        return authorRecall[j] / Math.max(1, authorViewers);
    }

    double authorNdcg(int j) {
        return authorNdcg[j] / Math.max(1, authorViewers);
    }

    double authorHitRate(int j) {
        return (double) authorHit[j] / Math.max(1, authorViewers);
    }

    double meanItems(int j) {
        return items[j] / Math.max(1, authorViewers);
    }

    double distinctAuthors(int j) {
        return distinctAuthors[j] / Math.max(1, authorViewers);
    }

    double communitiesPerPage(int j) {
        return communitiesPerPage[j] / Math.max(1, authorViewers);
    }

    /** Share of the items shown that come from accounts the viewer follows. */
    double inNetworkShare(int j) {
        return items[j] == 0 ? 0 : inNetwork[j] / items[j];
    }

    int coveredAuthors(int j) {
        return coveredAuthors[j].size();
    }

    double millisPerViewer() {
        return nanos / 1e6 / Math.max(1, authorViewers);
    }
}
