package roost.api.communities;

import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.importer.Progress;
import roost.model.CommunityGraph;
import roost.model.Labels;
import roost.procedures.communities.BatchProgress;
import roost.procedures.communities.CommunityBatch;
import roost.procedures.walk.Guard;

/** The community batch as the application runs it: from the CLI, at the demo's first start, in benchmarks. */
public final class Communities {
    private Communities() {}

    /** Runs the whole batch on a database with GDS registered, drawing its stages on {@code progress}. */
    public static CommunityBatch.Result run(
            GraphDatabaseService db, CommunityBatch.Settings settings, Progress progress) {
        return CommunityBatch.run(db, settings, adapt(progress), Guard.NONE);
    }

    /** Whether a community run has been written to the database. */
    public static boolean present(GraphDatabaseService db) {
        return db.executeTransactionally(
                "MATCH (m:" + Labels.MODEL_NAME + " {name: $name}) RETURN count(m) > 0 AS present",
                Map.of("name", CommunityGraph.MODEL),
                r -> (Boolean) r.next().get("present"));
    }

    /** One line per figure of a run, for the console. */
    public static String summary(CommunityBatch.Result r) {
        int[] sizes = r.sizes().clone();
        java.util.Arrays.sort(sizes);
        String dist = sizes.length == 0
                ? "none"
                : String.format(
                        "min %d, median %d, max %d", sizes[0], sizes[sizes.length / 2], sizes[sizes.length - 1]);
        return String.format(
                "Communities (%s): %,d communities (sizes %s) over %,d producers, %,d known for one"
                        + (r.voteMoved() > 0
                                ? " (" + String.format("%,d", r.voteMoved()) + " moved by the followers' vote)"
                                : "")
                        + "; "
                        + "similarity graph %,d edges; modularity %.4f, conductance %.4f, coverage %.4f; "
                        + "%,d of %,d users with interests, %,d tweets with vectors; %,d ms %s",
                r.algorithm(),
                r.communities(),
                dist,
                r.producers(),
                r.knownFor(),
                r.similarityEdges(),
                r.modularity(),
                r.conductance(),
                r.coverage(),
                r.usersWithInterests(),
                r.users(),
                r.tweetsWithVectors(),
                r.totalMillis(),
                r.millis());
    }

    /** A batch's stages drawn by {@code progress} (progress bars on the console). */
    public static BatchProgress adapt(Progress progress) {
        return (name, total) -> {
            Progress.Task task = progress.start(name, total);
            return new BatchProgress.Stage() {
                @Override
                public void step(long n) {
                    task.step(n);
                }

                @Override
                public void close() {
                    task.close();
                }
            };
        };
    }
}
