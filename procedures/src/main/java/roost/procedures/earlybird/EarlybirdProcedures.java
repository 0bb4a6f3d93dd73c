package roost.procedures.earlybird;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import roost.model.RoostException;
import roost.procedures.extension.RoostRuntime;
import roost.retrieval.earlybird.InNetworkRetriever;
import roost.retrieval.earlybird.TextSearch;

/** {@code roost.earlybird.*} and {@code roost.search.tweets}: the Earlybird index in Cypher. */
public class EarlybirdProcedures {
    static final String IN_NETWORK = "roost.earlybird.inNetwork";
    static final String IN_NETWORK_STATS = "roost.earlybird.inNetwork.stats";
    static final String SEARCH = "roost.search.tweets";

    @Context
    public RoostRuntime roost;

    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    public record InNetworkRow(
            @Description("The tweet") long tweetId,

            @Description("Its author, an account the user follows")
            long authorId,

            @Description("Creation time (epoch ms)") long createdAt,
            @Description("Light-ranker score, 0 to 1") double score,
            @Description("Likes, as indexed") long favorites,
            @Description("Retweets, as indexed") long retweets,
            @Description("Replies, as indexed") long replies) {}

    public record InNetworkStats(
            @Description("Followees searched (after the cap and hidden accounts)")
            long followees,

            @Description("Hits the collector examined") long examined,

            @Description("Examined hits dropped as seen, hidden or engaged with")
            long excluded,

            @Description("Whether some index segment stopped at maxHitsPerSegment")
            boolean earlyTerminated,

            @Description("Segments that stopped early") long segmentsTerminated,
            @Description("Segments searched") long segments,
            @Description("Tweets returned") long results,

            @Description("Data-time now (newest indexed tweet, epoch ms)")
            long now,

            @Description("Light-ranker version (0 = hand-set fallback)")
            long rankerVersion,

            @Description("Whether the light ranker was trained")
            boolean rankerTrained,

            @Description("Time in the index, ms") double millis) {}

    public record SearchRow(
            @Description("The tweet") long tweetId,
            @Description("Its author") long authorId,
            @Description("Creation time (epoch ms)") long createdAt,
            @Description("The text") String text,
            @Description("Language code") String lang,
            @Description("BM25 relevance") double score) {}

    public record IndexStats(
            @Description("Directory of the index") String directory,

            @Description("How the index was found at start: EXISTING, CREATED or REPLACED")
            String openState,

            @Description("What the start did: rebuilt, up to date, caught up")
            String startAction,

            @Description("Time the start took, ms") long startMillis,
            @Description("Tweets in the index") long tweets,
            @Description("Bytes of the index on disk") long bytesOnDisk,
            @Description("Index size on disk per tweet") double bytesPerTweet,

            @Description("Newest tweet indexed (epoch ms, data time)")
            Long newestCreatedAt,

            @Description("Start of the retention window (epoch ms)")
            Long retentionCutoff,

            @Description("Last Neo4j transaction applied") long lastTransactionId,
            @Description("Committed transactions applied") long batchesApplied,
            @Description("Committed transactions queued") long batchesQueued,
            @Description("Batches that failed to apply") long writerFailures,
            @Description("Index commits") long commits) {}

    @Procedure(name = IN_NETWORK, mode = Mode.READ)
    @Description("In-network candidates from the Earlybird index: the recent tweets of the accounts the user follows,"
            + " ranked by the light ranker. Config: limit (600), maxFollowees (1000), weights ('realgraph' | 'uniform'"
            + " | 'recent': how the follow set is cut), windowHours (24, data time), maxHitsPerSegment (1000, early"
            + " termination), excludeEngaged (true), seen (tweet ids to leave out), language (the user's usual one),"
            + " fresh (false: true waits until every transaction committed before the call is searchable).")
    public Stream<InNetworkRow> inNetwork(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config)
            throws InterruptedException {
        InNetworkConfig c = InNetworkConfig.parse(IN_NETWORK, config);
        InNetwork.Answer a = InNetwork.run(roost, db.databaseName(), tx, userId, c);
        return a.result().hits().stream()
                .map(h -> new InNetworkRow(
                        h.tweetId(), h.authorId(), h.createdAt(), h.score(), h.favorites(), h.retweets(), h.replies()));
    }

    @Procedure(name = IN_NETWORK_STATS, mode = Mode.READ)
    @Description("What roost.earlybird.inNetwork did for the same arguments: hits examined, whether it stopped early,"
            + " time.")
    public Stream<InNetworkStats> inNetworkStats(
            @Name(value = "userId", description = "Id of the viewing user") long userId,
            @Name(value = "config", description = "The config of roost.earlybird.inNetwork", defaultValue = "{}")
                    Map<String, Object> config)
            throws InterruptedException {
        InNetworkConfig c = InNetworkConfig.parse(IN_NETWORK_STATS, config);
        InNetwork.Answer a = InNetwork.run(roost, db.databaseName(), tx, userId, c);
        InNetworkRetriever.Result r = a.result();
        return Stream.of(new InNetworkStats(
                a.followees(),
                r.examined(),
                r.excluded(),
                r.earlyTerminated(),
                r.segmentsTerminated(),
                r.segments(),
                r.hits().size(),
                a.now(),
                a.ranker().version(),
                a.ranker().trained(),
                r.micros() / 1000.0));
    }

    @Procedure(name = SEARCH, mode = Mode.READ)
    @Description("Full-text search of tweets in the Earlybird index (the retention window). Query: words (all"
            + " required), \"phrases\", a | b, -word, prefix*. Config: limit (50), authorIds (list), since, until"
            + " (epoch ms, inclusive), lang, order ('relevance' | 'recent'), fresh (false).")
    public Stream<SearchRow> searchTweets(
            @Name(value = "query", description = "The text query") String query,
            @Name(
                            value = "config",
                            description = "Optional settings, see the procedure description",
                            defaultValue = "{}")
                    Map<String, Object> config)
            throws InterruptedException {
        if (query == null || query.isBlank()) {
            throw new RoostException.InvalidArgument(SEARCH + ": argument 'query' must not be blank");
        }
        SearchConfig c = SearchConfig.parse(SEARCH, config);
        Earlybird eb = roost.earlybird(db.databaseName());
        if (c.fresh()) {
            eb.awaitFresh(Duration.ofSeconds(5));
        }
        TextSearch.Result r = new TextSearch(eb.index())
                .search(new TextSearch.Request(
                        query, c.authorIds(), c.since(), c.until(), c.lang(), c.limit(), c.order()));
        return r.hits().stream()
                .map(h -> new SearchRow(h.tweetId(), h.authorId(), h.createdAt(), h.text(), h.lang(), h.score()));
    }

    @Procedure(name = "roost.earlybird.stats", mode = Mode.READ)
    @Description("The Earlybird index of this database: size, bytes per tweet, window, position, how it started."
            + " The first call opens it (a rebuild from the graph when it is missing or unreadable).")
    public Stream<IndexStats> stats() {
        Earlybird.Stats s = roost.earlybird(db.databaseName()).stats();
        return Stream.of(new IndexStats(
                s.directory(),
                s.openState(),
                s.startAction(),
                s.startMillis(),
                s.tweets(),
                s.bytesOnDisk(),
                s.tweets() == 0 ? 0 : (double) s.bytesOnDisk() / s.tweets(),
                s.newestCreatedAt() == Long.MIN_VALUE ? null : s.newestCreatedAt(),
                s.retentionCutoff() == Long.MIN_VALUE ? null : s.retentionCutoff(),
                s.lastTransactionId(),
                s.batchesApplied(),
                s.batchesQueued(),
                s.writerFailures(),
                s.commits()));
    }
}
