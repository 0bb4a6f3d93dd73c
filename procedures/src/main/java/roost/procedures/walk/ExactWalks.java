package roost.procedures.walk;

import it.unimi.dsi.fastutil.longs.Long2DoubleLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2DoubleMap;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;

/**
 * The exact expected visit shares that {@link Salsa} and {@link PersonalizedPageRank} estimate by
 * sampling: the walk distributions propagated step by step (power iteration over the same steps,
 * resets and dangling rules). For measuring Monte-Carlo error on small graphs: cost O(steps x
 * edges reached), memory O(nodes reached).
 */
public final class ExactWalks {
    private ExactWalks() {}

    /** Expected share of right-side visits per right node for {@link Salsa} with these seeds and params. */
    public static Long2DoubleMap salsa(BipartiteWalkGraph graph, Seeds seeds, Salsa.Params params) {
        // Seeds with edges, by weight.
        Long2DoubleLinkedOpenHashMap start = new Long2DoubleLinkedOpenHashMap();
        double total = 0;
        for (int i = 0; i < seeds.size(); i++) {
            if (validDegree(graph, seeds.id(i), true) > 0) {
                start.addTo(seeds.id(i), seeds.weight(i));
                total += seeds.weight(i);
            }
        }
        Long2DoubleOpenHashMap visits = new Long2DoubleOpenHashMap();
        if (total == 0) {
            return visits;
        }
        for (var e : start.long2DoubleEntrySet()) {
            e.setValue(e.getDoubleValue() / total);
        }
        Long2DoubleOpenHashMap left = new Long2DoubleOpenHashMap(start);
        Long2DoubleOpenHashMap right = new Long2DoubleOpenHashMap();
        for (int step = 1; step <= params.length(); step++) {
            if (step % 2 == 1) {
                double reset = step == 1 ? 0 : params.resetProbability();
                Long2DoubleOpenHashMap from = new Long2DoubleOpenHashMap();
                double back = 0;
                for (var e : left.long2DoubleEntrySet()) {
                    from.addTo(e.getLongKey(), e.getDoubleValue() * (1 - reset));
                    back += e.getDoubleValue() * reset;
                }
                right = new Long2DoubleOpenHashMap();
                double dangling = spread(graph, from, right, true);
                back += dangling;
                Long2DoubleOpenHashMap fromSeeds = new Long2DoubleOpenHashMap();
                for (var e : start.long2DoubleEntrySet()) {
                    fromSeeds.addTo(e.getLongKey(), e.getDoubleValue() * back);
                }
                spread(graph, fromSeeds, right, true);
                for (var e : right.long2DoubleEntrySet()) {
                    visits.addTo(e.getLongKey(), e.getDoubleValue());
                }
            } else {
                left = new Long2DoubleOpenHashMap();
                double dangling = spread(graph, right, left, false);
                for (var e : start.long2DoubleEntrySet()) {
                    left.addTo(e.getLongKey(), e.getDoubleValue() * dangling);
                }
            }
        }
        return normalise(visits);
    }

    /** Expected share of visits per node for {@link PersonalizedPageRank} from {@code source}. */
    public static Long2DoubleMap personalizedPageRank(
            WalkGraph graph, long source, PersonalizedPageRank.Params params) {
        Long2DoubleOpenHashMap visits = new Long2DoubleOpenHashMap();
        Long2DoubleOpenHashMap current = new Long2DoubleOpenHashMap();
        current.put(source, 1.0);
        double reset = params.resetProbability();
        for (int step = 1; step <= params.steps(); step++) {
            Long2DoubleOpenHashMap next = new Long2DoubleOpenHashMap();
            double back = 0;
            for (var e : current.long2DoubleEntrySet()) {
                double mass = e.getDoubleValue();
                back += mass * reset;
                double moving = mass * (1 - reset);
                long degree = graph.load(e.getLongKey());
                if (degree == 0) {
                    back += moving;
                    continue;
                }
                for (long k = 0; k < degree; k++) {
                    next.addTo(graph.neighbour(k), moving / degree);
                }
            }
            next.addTo(source, back);
            for (var e : next.long2DoubleEntrySet()) {
                visits.addTo(e.getLongKey(), e.getDoubleValue());
            }
            current = next;
        }
        return normalise(visits);
    }

    /** Moves mass one step (uniform over valid edges); returns the mass of nodes without a valid edge. */
    private static double spread(BipartiteWalkGraph graph, Long2DoubleMap from, Long2DoubleMap to, boolean fromLeft) {
        double dangling = 0;
        for (var e : from.long2DoubleEntrySet()) {
            long node = e.getLongKey();
            long valid = validDegree(graph, node, fromLeft);
            if (valid == 0) {
                dangling += e.getDoubleValue();
                continue;
            }
            long degree = fromLeft ? graph.loadLeft(node) : graph.loadRight(node);
            for (long k = 0; k < degree; k++) {
                long target = graph.neighbour(k);
                if (target != BipartiteWalkGraph.NONE) {
                    to.merge(target, e.getDoubleValue() / valid, Double::sum);
                }
            }
        }
        return dangling;
    }

    private static long validDegree(BipartiteWalkGraph graph, long node, boolean left) {
        long degree = left ? graph.loadLeft(node) : graph.loadRight(node);
        long valid = 0;
        for (long k = 0; k < degree; k++) {
            if (graph.neighbour(k) != BipartiteWalkGraph.NONE) {
                valid++;
            }
        }
        return valid;
    }

    private static Long2DoubleMap normalise(Long2DoubleOpenHashMap visits) {
        double sum = 0;
        for (double v : visits.values()) {
            sum += v;
        }
        if (sum > 0) {
            for (var e : visits.long2DoubleEntrySet()) {
                e.setValue(e.getDoubleValue() / sum);
            }
        }
        return visits;
    }
}
