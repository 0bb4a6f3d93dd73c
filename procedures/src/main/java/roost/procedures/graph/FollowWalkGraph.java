package roost.procedures.graph;

import roost.procedures.walk.BipartiteWalkGraph;
import roost.procedures.walk.WalkGraph;

/**
 * The follow graph for random walks. As a {@link WalkGraph}: follow edges forward. As a
 * {@link BipartiteWalkGraph} (SALSA): left = accounts as followers (hubs), right = accounts as
 * followed (authorities); left -> right follows an edge, right -> left goes back to a follower.
 * One per request; not thread-safe.
 */
public final class FollowWalkGraph implements WalkGraph, BipartiteWalkGraph {
    private final FollowSnapshot follows;
    private final Neighbours loaded = new Neighbours();

    public FollowWalkGraph(FollowSnapshot follows) {
        this.follows = follows;
    }

    @Override
    public long load(long id) {
        return follows.followees(id, loaded).size();
    }

    @Override
    public long loadLeft(long id) {
        return follows.followees(id, loaded).size();
    }

    @Override
    public long loadRight(long id) {
        return follows.followers(id, loaded).size();
    }

    @Override
    public long neighbour(long k) {
        return loaded.get((int) k);
    }
}
