package roost.procedures.communities;

/**
 * Quality of a partition of a weighted undirected graph. O(nodes + edges).
 *
 * <ul>
 *   <li><b>modularity</b>: {@code sum_c [ in_c / 2m - (tot_c / 2m)^2 ]}, with {@code in_c} twice
 *       the weight inside community c, {@code tot_c} its total weighted degree, {@code m} the total
 *       weight (the definition GDS's {@code gds.modularity} uses);
 *   <li><b>conductance</b> of a community: weight leaving it over its total weighted degree; here
 *       the average over communities, weighted by their weighted degree;
 *   <li><b>coverage</b>: the share of edge weight that falls inside communities.
 * </ul>
 * Nodes with community {@code -1} belong to none: their edges count as leaving.
 */
public record PartitionQuality(double modularity, double conductance, double coverage) {
    public static PartitionQuality of(SimilarityGraph g, int[] community, int communities) {
        double[] inside = new double[communities];
        double[] total = new double[communities];
        double m = 0;
        double within = 0;
        for (int e = 0; e < g.edges(); e++) {
            double w = g.weight()[e];
            int a = community[g.source()[e]];
            int b = community[g.target()[e]];
            m += w;
            if (a >= 0) {
                total[a] += w;
            }
            if (b >= 0) {
                total[b] += w;
            }
            if (a >= 0 && a == b) {
                inside[a] += 2 * w;
                within += w;
            }
        }
        if (m == 0) {
            return new PartitionQuality(0, 0, 0);
        }
        double q = 0;
        double conductanceSum = 0;
        double volume = 0;
        for (int c = 0; c < communities; c++) {
            q += inside[c] / (2 * m) - (total[c] / (2 * m)) * (total[c] / (2 * m));
            if (total[c] > 0) {
                conductanceSum += total[c] - inside[c];
                volume += total[c];
            }
        }
        return new PartitionQuality(q, volume == 0 ? 0 : conductanceSum / volume, within / m);
    }
}
