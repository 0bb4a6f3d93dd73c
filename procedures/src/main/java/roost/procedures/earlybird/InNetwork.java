package roost.procedures.earlybird;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import roost.model.Props;
import roost.model.Rel;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.LiveGraph;
import roost.procedures.realgraph.Weighers;
import roost.procedures.viewer.EngagementHistory;
import roost.procedures.viewer.Viewer;
import roost.procedures.viewer.ViewerLoader;
import roost.retrieval.earlybird.InNetworkRetriever;
import roost.retrieval.earlybird.LightRanker;

/**
 * The in-network source: the viewer's follow set (at most {@code maxFollowees}, heaviest by
 * RealGraph, or most recently followed), their tweets in the window from the Earlybird index,
 * without hidden authors and tweets and (by default) the tweets the viewer engaged with already,
 * ranked by the light ranker. Per-request; thread-safe.
 */
final class InNetwork {
    private InNetwork() {}

    /** The answer with what it took. */
    record Answer(InNetworkRetriever.Result result, int followees, LightRanker ranker, long now) {}

    static Answer run(RoostRuntime roost, String database, Transaction tx, long userId, InNetworkConfig c)
            throws InterruptedException {
        // The viewer's engagement history: read once, for the tweets to leave out and for RealGraph.
        var histories = new EngagementHistory.PerRequest(tx);
        Viewer viewer = ViewerLoader.load(tx, userId, c.excludeEngaged(), histories);
        Earlybird eb = roost.earlybird(database);
        if (c.fresh()) {
            eb.awaitFresh(java.time.Duration.ofSeconds(5));
        }
        long[] ids;
        double[] weights;
        if (InNetworkConfig.RECENT.equals(c.weights())) {
            ids = recentFollowees(tx, userId, c.maxFollowees());
            weights = new double[ids.length];
            java.util.Arrays.fill(weights, 1.0);
        } else {
            LiveGraph live = roost.liveGraph(database);
            FollowSet set = FollowSet.of(
                    userId,
                    live.follows(),
                    Weighers.of(c.weights(), tx, live.follows(), live.engagements(), histories),
                    c.maxFollowees());
            ids = set.ids();
            weights = set.weights();
        }
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        List<Long> keep = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (!viewer.excludedAuthors().contains(ids[i])) {
                keep.add((long) i);
            }
        }
        long[] authors = new long[keep.size()];
        double[] interaction = new double[keep.size()];
        for (int k = 0; k < authors.length; k++) {
            int i = keep.get(k).intValue();
            authors[k] = ids[i];
            interaction[k] = max > 0 ? weights[i] / max : 0;
        }
        LongOpenHashSet seen = new LongOpenHashSet(c.seen());
        boolean excludeEngaged = c.excludeEngaged();
        long now = eb.index().newestCreatedAt();
        if (now == Long.MIN_VALUE) {
            now = System.currentTimeMillis();
        }
        String lang = c.language() != null ? c.language() : viewerLanguage(tx, userId);
        LightRanker ranker = LightRankerStore.load(tx);
        InNetworkRetriever.Request req = new InNetworkRetriever.Request(
                authors,
                interaction,
                id -> seen.contains(id)
                        || viewer.excludedTweets().contains(id)
                        || (excludeEngaged && viewer.engagedTweets().contains(id)),
                now,
                now - c.windowMillis(),
                lang,
                c.limit(),
                c.maxHitsPerSegment());
        return new Answer(new InNetworkRetriever(eb.index()).retrieve(req, ranker), authors.length, ranker, now);
    }

    /** The accounts the user followed most recently (by the FOLLOWS relationship's createdAt). */
    static long[] recentFollowees(Transaction tx, long userId, int max) {
        Node user = ViewerLoader.requireUser(tx, userId);
        List<long[]> rows = new ArrayList<>();
        for (Relationship r : user.getRelationships(Direction.OUTGOING, Rel.FOLLOWS)) {
            Long id = TweetReader.longProp(r.getEndNode(), Props.ID);
            if (id != null) {
                long at = r.getProperty(Props.CREATED_AT, 0L) instanceof Number n ? n.longValue() : 0;
                rows.add(new long[] {at, id});
            }
        }
        rows.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        return rows.stream().limit(max).mapToLong(r -> r[1]).toArray();
    }

    /** The language of most of the user's latest 50 tweets, or null. */
    static String viewerLanguage(Transaction tx, long userId) {
        Node user = ViewerLoader.requireUser(tx, userId);
        Map<String, Integer> counts = new HashMap<>();
        int n = 0;
        for (Relationship r : user.getRelationships(Direction.OUTGOING, Rel.POSTED)) {
            if (n++ == 50) {
                break;
            }
            if (r.getEndNode().getProperty(Props.LANG, null) instanceof String s && !s.isBlank()) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
