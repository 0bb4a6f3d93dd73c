package roost.procedures.walk;

/**
 * What a walk-based (or counting) request did.
 *
 * @param walks walks started
 * @param steps steps taken by all walks together
 * @param resets walks sent back to the seed set
 * @param lost steps that found no edge to take (a deleted or filtered edge drawn too often)
 * @param nodesVisited distinct node visits loaded from the graph (a node seen at two steps counts twice)
 * @param candidates distinct result-side nodes reached before filtering
 * @param micros time taken, in microseconds
 */
public record WalkStats(
        long walks, long steps, long resets, long lost, long nodesVisited, long candidates, long micros) {}
