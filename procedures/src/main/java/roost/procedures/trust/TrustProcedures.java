package roost.procedures.trust;

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
import roost.procedures.viewer.ViewerLoader;

/** {@code roost.circleOfTrust}: the accounts closest to a user in the follow graph. */
public class TrustProcedures {
    static final String CIRCLE = "roost.circleOfTrust";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    public record Row(
            @Description("The account") long userId,

            @Description("Share of all walk visits (personalized PageRank estimate)")
            double score,

            @Description("Walk visits to the account") long visits,

            @Description("Whether the user follows the account")
            boolean followed) {}

    @Procedure(name = CIRCLE, mode = Mode.READ)
    @Description("A user's circle of trust: personalized PageRank over the follow graph by random walks with "
            + "restart from the user. Config: walks (2000), steps (6), resetProbability (0.15), seed (default: "
            + "from userId), limit (100). The user and accounts they blocked or muted are not returned.")
    public Stream<Row> circleOfTrust(
            @Name(value = "userId", description = "Id of the user") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        CircleOfTrustConfig c = CircleOfTrustConfig.parse(CIRCLE, userId, config);
        var live = roost.liveGraph(db.databaseName());
        var viewer = ViewerLoader.load(tx, live, userId);
        var follows = live.follows();
        return new CircleOfTrust(follows)
                .run(viewer, c.params(), guard::check).items().stream()
                        .map(i -> new Row(i.userId(), i.score(), i.visits(), i.followed()));
    }
}
