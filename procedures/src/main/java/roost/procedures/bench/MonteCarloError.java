package roost.procedures.bench;

import it.unimi.dsi.fastutil.longs.Long2DoubleMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import roost.procedures.graph.EngagementGraph;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.EngagementWalkGraph;
import roost.procedures.graph.FollowGraph;
import roost.procedures.graph.FollowWalkGraph;
import roost.procedures.walk.ExactWalks;
import roost.procedures.walk.Guard;
import roost.procedures.walk.NodeCounter;
import roost.procedures.walk.PersonalizedPageRank;
import roost.procedures.walk.Salsa;
import roost.procedures.walk.Seeds;

/**
 * How far the Monte-Carlo scores of SALSA and personalized PageRank are from the exact answer
 * (the same walks' expected visit shares by power iteration, {@link ExactWalks}) as the number of
 * walks grows, on a small synthetic graph. Error = L1 distance between the score vectors (sum
 * over nodes of |estimate - exact|, between 0 and 2), and the largest error on one node; each
 * averaged over {@code repeats} seeds.
 */
public final class MonteCarloError {
    /** One line of the table. */
    public record Row(int walks, double salsaL1, double salsaMaxAbs, double pprL1, double pprMaxAbs) {}

    /**
     * @param graph the synthetic graph (small: the exact answer walks every reachable edge)
     * @param walkCounts the numbers of walks to try
     * @param repeats runs (seeds) averaged per number of walks
     */
    public static List<Row> run(SyntheticGraph graph, int[] walkCounts, int repeats) {
        EngagementGraph engagements = new EngagementGraph(new EngagementGraph.Settings(
                EngagementGraph.Settings.MAX_WINDOW, EngagementGraph.Settings.MAX_WINDOW, 1 << 16));
        graph.engagements(engagements::add);
        engagements.publish();
        FollowGraph follows = new FollowGraph();
        graph.follows(follows::add);
        follows.publish();

        // The viewer: the heaviest engager (user 1) with their followees as seeds.
        long viewer = 1;
        long[] followees = follows.snapshot().followeeIds(viewer);
        long[] ids = new long[followees.length + 1];
        double[] weights = new double[ids.length];
        ids[0] = viewer;
        weights[0] = 1;
        for (int i = 0; i < followees.length; i++) {
            ids[i + 1] = followees[i];
            weights[i + 1] = 1;
        }
        Seeds seeds = new Seeds(ids, weights);
        Salsa.Params salsaShape = new Salsa.Params(1, 5, 0.3, 0);
        PersonalizedPageRank.Params pprShape = new PersonalizedPageRank.Params(1, 10, 0.15, 0);
        var bipartite = new EngagementWalkGraph(engagements.snapshot().cursor(), EngagementTypes.ALL);
        Long2DoubleMap salsaExact = ExactWalks.salsa(bipartite, seeds, salsaShape);
        Long2DoubleMap pprExact =
                ExactWalks.personalizedPageRank(new FollowWalkGraph(follows.snapshot()), viewer, pprShape);

        List<Row> rows = new ArrayList<>();
        Salsa salsa = new Salsa(bipartite);
        PersonalizedPageRank ppr = new PersonalizedPageRank(new FollowWalkGraph(follows.snapshot()));
        for (int walks : walkCounts) {
            double[] s = new double[2];
            double[] p = new double[2];
            for (int r = 0; r < repeats; r++) {
                add(s, error(salsa.run(seeds, new Salsa.Params(walks, 5, 0.3, r), Guard.NONE), salsaExact));
                add(
                        p,
                        error(
                                ppr.run(viewer, new PersonalizedPageRank.Params(walks, 10, 0.15, r), Guard.NONE),
                                pprExact));
            }
            rows.add(new Row(walks, s[0] / repeats, s[1] / repeats, p[0] / repeats, p[1] / repeats));
        }
        return rows;
    }

    private static void add(double[] into, double[] e) {
        into[0] += e[0];
        into[1] += e[1];
    }

    /** {L1, max abs} between the visit shares and the exact shares. */
    static double[] error(NodeCounter visits, Long2DoubleMap exact) {
        LongOpenHashSet nodes = new LongOpenHashSet(exact.keySet());
        for (int i = 0; i < visits.size(); i++) {
            nodes.add(visits.id(i));
        }
        double total = visits.total();
        double l1 = 0;
        double max = 0;
        var it = nodes.iterator();
        while (it.hasNext()) {
            long node = it.nextLong();
            double d = Math.abs(visits.get(node) / total - exact.getOrDefault(node, 0.0));
            l1 += d;
            max = Math.max(max, d);
        }
        return new double[] {l1, max};
    }

    /** Prints the table for a 2,000-user graph: {@code java ... roost.procedures.bench.MonteCarloError}. */
    public static void main(String[] args) {
        SyntheticGraph graph = new SyntheticGraph(
                2000, 20, 20_000, 0.3, 1_341_360_000_000L, Duration.ofHours(24).toMillis(), 7);
        System.out.println("| walks | SALSA L1 | SALSA max | PPR L1 | PPR max |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (Row r : run(graph, new int[] {100, 300, 1_000, 3_000, 10_000, 30_000, 100_000}, 5)) {
            System.out.printf(
                    java.util.Locale.ROOT,
                    "| %,d | %.3f | %.4f | %.3f | %.4f |%n",
                    r.walks(),
                    r.salsaL1(),
                    r.salsaMaxAbs(),
                    r.pprL1(),
                    r.pprMaxAbs());
        }
    }
}
