package roost.procedures.walk;

import java.util.SplittableRandom;

/**
 * Personalized PageRank by Monte-Carlo random walks with restart: all walks start at the source;
 * at every step each walk goes back to the source with the reset probability, else to a uniformly
 * drawn out-neighbour (a node without out-edges sends its walks back). Every position after a
 * step counts as a visit; a node's score is its share of all visits, which converges to its
 * personalized PageRank as walks x steps grow.
 *
 * <p>Walks move in aggregate (node -> walks here, nodes in first-visit order). Cost: O(walks x
 * steps) draws plus one load per distinct node and step. Not thread-safe: one instance per
 * request; every run starts from cleared state.
 */
public final class PersonalizedPageRank {
    /**
     * @param walks walks started at the source, at least 1
     * @param steps steps per walk, at least 1
     * @param resetProbability chance per step to go back to the source
     * @param seed random seed
     */
    public record Params(int walks, int steps, double resetProbability, long seed) {
        public Params {
            if (walks < 1) {
                throw new IllegalArgumentException("walks must be >= 1, was " + walks);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, was " + steps);
            }
            if (!(resetProbability >= 0 && resetProbability <= 1)) {
                throw new IllegalArgumentException("resetProbability must be in [0, 1], was " + resetProbability);
            }
        }
    }

    private final WalkGraph graph;
    private NodeCounter current = new NodeCounter();
    private NodeCounter next = new NodeCounter();
    private final NodeCounter visits = new NodeCounter();
    private WalkStats stats = new WalkStats(0, 0, 0, 0, 0, 0, 0);

    public PersonalizedPageRank(WalkGraph graph) {
        this.graph = graph;
    }

    /** Runs the walks; the returned counter (visits per node, the source included) is valid until the next run. */
    public NodeCounter run(long source, Params params, Guard guard) {
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(params.seed());
        current.clear();
        next.clear();
        visits.clear();
        long steps = 0;
        long resets = 0;
        long loads = 0;
        current.add(source, params.walks());
        for (int step = 1; step <= params.steps(); step++) {
            guard.check();
            next.clear();
            for (int i = 0; i < current.size(); i++) {
                long node = current.id(i);
                int walks = current.count(i);
                int back = 0;
                if (params.resetProbability() >= 1) {
                    back = walks;
                } else if (params.resetProbability() > 0) {
                    for (int w = 0; w < walks; w++) {
                        if (random.nextDouble() < params.resetProbability()) {
                            back++;
                        }
                    }
                }
                int moving = walks - back;
                if (moving > 0) {
                    loads++;
                    long degree = graph.load(node);
                    if (degree == 0) {
                        back += moving;
                    } else {
                        for (int w = 0; w < moving; w++) {
                            next.add(graph.neighbour(degree == 1 ? 0 : random.nextLong(degree)), 1);
                        }
                        steps += moving;
                    }
                }
                if (back > 0) {
                    next.add(source, back);
                    resets += back;
                }
            }
            for (int i = 0; i < next.size(); i++) {
                visits.add(next.id(i), next.count(i));
            }
            NodeCounter swap = current;
            current = next;
            next = swap;
        }
        stats = new WalkStats(params.walks(), steps, resets, 0, loads, visits.size(), (System.nanoTime() - t0) / 1000);
        return visits;
    }

    public WalkStats stats() {
        return stats;
    }
}
