package roost.procedures.walk;

/**
 * A bipartite graph as a random walk sees it: load a node of one side, then read its edges by
 * index. Implementations keep the loaded node as state, so one instance serves one request.
 */
public interface BipartiteWalkGraph {
    /** Returned by {@link #neighbour} for an edge that must not be taken (deleted, filtered). */
    long NONE = Long.MIN_VALUE;

    /** Loads a left node (a user); returns its number of edges. */
    long loadLeft(long id);

    /** Loads a right node (a tweet, or a followed account); returns its number of edges. */
    long loadRight(long id);

    /**
     * Says that the walk is about to load these left nodes, {@code ids[0..n)}, one after another:
     * an implementation may look them up together (their cache misses then overlap) so that the
     * loads that follow are cheap. Changes no answer. Does nothing by default.
     */
    default void prepareLeft(long[] ids, int n) {}

    /** As {@link #prepareLeft}, for right nodes. */
    default void prepareRight(long[] ids, int n) {}

    /** The other end of the loaded node's {@code k}-th edge, {@code 0 <= k < degree}, or {@link #NONE}. */
    long neighbour(long k);

    /**
     * Where the loaded node's {@code k}-th edge is, as a handle that {@link #neighbourAt} reads
     * later, after other nodes were loaded: a walk can locate many edges first and read them
     * together, so that their cache misses overlap. By default the handle is the neighbour itself.
     */
    default long locate(long k) {
        return neighbour(k);
    }

    /** The other end of the edge {@link #locate} returned {@code handle} for, or {@link #NONE}. */
    default long neighbourAt(long handle) {
        return handle;
    }
}
