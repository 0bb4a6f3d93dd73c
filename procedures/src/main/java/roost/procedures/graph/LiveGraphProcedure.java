package roost.procedures.graph;

import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Procedure;
import roost.procedures.extension.RoostRuntime;

/** {@code roost.graph.stats()}: the live graph's size, window and memory; loads it on first call. */
public class LiveGraphProcedure {
    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    public record Result(
            @Description("Engagement edges held (deleted ones excluded)")
            long engagementEdges,

            @Description("Segments of the engagement graph") long segments,
            @Description("User rows summed over segments") long userRows,
            @Description("Tweet rows summed over segments") long tweetRows,

            @Description("Bytes held by the engagement graph")
            long engagementBytes,

            @Description("Bytes per engagement edge, all overheads included")
            double bytesPerEdge,

            @Description("Newest engagement time in the data (epoch ms); the window ends here")
            Long newestTime,

            @Description("Start of the window (epoch ms): older engagements are not used")
            Long windowStart,

            @Description("Window length in ms") long windowMillis,
            @Description("Follow edges held") long followEdges,
            @Description("Bytes held by the follow graph") long followBytes,

            @Description("(user, hidden account or tweet) pairs held from blocks, mutes and reports")
            long negativeSignals,

            @Description("Time the first load from the database took, in ms")
            long loadMillis,

            @Description("Committed change batches applied and published")
            long batchesApplied,

            @Description("Committed change batches queued") long batchesQueued,

            @Description("Engagements dropped because they were older than the window")
            long droppedOld,

            @Description("Segment merges so far") long merges,

            @Description("Folds of the sealed segments into the history so far")
            long folds,

            @Description("Folds that failed (each logged; the next one waits a span of data time)")
            long foldFailures) {}

    @Procedure(name = "roost.graph.stats", mode = Mode.READ)
    @Description(
            "The live engagement and follow graph (and negative signals) of this database: size, window, memory per edge and "
                    + "update counters. The first call loads it from the database.")
    public Stream<Result> stats() {
        LiveGraph.Stats s = roost.liveGraph(db.databaseName()).stats();
        return Stream.of(new Result(
                s.engagementEdges(),
                s.segments(),
                s.userRows(),
                s.tweetRows(),
                s.engagementBytes(),
                s.engagementEdges() == 0 ? 0.0 : (double) s.engagementBytes() / s.engagementEdges(),
                s.newestTime() == Long.MIN_VALUE ? null : s.newestTime(),
                s.cutoff() == Long.MIN_VALUE ? null : s.cutoff(),
                roost.liveGraph(db.databaseName())
                        .settings()
                        .engagement()
                        .window()
                        .toMillis(),
                s.followEdges(),
                s.followBytes(),
                s.negativeSignals(),
                s.loadMillis(),
                s.batchesApplied(),
                s.batchesQueued(),
                s.counters().droppedOld(),
                s.counters().merges(),
                s.counters().folds(),
                s.counters().foldFailures()));
    }
}
