package roost.procedures.salsa;

import it.unimi.dsi.fastutil.longs.LongImmutableList;
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
import roost.procedures.graph.LiveGraph;
import roost.procedures.realgraph.ViewerFollows;
import roost.procedures.viewer.Viewer;
import roost.procedures.viewer.ViewerLoader;
import roost.procedures.walk.WalkStats;

/** {@code roost.salsa.*}: SALSA random walks over the live engagement graph and the follow graph. */
public class SalsaProcedures {
    static final String TWEETS = "roost.salsa.tweets";
    static final String TWEETS_STATS = "roost.salsa.tweets.stats";
    static final String USERS = "roost.salsa.users";

    private static final String TWEETS_CONFIG = "Config: walks (1000), walkLength (5, odd), resetProbability "
            + "(0.3), seed (default: from userId, so a request is repeatable), viewerShare (0.2: the viewer's share "
            + "of the seed weight, the rest goes to followees by weight), weights ('realgraph' | 'uniform'), "
            + "maxFollowees (1000), types (all engagement types), limit (100), minSocialProof (0), maxSocialProof "
            + "(10), socialProofScan (1000: engagers examined per returned tweet for social proof, when the "
            + "followees made more than limit x socialProofScan engagements in the window; otherwise all of theirs "
            + "are read), excludeEngaged (true).";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    public record TweetRow(
            @Description("The tweet") long tweetId,
            @Description("Its author (null when unknown)") Long authorId,

            @Description("Share of all tweet visits of the walks")
            double score,

            @Description("Walk visits to the tweet") long visits,

            @Description("Followees of the user who engaged with it, at most maxSocialProof")
            List<Long> socialProof,

            @Description("Number of followees who engaged with it")
            long socialProofCount) {}

    public record StatsRow(
            @Description("Walks started") long walks,
            @Description("Steps taken by all walks") long steps,
            @Description("Walks sent back to the seed set") long resets,
            @Description("Steps that found no edge to take") long lost,

            @Description("Node loads (a node loaded at two steps counts twice)")
            long nodesVisited,

            @Description("Distinct tweets (or accounts) reached")
            long candidates,

            @Description("Rows the streaming procedure would return")
            long results,

            @Description("Seeds the walks started from") long seeds,

            @Description("Time of the whole call in ms: config, viewer, weights, walks and ranking")
            double millis) {}

    public record UserRow(
            @Description("The recommended account") long userId,

            @Description("Share of the walks' visits to followed accounts")
            double score,

            @Description("Walk visits to the account") long visits,

            @Description("Followees of the user who follow the account, at most maxSocialProof")
            List<Long> socialProof,

            @Description("Number of followees of the user who follow the account")
            long socialProofCount,

            @Description("Whether the user already follows the account")
            boolean followed) {}

    @Procedure(name = TWEETS, mode = Mode.READ)
    @Description("Tweets by SALSA random walks over the live user-tweet engagement graph, from the user and the "
            + "accounts they follow (walks per seed in proportion to weight, reset to the seeds on each "
            + "user -> tweet step). " + TWEETS_CONFIG + " The user's own tweets and those of authors they blocked "
            + "or muted are never returned.")
    public Stream<TweetRow> tweets(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        return run(TWEETS, userId, config).items().stream()
                .map(i -> new TweetRow(
                        i.tweetId(),
                        i.authorId() == EdgeBuffer.UNKNOWN_AUTHOR ? null : i.authorId(),
                        i.score(),
                        i.visits(),
                        LongImmutableList.of(i.socialProof()),
                        i.socialProofCount()));
    }

    @Procedure(name = TWEETS_STATS, mode = Mode.READ)
    @Description("What roost.salsa.tweets does for this user and config, without the rows: walks, steps, nodes "
            + "visited, candidates and time. Same config as roost.salsa.tweets.")
    public Stream<StatsRow> tweetsStats(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(value = "config", description = "Optional settings, as for roost.salsa.tweets", defaultValue = "{}")
                    Map<String, Object> config) {
        long t0 = System.nanoTime();
        TweetSalsa.Result r = run(TWEETS_STATS, userId, config);
        WalkStats s = r.stats();
        return Stream.of(new StatsRow(
                s.walks(),
                s.steps(),
                s.resets(),
                s.lost(),
                s.nodesVisited(),
                s.candidates(),
                r.items().size(),
                r.seeds(),
                (System.nanoTime() - t0) / 1e6));
    }

    private TweetSalsa.Result run(String procedure, long userId, Map<String, Object> config) {
        TweetSalsaConfig c = TweetSalsaConfig.parse(procedure, userId, config);
        LiveGraph live = roost.liveGraph(db.databaseName());
        var v = ViewerFollows.load(tx, live, userId, c.params().excludeEngaged(), c.weights(), c.maxFollowees());
        return new TweetSalsa(v.engagements().cursor(), c.params().typeMask())
                .run(v.viewer(), v.follows(), c.params(), guard::check);
    }

    @Procedure(name = USERS, mode = Mode.READ)
    @Description("Accounts by SALSA over the follow graph: hubs are the user and their circle of trust "
            + "(personalized PageRank), authorities are the accounts the hubs follow. Config: walks (1000), "
            + "walkLength (3, odd), resetProbability (0.3), seed, limit (50), minSocialProof (0), maxSocialProof "
            + "(10), trustWalks (2000), trustSteps (6), trustResetProbability (0.15), trustSize (100 hubs), "
            + "excludeFollowed (true: leave out the accounts the user follows; false: include them, marked followed). "
            + "The user and accounts they blocked or muted (or that blocked them) are never returned.")
    public Stream<UserRow> users(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        return users(roost, db, tx, guard, userId, UserSalsaConfig.parse(USERS, userId, config));
    }

    /** Shared with {@code roost.whoToFollow}, which reads its config itself. */
    public static Stream<UserRow> users(
            RoostRuntime roost,
            GraphDatabaseService db,
            Transaction tx,
            TerminationGuard guard,
            long userId,
            UserSalsaConfig c) {
        LiveGraph live = roost.liveGraph(db.databaseName());
        Viewer viewer = ViewerLoader.load(tx, live, userId);
        return new UserSalsa(live.follows())
                .run(viewer, c.params(), guard::check).items().stream()
                        .map(i -> new UserRow(
                                i.userId(),
                                i.score(),
                                i.visits(),
                                LongImmutableList.of(i.socialProof()),
                                i.socialProofCount(),
                                i.followed()));
    }
}
