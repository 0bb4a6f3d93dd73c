package roost.procedures.realgraph;

import org.neo4j.graphdb.Transaction;
import roost.procedures.graph.EngagementSnapshot;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.LiveGraph;
import roost.procedures.viewer.EngagementHistory;
import roost.procedures.viewer.Viewer;
import roost.procedures.viewer.ViewerLoader;

/**
 * What a request about a viewer reads first, from the live graph: the viewer (the accounts and
 * tweets hidden from them, and the tweets they engaged with when asked) and their follow set,
 * heaviest first, weighted as the config's {@code weights} names. The viewer's engagement history
 * is read once for both (the tweets to leave out and RealGraph), and one engagement snapshot
 * serves the weighting and the request's cursor.
 */
public record ViewerFollows(Viewer viewer, FollowSet follows, EngagementSnapshot engagements) {
    /**
     * @param excludeEngaged also take the viewer's engaged tweets (to leave them out)
     * @param weights {@code 'realgraph'} or {@code 'uniform'} ({@link Weighers#of})
     * @throws roost.model.RoostException.NotFound for an unknown user
     */
    public static ViewerFollows load(
            Transaction tx, LiveGraph live, long userId, boolean excludeEngaged, String weights, int maxFollowees) {
        var histories = new EngagementHistory.PerRequest(tx);
        Viewer viewer = ViewerLoader.load(tx, live, userId, excludeEngaged, histories);
        EngagementSnapshot engagements = live.engagements();
        FollowSet follows = FollowSet.of(
                userId, live.follows(), Weighers.of(weights, tx, live.follows(), engagements, histories), maxFollowees);
        return new ViewerFollows(viewer, follows, engagements);
    }
}
