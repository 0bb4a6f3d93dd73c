package roost.procedures.communities;

import java.util.ArrayList;
import java.util.List;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;
import roost.model.Props;
import roost.model.Rel;

/**
 * Keeps the {@link CommunityModel} current: before commit it reads the created {@code FOLLOWS}
 * and engagement relationships and the deleted {@code FOLLOWS} of the transaction (endpoint ids,
 * tweet author, time); after commit it applies them to the model, in the committing thread (each
 * is a few microseconds). A rolled-back transaction changes nothing. Deleted engagements are not
 * taken back (tweet vectors only grow until the next batch).
 */
final class CommunityListener implements TransactionEventListener<List<CommunityListener.Change>> {
    record Change(boolean follow, boolean added, long user, long target, long author, String type, long time) {}

    private final CommunityModel model;

    CommunityListener(CommunityModel model) {
        this.model = model;
    }

    @Override
    public List<Change> beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService db) {
        List<Change> changes = null;
        for (Relationship r : data.createdRelationships()) {
            String type = r.getType().name();
            boolean follow = type.equals(Rel.FOLLOWS.name());
            if (!follow && Rel.parse(type).filter(Rel::isEngagement).isEmpty()) {
                continue;
            }
            Long from = id(r.getStartNode());
            Node end = r.getEndNode();
            Long to = id(end);
            if (from == null || to == null) {
                continue;
            }
            long time = r.getProperty(Props.CREATED_AT, null) instanceof Number n ? n.longValue() : Long.MIN_VALUE;
            long author = follow
                    ? 0
                    : end.getProperty(Props.AUTHOR_ID, null) instanceof Number n ? n.longValue() : Long.MIN_VALUE;
            if (!follow && time == Long.MIN_VALUE) {
                continue;
            }
            (changes = changes == null ? new ArrayList<>() : changes)
                    .add(new Change(follow, true, from, to, author, type, time));
        }
        for (Relationship r : data.deletedRelationships()) {
            if (!r.getType().name().equals(Rel.FOLLOWS.name())
                    || data.isDeleted(r.getStartNode())
                    || data.isDeleted(r.getEndNode())) {
                continue;
            }
            Long from = id(r.getStartNode());
            Long to = id(r.getEndNode());
            if (from != null && to != null) {
                (changes = changes == null ? new ArrayList<>() : changes)
                        .add(new Change(true, false, from, to, 0, Rel.FOLLOWS.name(), 0));
            }
        }
        return changes;
    }

    @Override
    public void afterCommit(TransactionData data, List<Change> changes, GraphDatabaseService db) {
        if (changes == null) {
            return;
        }
        for (Change c : changes) {
            if (c.follow()) {
                model.follow(c.user(), c.target(), c.added());
            } else {
                model.engage(c.user(), c.target(), c.author(), c.type(), c.time());
            }
        }
    }

    @Override
    public void afterRollback(TransactionData data, List<Change> changes, GraphDatabaseService db) {
        // Nothing was applied before commit.
    }

    private static Long id(Node node) {
        return node.getProperty(Props.ID, null) instanceof Number n ? n.longValue() : null;
    }
}
