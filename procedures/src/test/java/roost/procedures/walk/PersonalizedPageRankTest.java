package roost.procedures.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import roost.procedures.graph.FollowWalkGraph;
import roost.procedures.graph.TestGraph;

class PersonalizedPageRankTest {
    private static Map<Long, Integer> counts(NodeCounter c) {
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            out.put(c.id(i), c.count(i));
        }
        return out;
    }

    private static PersonalizedPageRank ppr(TestGraph g) {
        return new PersonalizedPageRank(new FollowWalkGraph(g.f()));
    }

    @Test
    void withoutResetsWalksFollowAChainExactly() {
        // 1 -> 2 -> 3, and 3 follows nobody: its walks go back to 1.
        TestGraph g = new TestGraph().follow(1, 2).follow(2, 3).publish();
        NodeCounter visits = ppr(g).run(1, new PersonalizedPageRank.Params(100, 7, 0.0, 1), Guard.NONE);
        // Steps: 2, 3, 1, 2, 3, 1, 2.
        assertThat(counts(visits)).isEqualTo(Map.of(1L, 200, 2L, 300, 3L, 200));
    }

    @Test
    void resetProbabilityOneNeverLeavesTheSource() {
        TestGraph g = new TestGraph().follow(1, 2, 3).follow(2, 3).publish();
        NodeCounter visits = ppr(g).run(1, new PersonalizedPageRank.Params(100, 5, 1.0, 1), Guard.NONE);
        assertThat(counts(visits)).isEqualTo(Map.of(1L, 500));
    }

    @Test
    void closerAccountsScoreHigherAndRerunsRepeat() {
        // 1 follows 2 and 3; 2 and 3 follow 4; 4 follows 5.
        TestGraph g = new TestGraph()
                .follow(1, 2, 3)
                .follow(2, 4)
                .follow(3, 4)
                .follow(4, 5)
                .publish();
        PersonalizedPageRank ppr = ppr(g);
        var params = new PersonalizedPageRank.Params(5000, 10, 0.15, 9);
        Map<Long, Integer> first = counts(ppr.run(1, params, Guard.NONE));
        assertThat(first.get(4L)).isGreaterThan(first.get(5L));
        assertThat(first.get(2L) + first.get(3L)).isGreaterThan(first.get(4L));
        ppr.run(4, new PersonalizedPageRank.Params(10, 3, 0.5, 2), Guard.NONE);
        assertThat(counts(ppr.run(1, params, Guard.NONE))).isEqualTo(first);
    }
}
