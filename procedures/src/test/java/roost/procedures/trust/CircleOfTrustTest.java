package roost.procedures.trust;

import static org.assertj.core.api.Assertions.assertThat;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.junit.jupiter.api.Test;
import roost.procedures.graph.TestGraph;
import roost.procedures.viewer.Viewer;
import roost.procedures.walk.Guard;
import roost.procedures.walk.PersonalizedPageRank;
import roost.procedures.walk.WalkStats;

class CircleOfTrustTest {
    private static final long VIEWER = 1;

    /** 1 follows 2, 3, 4; 2 follows 5 and 7; 5 follows 6; 6 follows 1 and 7. */
    private static TestGraph graph() {
        return new TestGraph()
                .follow(VIEWER, 2, 3, 4)
                .follow(2, 5, 7)
                .follow(5, 6)
                .follow(6, VIEWER, 7)
                .publish();
    }

    /** Everything a result holds but the time taken. */
    private static String show(CircleOfTrust.Result r) {
        WalkStats s = r.stats();
        return r.items() + " viewer " + r.viewerScore() + " walks " + s.walks() + " steps " + s.steps()
                + " resets " + s.resets() + " lost " + s.lost() + " loads " + s.nodesVisited() + " candidates "
                + s.candidates();
    }

    @Test
    void aReusedInstanceAnswersAsAFreshOne() {
        TestGraph g = graph();
        // Viewer 1 hides 7.
        Viewer viewer =
                new Viewer(VIEWER, new LongOpenHashSet(new long[] {7}), new LongOpenHashSet(), new LongOpenHashSet());
        var params = new CircleOfTrust.Params(new PersonalizedPageRank.Params(5000, 8, 0.15, 3), 5);
        // Viewer 5, with other walks and another limit, in between.
        var other = new CircleOfTrust.Params(new PersonalizedPageRank.Params(2000, 4, 0.3, 4), 3);

        CircleOfTrust circle = new CircleOfTrust(g.f());
        String first = show(circle.run(viewer, params, Guard.NONE));
        String between = show(circle.run(Viewer.of(5), other, Guard.NONE));
        String again = show(circle.run(viewer, params, Guard.NONE));
        String fresh = show(new CircleOfTrust(g.f()).run(viewer, params, Guard.NONE));

        assertThat(first).startsWith("[Item[userId=");
        assertThat(between).isNotEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
    }
}
