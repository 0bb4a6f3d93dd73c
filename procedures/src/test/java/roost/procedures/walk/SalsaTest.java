package roost.procedures.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.graph.TestGraph.LIKED;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.EngagementWalkGraph;
import roost.procedures.graph.TestGraph;

class SalsaTest {
    private static Map<Long, Integer> counts(NodeCounter c) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            out.put(c.id(i), c.count(i));
        }
        return out;
    }

    private static Salsa salsa(TestGraph g) {
        return new Salsa(new EngagementWalkGraph(g.e().cursor(), EngagementTypes.ALL));
    }

    private static Seeds seeds(long... ids) {
        double[] w = new double[ids.length];
        java.util.Arrays.fill(w, 1.0);
        return new Seeds(ids, w);
    }

    /** Users 1..6; tweet 100 is engaged by all of them, tweets 101..106 each by one. */
    private static TestGraph authorityGraph() {
        TestGraph g = new TestGraph();
        for (long u = 1; u <= 6; u++) {
            g.engage(u, 100, 50, LIKED).engage(u, 100 + u, 50, LIKED);
        }
        return g.publish();
    }

    @Test
    void aDominantAuthorityWins() {
        NodeCounter visits = salsa(authorityGraph()).run(seeds(1), new Salsa.Params(2000, 5, 0.3, 42), Guard.NONE);
        long best = -1;
        int bestCount = -1;
        for (int i = 0; i < visits.size(); i++) {
            if (visits.count(i) > bestCount) {
                best = visits.id(i);
                bestCount = visits.count(i);
            }
        }
        assertThat(best).isEqualTo(100);
        // Half of every user's edges lead to 100: about half of all tweet visits.
        assertThat((double) bestCount / visits.total()).isBetween(0.45, 0.55);
        // Every walk visits a tweet at steps 1, 3 and 5.
        assertThat(visits.total()).isEqualTo(3 * 2000);
    }

    @Test
    void seededRunsGiveExactlyTheSameVisits() {
        // 10 walks of length 5 from user 1 visit tweets 30 times; seed 7 gives exactly this.
        Map<Long, Integer> expected = Map.of(100L, 16, 101L, 12, 104L, 2);
        Salsa salsa = salsa(authorityGraph());
        Map<Long, Integer> first = counts(salsa.run(seeds(1), new Salsa.Params(10, 5, 0.3, 7), Guard.NONE));
        assertThat(first).isEqualTo(expected);
        // Another request on the same instance, then the first again: state was reset.
        salsa.run(seeds(2, 3), new Salsa.Params(500, 3, 0.5, 8), Guard.NONE);
        assertThat(counts(salsa.run(seeds(1), new Salsa.Params(10, 5, 0.3, 7), Guard.NONE)))
                .isEqualTo(expected);
        assertThat(counts(salsa(authorityGraph()).run(seeds(1), new Salsa.Params(10, 5, 0.3, 7), Guard.NONE)))
                .isEqualTo(expected);
    }

    @Test
    void resetProbabilityOneVisitsOnlyTheSeedsNeighbourhood() {
        // Seed 1 engaged with 10 and 11; 2 shares 10 and reaches 20; 3 shares 20 and reaches 30.
        TestGraph g = new TestGraph()
                .engage(1, 10, 50, LIKED)
                .engage(1, 11, 50, LIKED)
                .engage(2, 10, 50, LIKED)
                .engage(2, 20, 50, LIKED)
                .engage(3, 20, 50, LIKED)
                .engage(3, 30, 50, LIKED)
                .publish();
        NodeCounter always = salsa(g).run(seeds(1), new Salsa.Params(1000, 7, 1.0, 3), Guard.NONE);
        assertThat(counts(always).keySet()).containsOnly(10L, 11L);
        NodeCounter never = salsa(g).run(seeds(1), new Salsa.Params(1000, 7, 0.0, 3), Guard.NONE);
        assertThat(counts(never).keySet()).contains(10L, 11L, 20L, 30L);
    }

    @Test
    void walksArePerSeedInProportionToWeight() {
        TestGraph g = new TestGraph()
                .engage(1, 10, 50, LIKED)
                .engage(2, 20, 50, LIKED)
                .publish();
        NodeCounter visits = salsa(g).run(
                        new Seeds(new long[] {1, 2, 3}, new double[] {3, 1, 5}),
                        new Salsa.Params(400, 1, 0.3, 1),
                        Guard.NONE);
        // Seed 3 has no edges: its share goes to the others, 3:1.
        assertThat(counts(visits)).isEqualTo(Map.of(10L, 300, 20L, 100));
    }

    @Test
    void noSeedWithEdgesMeansNoWalks() {
        Salsa salsa = salsa(authorityGraph());
        NodeCounter visits = salsa.run(seeds(99), new Salsa.Params(100, 5, 0.3, 1), Guard.NONE);
        assertThat(visits.size()).isZero();
        assertThat(salsa.stats().walks()).isZero();
    }

    @Test
    void rejectsEvenLengths() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Salsa.Params(10, 4, 0.3, 1))
                .hasMessageContaining("odd");
    }
}
