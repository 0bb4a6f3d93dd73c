package roost.procedures.viewer;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import roost.model.Props;
import roost.model.Rel;
import roost.procedures.graph.EdgeBuffer;
import roost.procedures.graph.EngagementTypes;

/**
 * A user's engagements as stored (all history, not only the live window), read in one pass over
 * the user's engagement relationships: for each, its type and {@code createdAt}, and the tweet's
 * {@code id} and {@code authorId}. A value that is absent or not a number is {@link #MISSING}.
 *
 * <p>Two parts of a request need this history: the tweets to leave out ({@link
 * Viewer#engagedTweets()}) and RealGraph's features. Reading the store costs a node and a
 * property record per engagement, most of a default {@code engagedByFollowings} call; a {@link
 * PerRequest} reads it once for both. Cost: O(the user's engagements). Immutable once read.
 */
public final class EngagementHistory {
    /** An absent or non-numeric value (the same as {@link EdgeBuffer#UNKNOWN_AUTHOR}). */
    public static final long MISSING = EdgeBuffer.UNKNOWN_AUTHOR;

    private static final RelationshipType[] TYPES =
            Rel.ofKind(Rel.Kind.ENGAGEMENT).toArray(new Rel[0]);

    /** The engagements, with the reading user as every edge's user. */
    private final EdgeBuffer edges = new EdgeBuffer();

    private EngagementHistory() {}

    /** Reads the engagements of {@code user}, the {@code :User} node with id {@code userId}. */
    public static EngagementHistory read(Node user, long userId) {
        EngagementHistory h = new EngagementHistory();
        for (Relationship r : user.getRelationships(Direction.OUTGOING, TYPES)) {
            Node target = r.getEndNode();
            h.edges.add(
                    userId,
                    number(target.getProperty(Props.ID, null)),
                    number(target.getProperty(Props.AUTHOR_ID, null)),
                    EngagementTypes.code(r.getType().name()),
                    number(r.getProperty(Props.CREATED_AT, null)));
        }
        return h;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : MISSING;
    }

    /** Number of engagement relationships read. */
    public int size() {
        return edges.size();
    }

    /** The {@code id} of the {@code i}-th engagement's tweet, or {@link #MISSING}. */
    public long tweet(int i) {
        return edges.tweet(i);
    }

    /** The {@code authorId} of the {@code i}-th engagement's tweet, or {@link #MISSING}. */
    public long author(int i) {
        return edges.author(i);
    }

    /** The {@link EngagementTypes} code of the {@code i}-th engagement. */
    public int type(int i) {
        return edges.type(i);
    }

    /** The {@code createdAt} of the {@code i}-th engagement, or {@link #MISSING}. */
    public long time(int i) {
        return edges.time(i);
    }

    /**
     * The history of the user a request asks about (its viewer), read once however many parts of
     * the request ask; asking about another user reads that user's instead. Not thread-safe: one
     * per request.
     */
    public static final class PerRequest {
        private final Transaction tx;
        private long userId;
        private EngagementHistory history;

        public PerRequest(Transaction tx) {
            this.tx = tx;
        }

        /**
         * @throws roost.model.RoostException.NotFound when there is no {@code (:User {id: userId})}
         */
        public EngagementHistory of(long userId) {
            return isFor(userId) ? history : of(ViewerLoader.requireUser(tx, userId), userId);
        }

        /** As {@link #of(long)}, for a caller that has found the user's node already. */
        public EngagementHistory of(Node user, long userId) {
            if (!isFor(userId)) {
                history = read(user, userId);
                this.userId = userId;
            }
            return history;
        }

        private boolean isFor(long userId) {
            return history != null && this.userId == userId;
        }
    }
}
