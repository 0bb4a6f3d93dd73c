package roost.procedures.salsa;

import java.util.ArrayList;
import java.util.List;
import roost.procedures.graph.EngagementCursor;
import roost.procedures.graph.EngagementWalkGraph;
import roost.procedures.graph.FollowSet;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.NodeCounter;
import roost.procedures.walk.Salsa;
import roost.procedures.walk.Seeds;
import roost.procedures.walk.TopK;
import roost.procedures.walk.WalkStats;

/**
 * Tweets by SALSA over the engagement graph: the seed set is the viewer (share
 * {@link Params#viewerShare()} of the weight: walks from the viewer go through their own recent
 * engagements) and their follow set (the rest, in proportion to the followees' weights). A
 * tweet's score is its share of all tweet visits; its social proof is the followees who engaged
 * with it in the window, each once, newest first (see {@link SocialProof}: read from the
 * followees' side, or, when they made more than limit x socialProofScan engagements in the
 * window, looked for among the tweet's newest {@link Params#socialProofScan()} engagers).
 * Hidden and own tweets are never returned (see {@link Viewer}).
 *
 * <p>Cost: that of {@link Salsa} plus, for social proof, O(min(the followees' engagements in the
 * window, limit x socialProofScan)). Not thread-safe: one instance per request.
 */
public final class TweetSalsa {
    /**
     * @param walk walks, length, reset probability, seed
     * @param viewerShare the viewer's share of the seed weight, in [0, 1]
     * @param typeMask engagement types walked
     * @param limit tweets returned at most
     * @param minSocialProof followees who must have engaged with a returned tweet (0: none needed)
     * @param maxSocialProof followee ids kept per tweet
     * @param socialProofScan engagers examined per returned tweet to find its social proof, when
     *     the followees made more than {@code limit x socialProofScan} engagements in the window
     *     (otherwise every followee engagement in the window is read instead)
     * @param excludeEngaged also drop tweets the viewer engaged with
     */
    public record Params(
            Salsa.Params walk,
            double viewerShare,
            int typeMask,
            int limit,
            int minSocialProof,
            int maxSocialProof,
            int socialProofScan,
            boolean excludeEngaged) {}

    /** One tweet: score is its share of tweet visits, {@code visits} the raw count. */
    public record Item(
            long tweetId, long authorId, double score, long visits, long[] socialProof, int socialProofCount) {}

    /** @param seeds seeds with edges, the walks started from */
    public record Result(List<Item> items, WalkStats stats, int seeds) {}

    private final EngagementWalkGraph graph;
    private final Salsa salsa;

    public TweetSalsa(EngagementCursor cursor, int typeMask) {
        this.graph = new EngagementWalkGraph(cursor, typeMask);
        this.salsa = new Salsa(graph);
    }

    public Result run(Viewer viewer, FollowSet follows, Params params, Guard guard) {
        Seeds seeds = seeds(viewer.id(), follows, params.viewerShare());
        graph.cursor().expectNodes(Math.min(2 * params.walk().walks(), 1 << 17));
        NodeCounter visits = salsa.run(seeds, params.walk(), guard);
        double total = visits.total();
        // Best first by visits; authors (one lookup per segment) and social proof are looked up
        // only for the candidates examined until the limit is filled. Ranking every candidate
        // costs O(n log n); the first few times the limit nearly always fill it, and when they do
        // not (many filtered), the whole list is ranked and examined again: same answer.
        EngagementCursor cursor = graph.cursor();
        SocialProof proofs = new SocialProof(
                cursor, follows.ids(), params.socialProofScan(), (long) params.limit() * params.socialProofScan());
        int ranks = (int) Math.min(visits.size(), Math.max(64L, 4L * params.limit()));
        List<Item> items;
        while (true) {
            TopK ranked = new TopK(ranks);
            for (int i = 0; i < visits.size(); i++) {
                ranked.offer(visits.id(i), visits.count(i));
            }
            double[] counts = new double[ranked.size()];
            long[] order = ranked.drain(counts);
            items = new ArrayList<>(Math.min(params.limit(), order.length));
            for (int i = 0; i < order.length && items.size() < params.limit(); i++) {
                long tweet = order[i];
                long author = cursor.authorOf(tweet);
                if (viewer.excludesTweet(tweet, author, params.excludeEngaged())) {
                    continue;
                }
                int found = proofs.find(tweet);
                if (found < params.minSocialProof()) {
                    continue;
                }
                items.add(new Item(
                        tweet,
                        author,
                        counts[i] / total,
                        (long) counts[i],
                        proofs.top(params.maxSocialProof()),
                        found));
            }
            if (items.size() >= params.limit() || ranks == visits.size()) {
                break;
            }
            ranks = visits.size();
        }
        return new Result(items, salsa.stats(), salsa.walkableSeeds());
    }

    /** The viewer with {@code viewerShare} of the weight, the follow set with the rest. */
    static Seeds seeds(long viewerId, FollowSet follows, double viewerShare) {
        long[] ids = new long[follows.size() + 1];
        double[] weights = new double[ids.length];
        double sum = 0;
        for (double w : follows.weights()) {
            sum += w;
        }
        ids[0] = viewerId;
        weights[0] = sum > 0 ? viewerShare : 1.0;
        for (int i = 0; i < follows.size(); i++) {
            ids[i + 1] = follows.ids()[i];
            weights[i + 1] = sum > 0 ? (1 - viewerShare) * follows.weights()[i] / sum : 0;
        }
        return new Seeds(ids, weights);
    }
}
