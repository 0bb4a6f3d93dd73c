package roost.procedures.walk;

/** A directed graph as a random walk sees it: load a node, then read its out-edges by index. One instance per request. */
public interface WalkGraph {
    /** Loads a node; returns its number of out-edges. */
    long load(long id);

    /** The target of the loaded node's {@code k}-th out-edge, {@code 0 <= k < degree}. */
    long neighbour(long k);
}
