package roost.procedures.communities;

/**
 * The producer-producer similarity graph: producers by local index ({@code 0..producers-1}, each
 * mapped to a user index of the {@link FollowData}), and undirected weighted edges, each listed
 * once with {@code source < target}.
 */
public record SimilarityGraph(int[] producerUsers, int[] source, int[] target, double[] weight) {
    public int producers() {
        return producerUsers.length;
    }

    public int edges() {
        return source.length;
    }

    /** Weighted degree of every producer (an edge counts for both ends). */
    public double[] strengths() {
        double[] s = new double[producers()];
        for (int e = 0; e < source.length; e++) {
            s[source[e]] += weight[e];
            s[target[e]] += weight[e];
        }
        return s;
    }
}
