package roost.procedures.graph;

import roost.procedures.walk.BipartiteWalkGraph;

/**
 * The engagement graph as a bipartite walk graph: users on the left, tweets on the right, only
 * edges whose type is in the mask. One per request; not thread-safe.
 */
public final class EngagementWalkGraph implements BipartiteWalkGraph {
    private final EngagementCursor cursor;
    private final int typeMask;

    public EngagementWalkGraph(EngagementCursor cursor, int typeMask) {
        this.cursor = cursor;
        this.typeMask = typeMask;
    }

    @Override
    public long loadLeft(long id) {
        return cursor.loadUser(id);
    }

    @Override
    public long loadRight(long id) {
        return cursor.loadTweet(id);
    }

    @Override
    public void prepareLeft(long[] ids, int n) {
        cursor.prepareUsers(ids, n);
    }

    @Override
    public void prepareRight(long[] ids, int n) {
        cursor.prepareTweets(ids, n);
    }

    @Override
    public long neighbour(long k) {
        return cursor.neighbour(k, typeMask);
    }

    @Override
    public long locate(long k) {
        return cursor.locate(k);
    }

    @Override
    public long neighbourAt(long handle) {
        return cursor.neighbourAt(handle, typeMask);
    }

    public EngagementCursor cursor() {
        return cursor;
    }
}
