package roost.importer.load;

import java.util.LinkedHashMap;
import java.util.Map;
import roost.model.Labels;
import roost.model.Rel;

/** Counters of created nodes and relationships, without boxing per increment. */
final class Counts {
    private long users;
    private long tweets;
    private final long[] rels = new long[Rel.values().length];

    void user() {
        users++;
    }

    void tweet() {
        tweets++;
    }

    void nodes(String label, long n) {
        if (Labels.USER_NAME.equals(label)) {
            users += n;
        } else {
            tweets += n;
        }
    }

    void rel(Rel type) {
        rels[type.ordinal()]++;
    }

    void rels(Rel type, long n) {
        rels[type.ordinal()] += n;
    }

    ImportStats stats(String method, long rowsRead, long startNanos) {
        Map<String, Long> nodes = new LinkedHashMap<>();
        if (users > 0) {
            nodes.put(Labels.USER_NAME, users);
        }
        if (tweets > 0) {
            nodes.put(Labels.TWEET_NAME, tweets);
        }
        Map<String, Long> relationships = new LinkedHashMap<>();
        for (Rel r : Rel.values()) {
            if (rels[r.ordinal()] > 0) {
                relationships.put(r.name(), rels[r.ordinal()]);
            }
        }
        return new ImportStats(method, nodes, relationships, rowsRead, (System.nanoTime() - startNanos) / 1e9);
    }
}
