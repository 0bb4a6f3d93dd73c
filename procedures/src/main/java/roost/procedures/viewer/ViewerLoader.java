package roost.procedures.viewer;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;
import it.unimi.dsi.fastutil.longs.LongSets;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;
import roost.model.RoostException;
import roost.procedures.graph.LiveGraph;
import roost.procedures.graph.NegativeSignals;

/**
 * Reads a {@link Viewer} from the database: one index lookup for the user, then the user's own
 * negative-signal relationships (and, when asked, engagements). Cost: O(those relationships).
 */
public final class ViewerLoader {
    private ViewerLoader() {}

    /**
     * Reads the viewer from the store.
     *
     * @param withEngaged also take the tweets the viewer engaged with (all history) from {@code
     *     history}, which the request shares with RealGraph (one read of the store for both)
     * @throws RoostException.NotFound when there is no {@code (:User {id: userId})}
     */
    public static Viewer load(Transaction tx, long userId, boolean withEngaged, EngagementHistory.PerRequest history) {
        Node user = requireUser(tx, userId);
        LongOpenHashSet authors = new LongOpenHashSet();
        LongOpenHashSet tweets = new LongOpenHashSet();
        for (Relationship r :
                user.getRelationships(Direction.OUTGOING, Rel.BLOCKED, Rel.MUTED, Rel.NOT_INTERESTED, Rel.REPORTED)) {
            Node target = r.getEndNode();
            if (!(target.getProperty(Props.ID, null) instanceof Number n)) {
                continue;
            }
            if (target.hasLabel(Labels.TWEET)) {
                tweets.add(n.longValue());
            } else {
                authors.add(n.longValue());
            }
        }
        for (Relationship r : user.getRelationships(Direction.INCOMING, Rel.BLOCKED)) {
            if (r.getStartNode().getProperty(Props.ID, null) instanceof Number n) {
                authors.add(n.longValue());
            }
        }
        return new Viewer(
                userId, authors, tweets, withEngaged ? engagedTweets(history.of(user, userId)) : LongSets.EMPTY_SET);
    }

    /**
     * As {@link #load(Transaction, long, boolean, EngagementHistory.PerRequest)}, with the blocks,
     * mutes and reports taken from the live graph when it has published all of them ({@link
     * LiveGraph#signalsCurrent()}), and the user known to exist when the live graph shows them
     * following someone; the store is read only for what the live graph cannot answer (the
     * viewer's engagements, an existence check for a user who follows nobody, signals still
     * queued, a transaction with changes of its own).
     *
     * <p>Differences from the store path, both short-lived: a user deleted a moment ago whose
     * unfollows are still queued is answered instead of not found; and the live graph takes a
     * signal's target kind (tweet or account) and ids as they were when the relationship was
     * created, so relabelling a node or changing its {@code id} while a block points at it
     * leaves the old entry until the live graph is next loaded.
     */
    public static Viewer load(
            Transaction tx, LiveGraph live, long userId, boolean withEngaged, EngagementHistory.PerRequest history) {
        if (!live.signalsCurrent() || hasOwnChanges(tx)) {
            return load(tx, userId, withEngaged, history);
        }
        if (!withEngaged && !live.follows().followsAnyone(userId)) {
            requireUser(tx, userId);
        }
        NegativeSignals.Snapshot signals = live.signals();
        return new Viewer(
                userId,
                set(signals.hiddenAuthors(userId)),
                set(signals.hiddenTweets(userId)),
                withEngaged ? engagedTweets(history.of(userId)) : LongSets.EMPTY_SET);
    }

    /** As {@link #load(Transaction, LiveGraph, long, boolean, EngagementHistory.PerRequest)}, without the engagements. */
    public static Viewer load(Transaction tx, LiveGraph live, long userId) {
        return load(tx, live, userId, false, new EngagementHistory.PerRequest(tx));
    }

    /** Ids of every tweet in the user's engagement history. */
    private static LongSet engagedTweets(EngagementHistory history) {
        LongOpenHashSet ids = new LongOpenHashSet(history.size());
        for (int i = 0; i < history.size(); i++) {
            if (history.tweet(i) != EngagementHistory.MISSING) {
                ids.add(history.tweet(i));
            }
        }
        return ids;
    }

    /** Whether the transaction wrote something itself: the live graph sees only committed changes. */
    private static boolean hasOwnChanges(Transaction tx) {
        return tx instanceof InternalTransaction t
                && t.kernelTransaction().dataRead().transactionStateHasChanges();
    }

    private static LongSet set(long[] ids) {
        return ids.length == 0 ? LongSets.EMPTY_SET : new LongOpenHashSet(ids);
    }

    /** The user's node, or a {@link RoostException.NotFound} naming the id. */
    public static Node requireUser(Transaction tx, long userId) {
        Node user = tx.findNode(Labels.USER, Props.ID, userId);
        if (user == null) {
            throw new RoostException.NotFound("Unknown user " + userId + ": there is no (:User {id: " + userId + "})");
        }
        return user;
    }
}
