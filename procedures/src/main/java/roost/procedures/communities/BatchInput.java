package roost.procedures.communities;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.BitSet;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import roost.model.CommunityGraph;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;

/**
 * What a community batch reads from the database, with read-only Cypher: every user (id, internal
 * node id, whether it holds interests from an earlier run), every {@code FOLLOWS} between users,
 * and the engagements of the counted types in the window before the newest one (on tweets created
 * at most two windows before it, so the tweet index bounds the scan).
 */
final class BatchInput {
    final FollowData follows;
    final long[] userNodes;
    final BitSet hadInterests;
    /** Engagements: user index, tweet id, tweet internal node id, author id, time. */
    final int[] engUser;

    final long[] engTweet;
    final long[] engTweetNode;
    final long[] engAuthor;
    final long[] engTime;
    final long dataTime;

    private BatchInput(
            FollowData follows,
            long[] userNodes,
            BitSet hadInterests,
            int[] engUser,
            long[] engTweet,
            long[] engTweetNode,
            long[] engAuthor,
            long[] engTime,
            long dataTime) {
        this.follows = follows;
        this.userNodes = userNodes;
        this.hadInterests = hadInterests;
        this.engUser = engUser;
        this.engTweet = engTweet;
        this.engTweetNode = engTweetNode;
        this.engAuthor = engAuthor;
        this.engTime = engTime;
        this.dataTime = dataTime;
    }

    @SuppressWarnings("deprecation") // the internal id, read in the same batch; elementId would cost a string per edge
    private static long nodeId(Node node) {
        return node.getId();
    }

    int engagements() {
        return engUser.length;
    }

    static BatchInput load(GraphDatabaseService db, CommunityParams params, long windowMillis, BatchProgress progress) {
        LongArrayList ids = new LongArrayList();
        LongArrayList nodes = new LongArrayList();
        BitSet had = new BitSet();
        try (BatchProgress.Stage stage = progress.start("Reading users", -1);
                Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (u:" + Labels.USER_NAME + ") WHERE u." + Props.ID + " IS NOT NULL "
                        + "RETURN u." + Props.ID + " AS id, id(u) AS node, u." + CommunityGraph.INTERESTED_IN_NORM
                        + " IS NOT NULL AS had")) {
            r.accept(row -> {
                if ((Boolean) row.get("had")) {
                    had.set(ids.size());
                }
                ids.add(((Number) row.get("id")).longValue());
                nodes.add(((Number) row.get("node")).longValue());
                stage.step(1);
                return true;
            });
        }
        long[] userIds = ids.toLongArray();
        // Follows through the Core API by relationship type, endpoints by internal id: no property
        // read per edge (several times faster than returning a.id, b.id from Cypher).
        it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap byNode =
                new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap(userIds.length);
        byNode.defaultReturnValue(-1);
        long[] nodeIds = nodes.elements();
        for (int i = 0; i < userIds.length; i++) {
            byNode.put(nodeIds[i], i);
        }
        IntArrayList from = new IntArrayList();
        IntArrayList to = new IntArrayList();
        try (BatchProgress.Stage stage = progress.start("Reading follows", -1);
                Transaction tx = db.beginTx();
                ResourceIterator<Relationship> rels = tx.findRelationships(Rel.FOLLOWS)) {
            long n = 0;
            while (rels.hasNext()) {
                Relationship rel = rels.next();
                int ia = byNode.get(nodeId(rel.getStartNode()));
                int ib = byNode.get(nodeId(rel.getEndNode()));
                if (ia >= 0 && ib >= 0 && ia != ib) {
                    from.add(ia);
                    to.add(ib);
                }
                if ((++n & 0xffff) == 0) {
                    stage.step(0x10000);
                }
            }
        }
        FollowData follows = FollowData.of(userIds, from.elements(), to.elements(), from.size());

        long newestTweet;
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("MATCH (t:" + Labels.TWEET_NAME + ") WHERE t." + Props.CREATED_AT
                        + " IS NOT NULL RETURN t." + Props.CREATED_AT + " AS at ORDER BY at DESC LIMIT 1")) {
            newestTweet = r.hasNext() ? ((Number) r.next().get("at")).longValue() : Long.MIN_VALUE;
        }
        IntArrayList eu = new IntArrayList();
        LongArrayList et = new LongArrayList();
        LongArrayList en = new LongArrayList();
        LongArrayList ea = new LongArrayList();
        LongArrayList etime = new LongArrayList();
        long[] newest = {Long.MIN_VALUE};
        if (newestTweet != Long.MIN_VALUE && !params.engagementTypes().isEmpty()) {
            // Engagements may come after the newest tweet: the window is anchored a window later.
            long cutoff = newestTweet - windowMillis;
            RelationshipType[] relTypes = params.engagementTypes().stream()
                    .sorted()
                    .map(RelationshipType::withName)
                    .toArray(RelationshipType[]::new);
            // Tweets of the window from the createdAt index, then each tweet's incoming engagements
            // through the Core API (a Cypher pattern here let the planner start from the users).
            try (BatchProgress.Stage stage = progress.start("Reading engagements", -1);
                    Transaction tx = db.beginTx();
                    Result r = tx.execute(
                            "MATCH (t:" + Labels.TWEET_NAME + ") WHERE t." + Props.CREATED_AT + " >= $tweetCutoff "
                                    + "RETURN t AS t, t." + Props.ID + " AS id, t." + Props.AUTHOR_ID + " AS a",
                            Map.of("tweetCutoff", cutoff - windowMillis))) {
                while (r.hasNext()) {
                    Map<String, Object> row = r.next();
                    if (!(row.get("id") instanceof Number t)) {
                        continue;
                    }
                    Node tweet = (Node) row.get("t");
                    long node = nodeId(tweet);
                    long author = row.get("a") instanceof Number a ? a.longValue() : Long.MIN_VALUE;
                    for (Relationship e : tweet.getRelationships(Direction.INCOMING, relTypes)) {
                        if (!(e.getProperty(Props.CREATED_AT, null) instanceof Number time)
                                || time.longValue() < cutoff) {
                            continue;
                        }
                        int iu = byNode.get(nodeId(e.getStartNode()));
                        if (iu < 0) {
                            continue;
                        }
                        eu.add(iu);
                        et.add(t.longValue());
                        en.add(node);
                        ea.add(author);
                        etime.add(time.longValue());
                        newest[0] = Math.max(newest[0], time.longValue());
                        stage.step(1);
                    }
                }
            }
        }
        long dataTime = newest[0] == Long.MIN_VALUE ? Math.max(0, newestTweet) : newest[0];
        // Keep only engagements inside the window before the newest engagement.
        IntArrayList keep = new IntArrayList();
        for (int i = 0; i < eu.size(); i++) {
            if (etime.getLong(i) >= dataTime - windowMillis) {
                keep.add(i);
            }
        }
        int n = keep.size();
        int[] u = new int[n];
        long[] t = new long[n];
        long[] node = new long[n];
        long[] a = new long[n];
        long[] time = new long[n];
        for (int k = 0; k < n; k++) {
            int i = keep.getInt(k);
            u[k] = eu.getInt(i);
            t[k] = et.getLong(i);
            node[k] = en.getLong(i);
            a[k] = ea.getLong(i);
            time[k] = etime.getLong(i);
        }
        return new BatchInput(follows, nodes.toLongArray(), had, u, t, node, a, time, dataTime);
    }
}
