package roost.procedures.earlybird;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import roost.model.Labels;
import roost.retrieval.earlybird.LightRanker;

/**
 * The light ranker's weights saved with the database, on {@code (:RoostModel {name: 'lightranker'})}
 * (the model's own string form plus {@code auc}, {@code trainedAt}). Until one is trained, or when
 * the saved one has another format or feature list, the hand-set {@link LightRanker#fallback()}
 * is used.
 */
public final class LightRankerStore {
    public static final String NAME = "lightranker";
    private static final String PREFIX = "model.";

    private LightRankerStore() {}

    public static LightRanker load(Transaction tx) {
        Node node = tx.findNode(Labels.MODEL, "name", NAME);
        if (node == null) {
            return LightRanker.fallback();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : node.getAllProperties().entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                m.put(e.getKey().substring(PREFIX.length()), String.valueOf(e.getValue()));
            }
        }
        try {
            return LightRanker.fromMap(m);
        } catch (RuntimeException e) {
            return LightRanker.fallback();
        }
    }

    /** The version the next trained model gets: one more than the saved one's. */
    public static long nextVersion(Transaction tx) {
        Node node = tx.findNode(Labels.MODEL, "name", NAME);
        return node == null ? 1 : load(tx).version() + 1;
    }

    /** Saves (replaces) the model. */
    public static void save(Transaction tx, LightRanker model, double auc, long trainedAt) {
        Node node = tx.findNode(Labels.MODEL, "name", NAME);
        if (node == null) {
            node = tx.createNode(Labels.MODEL);
            node.setProperty("name", NAME);
        }
        for (String key : node.getPropertyKeys()) {
            if (key.startsWith(PREFIX)) {
                node.removeProperty(key);
            }
        }
        for (Map.Entry<String, String> e : model.toMap().entrySet()) {
            node.setProperty(PREFIX + e.getKey(), e.getValue());
        }
        node.setProperty("auc", auc);
        node.setProperty("trainedAt", trainedAt);
    }
}
