package roost.procedures.realgraph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * A RealGraph model and how it was made. Saved with the database as the properties of one
 * {@code (:RoostModel {name: 'realgraph'})} node, so it travels with backups and dumps.
 *
 * @param model the logistic regression
 * @param halfLifeMillis decay half-life of the count features
 * @param labelPeriodMillis the "next period" the label looked at
 * @param trainedAt wall-clock time of training (epoch ms), 0 for the prior
 * @param dataTime data time the features were computed at in training (epoch ms)
 * @param auc held-out AUC, NaN for the prior
 * @param trained whether this was trained on data ({@code false}: the built-in prior)
 */
public record RealGraphModel(
        LogisticModel model,
        long halfLifeMillis,
        long labelPeriodMillis,
        long trainedAt,
        long dataTime,
        double auc,
        boolean trained) {
    public static final Label LABEL = roost.model.Labels.MODEL;
    public static final String NAME = "realgraph";
    private static final long DAY = 86_400_000L;

    /**
     * The model used until one is trained: hand-set weights that rank following, replies and
     * retweets above likes, and likes above clicks (the original's light-ranker label weights).
     */
    public static RealGraphModel prior() {
        double[] w = new double[Features.COUNT];
        w[Features.FOLLOWS] = 1.0;
        w[Features.FOLLOWED_BY] = 0.5;
        String[] types = {
            "LIKED", "RETWEETED", "REPLIED", "QUOTED", "CLICKED", "PROFILE_CLICKED", "VIDEO_VIEWED", "DWELLED"
        };
        double[] typeWeights = {1.0, 1.5, 2.0, 1.5, 0.3, 1.0, 0.1, 0.1};
        for (int i = 0; i < types.length; i++) {
            w[Features.FIRST_TYPE + roost.procedures.graph.EngagementTypes.code(types[i])] = typeWeights[i];
        }
        w[Features.RECENCY] = 1.0;
        double[] mean = new double[Features.COUNT];
        double[] scale = new double[Features.COUNT];
        Arrays.fill(scale, 1.0);
        return new RealGraphModel(new LogisticModel(-2.0, w, mean, scale), 7 * DAY, DAY, 0, 0, Double.NaN, false);
    }

    /** The saved model, or the prior when none was trained. */
    public static RealGraphModel load(Transaction tx) {
        Node node = tx.findNode(LABEL, "name", NAME);
        if (node == null) {
            return prior();
        }
        Map<String, Object> p = node.getAllProperties();
        List<String> names = Arrays.asList((String[]) p.get("features"));
        if (!names.equals(Features.names())) {
            // Saved by a version with other features: not usable, fall back rather than mis-score.
            return prior();
        }
        return new RealGraphModel(
                new LogisticModel(
                        (double) p.get("bias"), (double[]) p.get("weights"), (double[]) p.get("mean"), (double[])
                                p.get("scale")),
                (long) p.get("halfLifeMillis"),
                (long) p.get("labelPeriodMillis"),
                (long) p.get("trainedAt"),
                (long) p.get("dataTime"),
                (double) p.get("auc"),
                true);
    }

    /** Saves (replaces) the model node. */
    public void save(Transaction tx) {
        Node node = tx.findNode(LABEL, "name", NAME);
        if (node == null) {
            node = tx.createNode(LABEL);
            node.setProperty("name", NAME);
        }
        node.setProperty("features", Features.names().toArray(new String[0]));
        node.setProperty("bias", model.bias());
        node.setProperty("weights", model.weights());
        node.setProperty("mean", model.mean());
        node.setProperty("scale", model.scale());
        node.setProperty("halfLifeMillis", halfLifeMillis);
        node.setProperty("labelPeriodMillis", labelPeriodMillis);
        node.setProperty("trainedAt", trainedAt);
        node.setProperty("dataTime", dataTime);
        node.setProperty("auc", auc);
    }
}
