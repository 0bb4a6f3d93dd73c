package roost.procedures.earlybird;

import java.util.EnumMap;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;
import roost.retrieval.earlybird.Engagement;
import roost.retrieval.earlybird.TweetDoc;

/** Reads a {@code :Tweet} node into a {@link TweetDoc}: its properties, engagement counts (degrees) and the author's followers. */
final class TweetReader {
    /** The engagement relationship counted in each index count. */
    static final Map<Engagement, Rel> COUNTED = new EnumMap<>(Map.of(
            Engagement.FAVORITE, Rel.LIKED,
            Engagement.RETWEET, Rel.RETWEETED,
            Engagement.REPLY, Rel.REPLIED,
            Engagement.QUOTE, Rel.QUOTED,
            Engagement.CLICK, Rel.CLICKED,
            Engagement.PROFILE_CLICK, Rel.PROFILE_CLICKED,
            Engagement.VIDEO_VIEW, Rel.VIDEO_VIEWED,
            Engagement.DWELL, Rel.DWELLED));

    private TweetReader() {}

    /** The index count fed by a relationship type, or null. */
    static Engagement engagementOf(String relType) {
        for (Map.Entry<Engagement, Rel> e : COUNTED.entrySet()) {
            if (e.getValue().name().equals(relType)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Engagement counts of a tweet node, by {@link Engagement#ordinal()} (the transaction's own changes included). */
    static long[] counts(Node tweet) {
        long[] counts = new long[Engagement.size()];
        for (Map.Entry<Engagement, Rel> e : COUNTED.entrySet()) {
            counts[e.getKey().ordinal()] = tweet.getDegree(e.getValue(), Direction.INCOMING);
        }
        return counts;
    }

    /** Followers of a user, or 0 when there is no such user. */
    static long followers(Transaction tx, long userId) {
        Node user = tx.findNode(Labels.USER, Props.ID, userId);
        return user == null ? 0 : user.getDegree(Rel.FOLLOWS, Direction.INCOMING);
    }

    /**
     * The document of a tweet node, or null when it lacks an id, author or creation time.
     *
     * @param followers the author's followers (see {@link #followers})
     */
    static TweetDoc read(Node t, long followers) {
        Long id = longProp(t, Props.ID);
        Long author = longProp(t, Props.AUTHOR_ID);
        Long createdAt = longProp(t, Props.CREATED_AT);
        if (id == null || author == null || createdAt == null) {
            return null;
        }
        return new TweetDoc(
                id,
                author,
                createdAt,
                t.getProperty(Props.TEXT, "") instanceof String s ? s : "",
                t.getProperty(Props.LANG, "") instanceof String s ? s : "",
                longProp(t, Props.IN_REPLY_TO),
                longProp(t, Props.CONVERSATION_ID),
                longProp(t, Props.QUOTED_ID),
                longProp(t, Props.RETWEET_OF),
                Boolean.TRUE.equals(t.getProperty(Props.HAS_MEDIA, false)),
                Boolean.TRUE.equals(t.getProperty(Props.HAS_VIDEO, false)),
                Boolean.TRUE.equals(t.getProperty(Props.HAS_LINK, false)),
                counts(t),
                followers);
    }

    static Long longProp(Node n, String key) {
        return n.getProperty(key, null) instanceof Number v ? v.longValue() : null;
    }
}
