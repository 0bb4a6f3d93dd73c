package roost.procedures.realgraph;

import org.neo4j.graphdb.Transaction;
import roost.procedures.config.CommonConfig;
import roost.procedures.graph.EngagementSnapshot;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.FollowSnapshot;
import roost.procedures.viewer.EngagementHistory;

/** The followee weighting named by a procedure's {@code weights} config. */
public final class Weighers {
    private Weighers() {}

    /** @param histories where the viewer's engagements are read, shared with the rest of the request */
    public static FollowSet.Weigher of(
            String name,
            Transaction tx,
            FollowSnapshot follows,
            EngagementSnapshot engagements,
            EngagementHistory.PerRequest histories) {
        if (CommonConfig.UNIFORM.equals(name)) {
            return FollowSet.Weigher.UNIFORM;
        }
        return new RealGraphScorer(follows, RealGraphModel.load(tx), now(engagements), histories);
    }

    /** "Now" in data time: the newest engagement, or the wall clock when there is none. */
    public static long now(EngagementSnapshot engagements) {
        long newest = engagements.newestTime();
        return newest == Long.MIN_VALUE ? System.currentTimeMillis() : newest;
    }
}
