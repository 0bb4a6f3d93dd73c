package roost.procedures.salsa;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import roost.procedures.graph.FollowSnapshot;
import roost.procedures.graph.FollowWalkGraph;
import roost.procedures.graph.Neighbours;
import roost.procedures.trust.CircleOfTrust;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.NodeCounter;
import roost.procedures.walk.Salsa;
import roost.procedures.walk.Seeds;
import roost.procedures.walk.TopK;
import roost.procedures.walk.WalkStats;

/**
 * Accounts by SALSA over the follow graph (who-to-follow, after the original): hubs are the
 * viewer and their circle of trust ({@link CircleOfTrust}), weighted by trust; walks go hub ->
 * followed account -> one of its followers -> ...; an account's score is its share of the
 * visits to followed accounts. Social proof: the viewer's followees who follow the account.
 * The viewer and hidden accounts are never returned; accounts the viewer follows are returned
 * only when asked ({@code excludeFollowed = false}).
 *
 * <p>Cost: the circle of trust's walks, then SALSA's, then O(limit x min(followers, followees)
 * x log) for social proof. Not thread-safe: one instance per request.
 */
public final class UserSalsa {
    /**
     * @param circle how the circle of trust is found (its limit is the number of hubs besides the viewer)
     * @param walk SALSA walks
     * @param limit accounts returned at most
     * @param excludeFollowed drop accounts the viewer follows
     * @param minSocialProof followees of the viewer who must follow a returned account
     * @param maxSocialProof ids kept per account
     */
    public record Params(
            CircleOfTrust.Params circle,
            Salsa.Params walk,
            int limit,
            boolean excludeFollowed,
            int minSocialProof,
            int maxSocialProof) {}

    public record Item(
            long userId, double score, long visits, long[] socialProof, int socialProofCount, boolean followed) {}

    public record Result(List<Item> items, int hubs, WalkStats stats) {}

    private final FollowSnapshot follows;
    private final CircleOfTrust circle;
    private final Salsa salsa;
    private final Neighbours scratch = new Neighbours();

    public UserSalsa(FollowSnapshot follows) {
        this.follows = follows;
        this.circle = new CircleOfTrust(follows);
        this.salsa = new Salsa(new FollowWalkGraph(follows));
    }

    public Result run(Viewer viewer, Params params, Guard guard) {
        CircleOfTrust.Result trust = circle.run(viewer, params.circle(), guard);
        long[] hubs = new long[trust.items().size() + 1];
        double[] weights = new double[hubs.length];
        hubs[0] = viewer.id();
        weights[0] = Math.max(trust.viewerScore(), 1e-9);
        for (int i = 0; i < trust.items().size(); i++) {
            hubs[i + 1] = trust.items().get(i).userId();
            weights[i + 1] = trust.items().get(i).score();
        }
        NodeCounter visits = salsa.run(new Seeds(hubs, weights), params.walk(), guard);
        double total = visits.total();

        long[] followees = follows.followeeIds(viewer.id());
        LongOpenHashSet followeeSet = new LongOpenHashSet(followees);
        TopK ranked = new TopK(visits.size());
        for (int i = 0; i < visits.size(); i++) {
            long user = visits.id(i);
            if (!viewer.excludesUser(user) && !(params.excludeFollowed() && followeeSet.contains(user))) {
                ranked.offer(user, visits.count(i));
            }
        }
        double[] counts = new double[ranked.size()];
        long[] order = ranked.drain(counts);
        List<Item> items = new ArrayList<>(Math.min(order.length, params.limit()));
        for (int i = 0; i < order.length && items.size() < params.limit(); i++) {
            long user = order[i];
            SocialProof proof = socialProof(user, followees, followeeSet, params.maxSocialProof());
            if (proof.count() < params.minSocialProof()) {
                continue;
            }
            items.add(new Item(
                    user, counts[i] / total, (long) counts[i], proof.ids(), proof.count(), followeeSet.contains(user)));
        }
        WalkStats s = salsa.stats();
        WalkStats t = trust.stats();
        WalkStats stats = new WalkStats(
                s.walks() + t.walks(),
                s.steps() + t.steps(),
                s.resets() + t.resets(),
                s.lost(),
                s.nodesVisited() + t.nodesVisited(),
                s.candidates(),
                s.micros() + t.micros());
        return new Result(items, hubs.length, stats);
    }

    /** Some ({@code ids}, at most max, smallest first) and how many ({@code count}) of the viewer's followees follow an account. */
    record SocialProof(long[] ids, int count) {}

    private SocialProof socialProof(long user, long[] followees, LongOpenHashSet followeeSet, int max) {
        long[] out = new long[max];
        int found = 0;
        Neighbours followers = follows.followers(user, scratch);
        if (followers.size() <= followees.length) {
            for (int k = 0; k < followers.size(); k++) {
                long f = followers.get(k);
                if (followeeSet.contains(f)) {
                    if (found < max) {
                        out[found] = f;
                    }
                    found++;
                }
            }
        } else {
            for (long f : followees) {
                if (follows.follows(f, user)) {
                    if (found < max) {
                        out[found] = f;
                    }
                    found++;
                }
            }
        }
        return new SocialProof(found < max ? java.util.Arrays.copyOf(out, found) : out, found);
    }
}
