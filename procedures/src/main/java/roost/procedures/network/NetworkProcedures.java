package roost.procedures.network;

import it.unimi.dsi.fastutil.longs.LongImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.graph.EdgeBuffer;
import roost.procedures.graph.EngagementTypes;
import roost.procedures.graph.FollowSet;
import roost.procedures.graph.LiveGraph;
import roost.procedures.realgraph.Weighers;
import roost.procedures.viewer.EngagementHistory;
import roost.procedures.viewer.Viewer;
import roost.procedures.viewer.ViewerLoader;

/** {@code roost.network.*}: what the viewer's network engaged with, from the live engagement graph. */
public class NetworkProcedures {
    static final String ENGAGED = "roost.network.engagedByFollowings";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    public record Row(
            @Description("The tweet") long tweetId,
            @Description("Its author (null when unknown)") Long authorId,

            @Description("Sum of the weights of the followees who engaged with it")
            double score,

            @Description("Followees who engaged, heaviest first, at most maxSocialProof")
            List<Long> socialProof,

            @Description("Number of followees who engaged") long socialProofCount,
            @Description("Engagement types seen from them") List<String> engagementTypes,

            @Description("Newest of their engagements (epoch ms)")
            long newestEngagement) {}

    @Procedure(name = ENGAGED, mode = Mode.READ)
    @Description("Tweets the accounts a user follows engaged with in the live window (second-degree counting, "
            + "as the original timeline's social-graph source): each followee's most recent engagements add the "
            + "followee's weight (RealGraph score, or 1) to the tweet. Config: limit (200), maxFollowees (1000), "
            + "maxEngagementsPerFollowee (500), minSocialProof (1), maxSocialProof (10), types (all engagement "
            + "types), weights ('realgraph' | 'uniform'), excludeEngaged (true). The user's own tweets and those of "
            + "authors they blocked or muted are never returned.")
    public Stream<Row> engagedByFollowings(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        EngagedByFollowingsConfig c = EngagedByFollowingsConfig.parse(ENGAGED, config);
        LiveGraph live = roost.liveGraph(db.databaseName());
        // The viewer's engagement history: read once, for the tweets to leave out and for RealGraph.
        var histories = new EngagementHistory.PerRequest(tx);
        Viewer viewer = ViewerLoader.load(tx, live, userId, c.params().excludeEngaged(), histories);
        var engagements = live.engagements();
        FollowSet follows = FollowSet.of(
                userId,
                live.follows(),
                Weighers.of(c.weights(), tx, live.follows(), engagements, histories),
                c.maxFollowees());
        var result = new EngagedByFollowings().run(engagements.cursor(), follows, viewer, c.params(), guard::check);
        // The rows made here, not in a mapping stage: Neo4j reads a plain list's stream with less
        // machinery, and this call returns ~50 rows for the median viewer.
        Row[] rows = new Row[result.items().size()];
        for (int k = 0; k < rows.length; k++) {
            EngagedByFollowings.Item i = result.items().get(k);
            rows[k] = new Row(
                    i.tweetId(),
                    i.authorId() == EdgeBuffer.UNKNOWN_AUTHOR ? null : i.authorId(),
                    i.score(),
                    LongImmutableList.of(i.socialProof()),
                    i.socialProofCount(),
                    EngagementTypes.names(i.typeMask()),
                    i.newestEngagement());
        }
        return Arrays.stream(rows);
    }
}
