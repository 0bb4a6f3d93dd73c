package roost.procedures.communities;

import java.util.ArrayList;
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
import roost.model.RoostException;
import roost.procedures.config.ConfigReader;
import roost.procedures.extension.RoostRuntime;
import roost.procedures.viewer.ViewerLoader;

/** {@code roost.communities.*}: SimClusters-style communities, interests and the embedding-space candidate source. */
public class CommunityProcedures {
    static final String DETECT = "roost.communities.detect";
    static final String OF = "roost.communities.of";
    static final String TOP = "roost.communities.top";
    static final String STATS = "roost.communities.stats";
    static final String SIMILAR = "roost.communities.similarTweets";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    public record DetectRow(
            @Description("leiden or louvain") String algorithm,
            @Description("Users read") long users,

            @Description(
                    "Producers (the most-followed users with at least minFollowers followers, at most producerShare of users and maxProducers)")
            long producers,

            @Description("Edges of the producer similarity graph")
            long similarityEdges,

            @Description("Communities kept (at least minCommunitySize producers)")
            long communities,

            @Description("Producers known for a community") long knownFor,

            @Description("Modularity of the communities on the similarity graph")
            double modularity,

            @Description("Conductance, averaged over communities weighted by volume (lower is better)")
            double conductance,

            @Description("Share of similarity weight inside communities")
            double coverage,

            @Description("Users with at least one interest") long usersWithInterests,
            @Description("Tweets with a community vector") long tweetsWithVectors,
            @Description("Milliseconds by stage") Map<String, Object> millis) {}

    @Procedure(name = DETECT, mode = Mode.WRITE)
    @Description("Runs the whole community batch: producer similarity from shared followers, communities with GDS "
            + "(Leiden or Louvain), KnownFor, InterestedIn of every user, tweet vectors, names; writes them to the graph "
            + "and installs them for the live procedures. Needs GDS 2.13. Config keys in procedures/README.md.")
    public Stream<DetectRow> detect(
            @Name(
                            value = "config",
                            description = "Optional settings (algorithm, minFollowers, ...)",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        CommunityBatch.Settings settings = CommunityConfig.detect(DETECT, config);
        CommunityBatch.Result r = CommunityBatch.run(db, settings, BatchProgress.NONE, guard::check);
        roost.communities(db.databaseName()).install(r);
        return Stream.of(new DetectRow(
                r.algorithm(),
                r.users(),
                r.producers(),
                r.similarityEdges(),
                r.communities(),
                r.knownFor(),
                r.modularity(),
                r.conductance(),
                r.coverage(),
                r.usersWithInterests(),
                r.tweetsWithVectors(),
                Map.copyOf(r.millis())));
    }

    public record OfRow(
            @Description("Community id") long communityId,

            @Description("Community name: top producers' handles | top terms")
            String name,

            @Description("Producers known for the community")
            long size,

            @Description("InterestedIn score (L2-normalised; 0 when only known for it)")
            double score,

            @Description("Rank among the user's interests (1 = strongest; 0 when not among them)")
            long rank,

            @Description("Whether the user is a producer known for this community")
            boolean knownFor,

            @Description("KnownFor score: share of the producer's similarity weight inside the community")
            double knownForScore) {}

    @Procedure(name = OF, mode = Mode.READ)
    @Description(
            "A user's communities: their InterestedIn (strongest first) and the community they are known for, live.")
    public Stream<OfRow> of(
            @Name(value = "userId", description = "Id of the user") long userId,
            @Name(value = "config", description = "Optional settings: limit (50)", defaultValue = "{}")
                    Map<String, Object> config) {
        ConfigReader r = ConfigReader.of(OF, config);
        int limit = r.intValue("limit", 50, 0, 10_000);
        r.done();
        ViewerLoader.requireUser(tx, userId);
        CommunityModel model = roost.communities(db.databaseName());
        CommunityModel.Interest interest = model.interestOf(userId, limit);
        int known = model.knownFor(userId);
        List<OfRow> rows = new ArrayList<>();
        for (int i = 0; i < interest.size(); i++) {
            int c = interest.communities()[i];
            CommunityState.Community info = model.community(c);
            rows.add(new OfRow(
                    c,
                    info.name(),
                    info.size(),
                    interest.scores()[i],
                    i + 1,
                    c == known,
                    c == known ? model.knownForScore(userId) : 0));
        }
        if (known >= 0 && Arrays.stream(interest.communities()).noneMatch(c -> c == known)) {
            CommunityState.Community info = model.community(known);
            rows.add(new OfRow(known, info.name(), info.size(), 0, 0, true, model.knownForScore(userId)));
        }
        return rows.stream();
    }

    public record TopRow(
            @Description("'producer' or 'tweet'") String kind,
            @Description("Rank within its kind, from 1") long rank,

            @Description("User id of the producer, or tweet id")
            long id,

            @Description("Producer: KnownFor score; tweet: its score in the community, decayed to the newest data time")
            double score,

            @Description("Tweet author (the producer's own id for a producer)")
            long authorId) {}

    @Procedure(name = TOP, mode = Mode.READ)
    @Description("A community's top producers (by KnownFor score) and top tweets (by decayed community score), live. "
            + "Config: producers (10), tweets (10).")
    public Stream<TopRow> top(
            @Name(value = "communityId", description = "Id of the community") long communityId,
            @Name(value = "config", description = "Optional settings: producers, tweets", defaultValue = "{}")
                    Map<String, Object> config) {
        ConfigReader r = ConfigReader.of(TOP, config);
        int producers = r.intValue("producers", 10, 0, 100_000);
        int tweets = r.intValue("tweets", 10, 0, 100_000);
        r.done();
        CommunityModel model = roost.communities(db.databaseName());
        CommunityState.Community c = communityId > Integer.MAX_VALUE ? null : model.community((int) communityId);
        if (c == null) {
            throw new RoostException.NotFound("Unknown community " + communityId + ": there are "
                    + model.communityCount() + " communities (ids 0 to " + (model.communityCount() - 1)
                    + "); run roost.communities.detect first if there are none");
        }
        List<TopRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(producers, c.members().length); i++) {
            rows.add(new TopRow("producer", i + 1, c.members()[i], c.memberScores()[i], c.members()[i]));
        }
        long now = model.summary().newestTweetTime();
        List<CommunityModel.SimilarTweet> best = model.topTweets(c.id(), tweets, now);
        for (int i = 0; i < best.size(); i++) {
            rows.add(new TopRow(
                    "tweet",
                    i + 1,
                    best.get(i).tweetId(),
                    best.get(i).score(),
                    best.get(i).authorId()));
        }
        return rows.stream();
    }

    public record StatsRow(
            @Description("Algorithm of the last run, or 'none'")
            String algorithm,

            @Description("Communities") long communities,

            @Description("Producers in the similarity graph")
            long producers,

            @Description("Producers known for a community") long knownFor,

            @Description("Share of producers known for a community")
            double producerCoverage,

            @Description("Share of similarity weight inside communities")
            double coverage,

            @Description("Modularity on the similarity graph")
            double modularity,

            @Description("Conductance, volume-weighted average")
            double conductance,

            @Description("Community sizes: min, p25, median, p75, p90, max")
            Map<String, Object> sizes,

            @Description("Users with at least one interest") long usersWithInterests,
            @Description("Tweets with a community vector") long tweetsWithVectors,

            @Description("Follows and engagements applied live since the run")
            long liveUpdates,

            @Description("Newest engagement time of the run (epoch ms)")
            long dataTime,

            @Description("When the run happened (epoch ms, wall clock)")
            long detectedAt) {}

    @Procedure(name = STATS, mode = Mode.READ)
    @Description("The communities of the last run (kept current live): count, size distribution, modularity, coverage.")
    public Stream<StatsRow> stats() {
        CommunityModel.Summary s = roost.communities(db.databaseName()).summary();
        int[] sizes = s.sizes().clone();
        Arrays.sort(sizes);
        Map<String, Object> dist = sizes.length == 0
                ? Map.of()
                : Map.of(
                        "min",
                        (long) sizes[0],
                        "p25",
                        (long) quantile(sizes, 0.25),
                        "median",
                        (long) quantile(sizes, 0.5),
                        "p75",
                        (long) quantile(sizes, 0.75),
                        "p90",
                        (long) quantile(sizes, 0.9),
                        "max",
                        (long) sizes[sizes.length - 1]);
        CommunityState.Stats st = s.stats();
        return Stream.of(new StatsRow(
                st.algorithm(),
                st.communities(),
                st.producers(),
                st.knownFor(),
                st.producers() == 0 ? 0 : (double) st.knownFor() / st.producers(),
                st.coverage(),
                st.modularity(),
                st.conductance(),
                dist,
                s.usersWithInterests(),
                s.tweetsWithVectors(),
                s.liveUpdates(),
                st.dataTime(),
                st.detectedAt()));
    }

    private static int quantile(int[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
    }

    public record SimilarRow(
            @Description("Tweet id") long tweetId,
            @Description("Author id") long authorId,

            @Description("Cosine between the viewer's InterestedIn and the tweet's community vector")
            double score,

            @Description("The viewer's community contributing most to the score")
            long communityId) {}

    @Procedure(name = SIMILAR, mode = Mode.READ)
    @Description("Embedding-space candidates: the viewer's top communities, their top tweets, ranked by exact cosine "
            + "with the viewer's InterestedIn. Config: limit (100), communities (20), tweetsPerCommunity (200), "
            + "minScore (0.0).")
    public Stream<SimilarRow> similarTweets(
            @Name(value = "userId", description = "Id of the viewer") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings: limit, communities, tweetsPerCommunity, minScore",
                            defaultValue = "{}")
                    Map<String, Object> config) {
        ConfigReader r = ConfigReader.of(SIMILAR, config);
        int limit = r.intValue("limit", 100, 0, 100_000);
        int communities = r.intValue("communities", 20, 1, 10_000);
        int perCommunity = r.intValue("tweetsPerCommunity", 200, 1, 100_000);
        double minScore = r.doubleValue("minScore", 0.0, 0, 1);
        r.done();
        ViewerLoader.requireUser(tx, userId);
        return roost
                .communities(db.databaseName())
                .similarTweets(userId, communities, perCommunity, minScore, limit)
                .stream()
                .map(t -> new SimilarRow(t.tweetId(), t.authorId(), t.score(), t.community()));
    }
}
