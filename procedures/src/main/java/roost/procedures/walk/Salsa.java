package roost.procedures.walk;

import java.util.SplittableRandom;

/**
 * SALSA by Monte-Carlo random walks on a bipartite graph (after GraphJet): walks start on the
 * left side at the seeds, in numbers proportional to seed weight, and alternate left -> right ->
 * left ...; before every left -> right step but the first, each walk goes back to a seed (drawn by
 * weight) with the reset probability. A left node with no edge sends its walks back to the seeds
 * too. The score of a right node is its share of all right-side visits.
 *
 * <p>Walks move in aggregate: the state is "node -> walks here", every node's walks are advanced
 * together (one load of the node, then one draw per walk), nodes in first-visit order so that a
 * seed gives the same answer every time. An edge for which the graph answers
 * {@link BipartiteWalkGraph#NONE} (deleted or filtered) is redrawn up to 8 times, then the step
 * is lost (counted in the stats) and the walk resets.
 *
 * <p>Cost: O(walks x length) draws, plus one load (one lookup per segment) per distinct node and
 * step. Memory: O(distinct nodes visited). Not thread-safe: one instance per request; reusing it
 * gives the same answer for the same input (state is cleared at the start of every run).
 */
public final class Salsa {
    private static final int REDRAWS = 8;

    /**
     * @param walks number of walks, at least 1
     * @param length steps per walk; odd, so that walks end on the right side
     * @param resetProbability chance, before each left -> right step but the first, to go back to a seed
     * @param seed random seed
     */
    public record Params(int walks, int length, double resetProbability, long seed) {
        public Params {
            if (walks < 1) {
                throw new IllegalArgumentException("walks must be >= 1, was " + walks);
            }
            if (length < 1 || length % 2 == 0) {
                throw new IllegalArgumentException("length must be odd and >= 1, was " + length);
            }
            if (!(resetProbability >= 0 && resetProbability <= 1)) {
                throw new IllegalArgumentException("resetProbability must be in [0, 1], was " + resetProbability);
            }
        }
    }

    private final BipartiteWalkGraph graph;
    private final NodeCounter left = new NodeCounter();
    private final NodeCounter right = new NodeCounter();
    private final NodeCounter resetTo = new NodeCounter();
    private final NodeCounter visits = new NodeCounter();
    private SplittableRandom random;
    private long steps;
    private long resets;
    private long lost;
    private long loads;
    private WalkStats stats = new WalkStats(0, 0, 0, 0, 0, 0, 0);
    private int walkableSeeds;

    public Salsa(BipartiteWalkGraph graph) {
        this.graph = graph;
    }

    /**
     * Runs the walks; the returned counter holds visits per right node (valid until the next run).
     *
     * @param seeds where walks start and reset; seeds without edges get no walks (their share goes
     *     to the others)
     */
    public NodeCounter run(Seeds seeds, Params params, Guard guard) {
        long t0 = System.nanoTime();
        left.clear();
        right.clear();
        resetTo.clear();
        visits.clear();
        // Sized once for the walks (nodes per step <= walks): no rehashing while they run.
        int expected = Math.min(params.walks(), 1 << 16);
        left.expect(expected);
        right.expect(expected);
        visits.expect(Math.min(2 * expected, 1 << 17));
        random = new SplittableRandom(params.seed());
        steps = 0;
        resets = 0;
        lost = 0;
        loads = 0;

        Seeds walkable = walkable(seeds);
        walkableSeeds = walkable.size();
        if (walkable.size() > 0) {
            int[] perSeed = walkable.apportion(params.walks());
            for (int i = 0; i < walkable.size(); i++) {
                if (perSeed[i] > 0) {
                    left.add(walkable.id(i), perSeed[i]);
                }
            }
            for (int step = 1; step <= params.length(); step++) {
                guard.check();
                if (step % 2 == 1) {
                    leftToRight(walkable, step == 1 ? 0 : params.resetProbability());
                    for (int i = 0; i < right.size(); i++) {
                        visits.add(right.id(i), right.count(i));
                    }
                } else {
                    rightToLeft(walkable);
                }
            }
        }
        stats = new WalkStats(
                walkable.size() == 0 ? 0 : params.walks(),
                steps,
                resets,
                lost,
                loads,
                visits.size(),
                (System.nanoTime() - t0) / 1000);
        return visits;
    }

    /** Seeds with edges in the last run (those that got walks). */
    public int walkableSeeds() {
        return walkableSeeds;
    }

    /** Stats of the last run. */
    public WalkStats stats() {
        return stats;
    }

    private Seeds walkable(Seeds seeds) {
        long[] ids = new long[seeds.size()];
        double[] weights = new double[seeds.size()];
        for (int i = 0; i < seeds.size(); i++) {
            ids[i] = seeds.id(i);
        }
        graph.prepareLeft(ids, ids.length);
        for (int i = 0; i < seeds.size(); i++) {
            loads++;
            weights[i] = graph.loadLeft(ids[i]) > 0 ? seeds.weight(i) : 0;
        }
        return new Seeds(ids, weights);
    }

    private void leftToRight(Seeds seeds, double reset) {
        right.clear();
        resetTo.clear();
        graph.prepareLeft(left.idArray(), left.size());
        for (int i = 0; i < left.size(); i++) {
            long node = left.id(i);
            int walks = left.count(i);
            int back = reset > 0 ? binomial(walks, reset) : 0;
            walks -= back;
            if (walks > 0) {
                back += stepFrom(node, walks, true);
            }
            for (int r = 0; r < back; r++) {
                resetTo.add(seeds.draw(random), 1);
            }
            resets += back;
        }
        for (int i = 0; i < resetTo.size(); i++) {
            // Seeds have edges, so a reset walk always steps (unless every draw is filtered).
            stepFrom(resetTo.id(i), resetTo.count(i), true);
        }
    }

    private void rightToLeft(Seeds seeds) {
        left.clear();
        graph.prepareRight(right.idArray(), right.size());
        for (int i = 0; i < right.size(); i++) {
            int back = stepFrom(right.id(i), right.count(i), false);
            for (int r = 0; r < back; r++) {
                left.add(seeds.draw(random), 1);
            }
            resets += back;
        }
    }

    /** Advances {@code walks} walks from a node; returns how many could not step (to be reset). */
    private int stepFrom(long node, int walks, boolean fromLeft) {
        loads++;
        long degree = fromLeft ? graph.loadLeft(node) : graph.loadRight(node);
        if (degree == 0) {
            return walks;
        }
        NodeCounter next = fromLeft ? right : left;
        int failed = 0;
        for (int w = 0; w < walks; w++) {
            long target = BipartiteWalkGraph.NONE;
            for (int attempt = 0; attempt <= REDRAWS && target == BipartiteWalkGraph.NONE; attempt++) {
                target = graph.neighbour(degree == 1 ? 0 : random.nextLong(degree));
            }
            if (target == BipartiteWalkGraph.NONE) {
                lost++;
                failed++;
            } else {
                next.add(target, 1);
                steps++;
            }
        }
        return failed;
    }

    /** Binomial(n, p) by n Bernoulli draws: n is a node's walk count, small next to the request. */
    private int binomial(int n, double p) {
        if (p >= 1) {
            return n;
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
