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
 * seed gives the same answer every time; the edges drawn in a step are read together, after all
 * are drawn. An edge for which the graph answers {@link BipartiteWalkGraph#NONE} (deleted or
 * filtered) is redrawn up to 8 times, then the step is lost (counted in the stats) and the walk
 * resets.
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
    // The walks of one step, in the passes of advance: the node each is on, then its edge.
    private int[] walkNode = new int[0];
    private long[] walkEdge = new long[0];
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
        advance(left, reset, true, resetTo, seeds);
        // Seeds have edges, so a reset walk always steps (unless every draw is filtered): the
        // walks that cannot are lost, not reset again.
        advance(resetTo, 0, true, null, seeds);
    }

    private void rightToLeft(Seeds seeds) {
        left.clear();
        graph.prepareRight(right.idArray(), right.size());
        advance(right, 0, false, left, seeds);
    }

    /**
     * Moves the walks on the nodes of {@code from} one step, into {@link #right} from the left
     * side or into {@link #left} from the right. In three passes, so that the reads of the edges,
     * most of them cache misses, do not wait on one another: each walk's edge is drawn and
     * located (the node's slices are at hand), then the edges are read, then the walks are
     * counted where they arrived. First, each walk goes back to a seed with probability {@code
     * reset}. Walks that cannot step (no edge, or every redraw filtered) go back to a seed too,
     * into {@code backTo}, or are dropped when it is null.
     */
    private void advance(NodeCounter from, double reset, boolean fromLeft, NodeCounter backTo, Seeds seeds) {
        NodeCounter next = fromLeft ? right : left;
        int walking = 0;
        for (int i = 0; i < from.size(); i++) {
            walking += from.count(i);
        }
        if (walkEdge.length < walking) {
            walkNode = new int[walking];
            walkEdge = new long[walking];
        }
        int m = 0;
        for (int i = 0; i < from.size(); i++) {
            int walks = from.count(i);
            int back = reset > 0 ? binomial(walks, reset) : 0;
            walks -= back;
            if (walks > 0) {
                loads++;
                long degree = fromLeft ? graph.loadLeft(from.id(i)) : graph.loadRight(from.id(i));
                if (degree == 0) {
                    back += walks;
                } else {
                    for (int w = 0; w < walks; w++) {
                        walkNode[m] = i;
                        walkEdge[m++] = graph.locate(degree == 1 ? 0 : random.nextLong(degree));
                    }
                }
            }
            sendBack(back, backTo, seeds);
        }
        for (int j = 0; j < m; j++) {
            walkEdge[j] = graph.neighbourAt(walkEdge[j]);
        }
        for (int j = 0; j < m; j++) {
            long target = walkEdge[j];
            if (target == BipartiteWalkGraph.NONE) {
                target = redraw(from.id(walkNode[j]), fromLeft);
            }
            if (target == BipartiteWalkGraph.NONE) {
                lost++;
                sendBack(1, backTo, seeds);
            } else {
                next.add(target, 1);
                steps++;
            }
        }
    }

    /** Draws up to {@link #REDRAWS} more edges of a node whose drawn edge must not be taken. */
    private long redraw(long node, boolean fromLeft) {
        long degree = fromLeft ? graph.loadLeft(node) : graph.loadRight(node);
        long target = BipartiteWalkGraph.NONE;
        for (int attempt = 0; attempt < REDRAWS && target == BipartiteWalkGraph.NONE; attempt++) {
            target = graph.neighbour(degree == 1 ? 0 : random.nextLong(degree));
        }
        return target;
    }

    /** Sends {@code walks} walks back to seeds drawn by weight, into {@code backTo} (none if null). */
    private void sendBack(int walks, NodeCounter backTo, Seeds seeds) {
        if (backTo == null) {
            return;
        }
        for (int r = 0; r < walks; r++) {
            backTo.add(seeds.draw(random), 1);
        }
        resets += walks;
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
