package roost.procedures.trust;

import java.util.ArrayList;
import java.util.List;
import roost.procedures.graph.FollowSnapshot;
import roost.procedures.graph.FollowWalkGraph;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.NodeCounter;
import roost.procedures.walk.PersonalizedPageRank;
import roost.procedures.walk.TopK;
import roost.procedures.walk.WalkStats;

/**
 * A viewer's circle of trust: the accounts with the highest personalized PageRank from the
 * viewer over the follow graph ({@link PersonalizedPageRank}, walks with restart), the viewer and
 * hidden accounts left out. Not thread-safe: one instance per request.
 */
public final class CircleOfTrust {
    /** @param walk walks, steps, reset probability, seed; @param limit accounts returned at most */
    public record Params(PersonalizedPageRank.Params walk, int limit) {}

    /** One account: score is its share of all visits (the viewer's own included), {@code visits} the raw count. */
    public record Item(long userId, double score, long visits, boolean followed) {}

    public record Result(List<Item> items, double viewerScore, WalkStats stats) {}

    private final FollowSnapshot follows;
    private final PersonalizedPageRank ppr;

    public CircleOfTrust(FollowSnapshot follows) {
        this.follows = follows;
        this.ppr = new PersonalizedPageRank(new FollowWalkGraph(follows));
    }

    public Result run(Viewer viewer, Params params, Guard guard) {
        NodeCounter visits = ppr.run(viewer.id(), params.walk(), guard);
        double total = visits.total();
        TopK top = new TopK(params.limit());
        for (int i = 0; i < visits.size(); i++) {
            long user = visits.id(i);
            if (!viewer.excludesUser(user)) {
                top.offer(user, visits.count(i));
            }
        }
        double[] counts = new double[top.size()];
        long[] ids = top.drain(counts);
        List<Item> items = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            items.add(new Item(ids[i], counts[i] / total, (long) counts[i], follows.follows(viewer.id(), ids[i])));
        }
        return new Result(items, total == 0 ? 0 : visits.get(viewer.id()) / total, ppr.stats());
    }
}
