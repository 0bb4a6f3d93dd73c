package roost.procedures.earlybird;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;
import roost.model.Labels;
import roost.model.Props;
import roost.retrieval.earlybird.TweetDoc;

/**
 * Feeds committed transactions to the Earlybird index. Before commit, inside the transaction, it
 * reads the tweets created or changed (the whole document), the tweets deleted (their ids), and
 * for each tweet that gained or lost an engagement its counts (degrees, so the transaction's own
 * changes are included); after commit it hands the batch, with Neo4j's transaction id, to the
 * writer. Every committed transaction is handed on, also one that changes nothing here, so the
 * writer knows the last transaction it has seen.
 *
 * <p>Cost inside a writing transaction: one pass over its created and deleted nodes and
 * relationships, plus per touched tweet one document read or eight degree reads.
 *
 * <p>Counts are absolute values read before commit; two transactions engaging with the same tweet
 * at the same moment can hand them on in the other order, leaving the older count until the next
 * engagement with that tweet or a rebuild.
 */
final class EarlybirdListener implements TransactionEventListener<EarlybirdBatch> {
    private final Consumer<EarlybirdBatch> sink;

    EarlybirdListener(Consumer<EarlybirdBatch> sink) {
        this.sink = sink;
    }

    @Override
    public EarlybirdBatch beforeCommit(TransactionData data, Transaction tx, GraphDatabaseService db) {
        EarlybirdBatch batch = new EarlybirdBatch();
        Set<Node> upsert = new HashSet<>();
        for (Node n : data.createdNodes()) {
            if (n.hasLabel(Labels.TWEET)) {
                upsert.add(n);
            }
        }
        for (PropertyEntry<Node> e : data.assignedNodeProperties()) {
            if (!data.isDeleted(e.entity()) && e.entity().hasLabel(Labels.TWEET)) {
                upsert.add(e.entity());
            }
        }
        for (LabelEntry e : data.assignedLabels()) {
            if (e.label().equals(Labels.TWEET)) {
                upsert.add(e.node());
            }
        }
        Map<Long, Long> followers = new HashMap<>();
        for (Node n : upsert) {
            Long author = TweetReader.longProp(n, Props.AUTHOR_ID);
            TweetDoc doc = TweetReader.read(
                    n, author == null ? 0 : followers.computeIfAbsent(author, a -> TweetReader.followers(tx, a)));
            if (doc != null) {
                batch.upserts.add(doc);
            }
        }
        Map<String, Long> removedIds = null;
        for (LabelEntry e : data.removedLabels()) {
            if (e.label().equals(Labels.TWEET)) {
                Long id;
                if (data.isDeleted(e.node())) {
                    removedIds = removedIds == null ? removedIds(data) : removedIds;
                    id = removedIds.get(e.node().getElementId());
                } else {
                    id = TweetReader.longProp(e.node(), Props.ID);
                }
                if (id != null) {
                    batch.deletes.add(id);
                }
            }
        }
        engagements(data, data.createdRelationships(), batch, upsert);
        engagements(data, data.deletedRelationships(), batch, upsert);
        return batch;
    }

    private static void engagements(
            TransactionData data, Iterable<Relationship> rels, EarlybirdBatch batch, Set<Node> upsert) {
        for (Relationship r : rels) {
            if (TweetReader.engagementOf(r.getType().name()) == null) {
                continue;
            }
            Node tweet = r.getEndNode();
            if (data.isDeleted(tweet) || upsert.contains(tweet)) {
                continue;
            }
            if (!data.isDeleted(r) && r.getProperty(Props.CREATED_AT, null) instanceof Number t) {
                batch.newestEngagement = Math.max(batch.newestEngagement, t.longValue());
            }
            Long id = TweetReader.longProp(tweet, Props.ID);
            if (id != null && !batch.counts.containsKey(id)) {
                batch.counts.put(id, TweetReader.counts(tweet));
            }
        }
    }

    private static Map<String, Long> removedIds(TransactionData data) {
        Map<String, Long> ids = new HashMap<>();
        for (PropertyEntry<Node> e : data.removedNodeProperties()) {
            if (e.key().equals(Props.ID) && e.previouslyCommittedValue() instanceof Number n) {
                ids.put(e.entity().getElementId(), n.longValue());
            }
        }
        return ids;
    }

    @Override
    public void afterCommit(TransactionData data, EarlybirdBatch batch, GraphDatabaseService db) {
        if (batch != null) {
            batch.transactionId = data.getTransactionId();
            sink.accept(batch);
        }
    }

    @Override
    public void afterRollback(TransactionData data, EarlybirdBatch batch, GraphDatabaseService db) {
        // Nothing was handed on before commit.
    }
}
