package roost.procedures.graph;

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
import roost.model.Rel;

/**
 * Feeds committed changes to the live graph. Before commit, inside the transaction, it reads what
 * the live graph needs from the created and deleted engagement, {@code FOLLOWS} and negative-signal
 * relationships (endpoint ids, tweet author, {@code createdAt}, whether a signal's target is a
 * tweet); after commit it hands that batch on; after a
 * rollback the batch is dropped. Relationships whose endpoints carry no {@code id} are ignored.
 *
 * <p>Cost inside a writing transaction: one pass over its created and deleted relationships, and
 * three property reads per engagement (one per follow). Transactions without such relationships
 * pay one pass and nothing else.
 */
final class LiveGraphListener implements TransactionEventListener<ChangeBatch> {
    private static final Rel[] NEGATIVE = Rel.ofKind(Rel.Kind.NEGATIVE).toArray(new Rel[0]);

    private final Consumer<ChangeBatch> sink;

    LiveGraphListener(Consumer<ChangeBatch> sink) {
        this.sink = sink;
    }

    @Override
    public ChangeBatch beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService db) {
        ChangeBatch batch = null;
        for (Relationship r : data.createdRelationships()) {
            String type = r.getType().name();
            if (type.equals(Rel.FOLLOWS.name())) {
                Long from = id(r.getStartNode(), data, null);
                Long to = id(r.getEndNode(), data, null);
                if (from != null && to != null) {
                    (batch = batch == null ? new ChangeBatch() : batch).follow(from, to);
                }
                continue;
            }
            Rel signal = signal(type);
            if (signal != null) {
                Long from = id(r.getStartNode(), data, null);
                Long to = id(r.getEndNode(), data, null);
                if (from != null && to != null) {
                    batch = batch == null ? new ChangeBatch() : batch;
                    signal(batch, signal, from, to, r.getEndNode().hasLabel(Labels.TWEET), false);
                }
                continue;
            }
            int code = EngagementTypes.code(type);
            if (code < 0) {
                continue;
            }
            Node tweetNode = r.getEndNode();
            Long user = id(r.getStartNode(), data, null);
            Long tweet = id(tweetNode, data, null);
            if (user == null || tweet == null) {
                continue;
            }
            long author = tweetNode.getProperty(Props.AUTHOR_ID, null) instanceof Number n
                    ? n.longValue()
                    : EdgeBuffer.UNKNOWN_AUTHOR;
            long time = r.getProperty(Props.CREATED_AT, null) instanceof Number n ? n.longValue() : ChangeBatch.NO_TIME;
            (batch = batch == null ? new ChangeBatch() : batch).addEngagement(user, tweet, author, code, time);
        }
        Map<String, Long> deletedNodeIds = null;
        Map<String, Long> deletedTimes = null;
        Set<String> deletedTweets = null;
        for (Relationship r : data.deletedRelationships()) {
            String type = r.getType().name();
            boolean follow = type.equals(Rel.FOLLOWS.name());
            Rel signal = follow ? null : signal(type);
            int code = follow || signal != null ? -1 : EngagementTypes.code(type);
            if (!follow && signal == null && code < 0) {
                continue;
            }
            if (deletedNodeIds == null) {
                deletedNodeIds = deletedNodeIds(data);
                deletedTimes = deletedCreatedAt(data);
                deletedTweets = deletedTweets(data);
            }
            Long from = id(r.getStartNode(), data, deletedNodeIds);
            Long to = id(r.getEndNode(), data, deletedNodeIds);
            if (from == null || to == null) {
                continue;
            }
            batch = batch == null ? new ChangeBatch() : batch;
            if (signal != null) {
                Node end = r.getEndNode();
                boolean tweet =
                        data.isDeleted(end) ? deletedTweets.contains(end.getElementId()) : end.hasLabel(Labels.TWEET);
                signal(batch, signal, from, to, tweet, true);
            } else if (follow) {
                batch.unfollow(from, to);
            } else {
                batch.deleteEngagement(
                        from, to, code, deletedTimes.getOrDefault(r.getElementId(), ChangeBatch.NO_TIME));
            }
        }
        return batch;
    }

    @Override
    public void afterCommit(TransactionData data, ChangeBatch batch, GraphDatabaseService db) {
        if (batch != null) {
            sink.accept(batch);
        }
    }

    @Override
    public void afterRollback(TransactionData data, ChangeBatch batch, GraphDatabaseService db) {
        // Nothing was queued before commit, so there is nothing to undo.
    }

    /** The negative-signal type named {@code type}, or null when it is none. */
    private static Rel signal(String type) {
        for (Rel r : NEGATIVE) {
            if (r.name().equals(type)) {
                return r;
            }
        }
        return null;
    }

    /** A hiding relationship: its target is hidden from its start, and a block also hides the blocker from the blocked. */
    private static void signal(ChangeBatch batch, Rel type, long from, long to, boolean tweet, boolean removed) {
        batch.signal(from, to, tweet, NegativeSignals.Kind.of(type), removed);
        if (type == Rel.BLOCKED && !tweet) {
            batch.signal(to, from, false, NegativeSignals.Kind.BLOCKED_BY, removed);
        }
    }

    /** Element ids of the tweet nodes deleted in this transaction. */
    private static Set<String> deletedTweets(TransactionData data) {
        Set<String> ids = new HashSet<>();
        for (LabelEntry e : data.removedLabels()) {
            if (e.label().name().equals(Labels.TWEET.name()) && data.isDeleted(e.node())) {
                ids.add(e.node().getElementId());
            }
        }
        return ids;
    }

    /** The {@code id} of a node, also when the node is deleted in this transaction. */
    private static Long id(Node node, TransactionData data, Map<String, Long> deletedNodeIds) {
        if (deletedNodeIds != null && data.isDeleted(node)) {
            return deletedNodeIds.get(node.getElementId());
        }
        return node.getProperty(Props.ID, null) instanceof Number n ? n.longValue() : null;
    }

    private static Map<String, Long> deletedNodeIds(TransactionData data) {
        Map<String, Long> ids = new HashMap<>();
        for (PropertyEntry<Node> e : data.removedNodeProperties()) {
            if (e.key().equals(Props.ID) && e.previouslyCommittedValue() instanceof Number n) {
                ids.put(e.entity().getElementId(), n.longValue());
            }
        }
        return ids;
    }

    private static Map<String, Long> deletedCreatedAt(TransactionData data) {
        Map<String, Long> times = new HashMap<>();
        for (PropertyEntry<Relationship> e : data.removedRelationshipProperties()) {
            if (e.key().equals(Props.CREATED_AT) && e.previouslyCommittedValue() instanceof Number n) {
                times.put(e.entity().getElementId(), n.longValue());
            }
        }
        return times;
    }
}
