package roost.procedures.whotofollow;

import java.util.ArrayList;
import java.util.Comparator;
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
import roost.procedures.config.ConfigReader;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.graph.LiveGraph;
import roost.procedures.salsa.SalsaProcedures;
import roost.procedures.salsa.UserSalsaConfig;

/**
 * {@code roost.whoToFollow}: accounts to follow. SALSA over the follow graph proposes them
 * (p(follow): the share of the walks' visits), and they are ranked by p(follow) x p(engage |
 * follow), the second estimated from how the account's followers engage with it
 * ({@link EngageGivenFollow}).
 */
public class WhoToFollowProcedures {
    static final String WHO_TO_FOLLOW = "roost.whoToFollow";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    /** One recommended account. */
    public record Row(
            @Description("The recommended account") long userId,

            @Description("What the list is ordered by: pFollow x pEngage, or pFollow with rankBy 'follow'")
            double score,

            @Description("p(follow): share of the SALSA walks' visits to followed accounts")
            double pFollow,

            @Description("p(engage | follow): smoothed share of sampled followers who engaged with the account")
            double pEngage,

            @Description("Followers sampled for pEngage") long engageSampled,

            @Description("Of them, how many engaged with the account in the window")
            long engaged,

            @Description("Walk visits") long visits,

            @Description("Followees of the user who follow the account, capped")
            List<Long> socialProof,

            @Description("How many followees of the user follow the account")
            long socialProofCount) {}

    @Procedure(name = WHO_TO_FOLLOW, mode = Mode.READ)
    @Description("Accounts to follow, ranked by p(follow) x p(engage | follow). SALSA over the follow graph "
            + "(hubs = the user's circle of trust) proposes `candidates` accounts (default 2 x limit) and gives "
            + "p(follow); p(engage | follow) is the share of up to `engageSample` (25) of the account's followers "
            + "who engaged with its tweets in the live window (each follower's newest `engagePerFollower` (25) "
            + "engagements), smoothed towards `engagePriorMean` (0.05) with weight `engagePriorWeight` (20); an estimate is "
            + "reused by all requests for a minute. "
            + "rankBy: 'followAndEngage' (default) or 'follow' (SALSA order). Other keys: the walk keys of roost.salsa.users. "
            + "Accounts already followed, the user, and accounts they blocked or muted (or that blocked them) are "
            + "never returned.")
    public Stream<Row> whoToFollow(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        ConfigReader r = ConfigReader.of(WHO_TO_FOLLOW, config);
        String rankBy = r.choice("rankBy", "followAndEngage", List.of("followAndEngage", "follow"));
        EngageGivenFollow.Params engage = new EngageGivenFollow.Params(
                r.intValue("engageSample", EngageGivenFollow.Params.DEFAULTS.sample(), 1, 100_000),
                r.intValue("engagePerFollower", EngageGivenFollow.Params.DEFAULTS.perFollower(), 1, 100_000),
                r.doubleValue("engagePriorMean", EngageGivenFollow.Params.DEFAULTS.priorMean(), 0, 1),
                r.doubleValue("engagePriorWeight", EngageGivenFollow.Params.DEFAULTS.priorWeight(), 0, 1e6));
        int limit = r.intValue("limit", 50, 0, 100_000);
        int candidates = r.intValue("candidates", Math.min(100_000, 2 * limit), 0, 100_000);
        // The walk proposes the candidates; accounts already followed are never proposed.
        UserSalsaConfig walk = UserSalsaConfig.read(r, userId, true, Math.max(limit, candidates));
        r.done();

        List<SalsaProcedures.UserRow> proposed =
                SalsaProcedures.users(roost, db, tx, guard, userId, walk).toList();
        LiveGraph live = roost.liveGraph(db.databaseName());
        // Estimates do not depend on the viewer: the database's requests share them for a minute.
        EngageGivenFollow.Cache shared = roost.component(
                db.databaseName(), EngageGivenFollow.Cache.class, name -> EngageGivenFollow.Cache.standard());
        EngageGivenFollow estimator =
                new EngageGivenFollow(live.follows(), live.engagements().cursor(), engage, shared);
        List<Row> rows = new ArrayList<>(proposed.size());
        for (SalsaProcedures.UserRow p : proposed) {
            guard.check();
            EngageGivenFollow.Estimate e = estimator.estimate(p.userId());
            double score = rankBy.equals("follow") ? p.score() : p.score() * e.probability();
            rows.add(new Row(
                    p.userId(),
                    score,
                    p.score(),
                    e.probability(),
                    e.sampled(),
                    e.engaged(),
                    p.visits(),
                    p.socialProof(),
                    p.socialProofCount()));
        }
        rows.sort(Comparator.comparingDouble((Row row) -> -row.score()).thenComparingLong(Row::userId));
        return rows.stream().limit(limit);
    }
}
