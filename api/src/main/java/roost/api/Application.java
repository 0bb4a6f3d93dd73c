package roost.api;

import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.api.db.EmbeddedNeo4j;
import roost.api.http.HttpApi;
import roost.api.search.SearchService;
import roost.api.timeline.TimelineService;
import roost.api.users.UserService;
import roost.procedures.extension.RoostRuntime;

/**
 * The running application: the embedded database and the HTTP API on top of it. Built once from
 * an immutable {@link RoostConfig}; {@link #close()} stops HTTP first, then the database.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final RoostConfig config;
    private final EmbeddedNeo4j neo4j;
    private final HttpApi http;
    private final TimelineService timeline;

    private Application(RoostConfig config, EmbeddedNeo4j neo4j, HttpApi http, TimelineService timeline) {
        this.config = config;
        this.neo4j = neo4j;
        this.http = http;
        this.timeline = timeline;
    }

    /** The timeline service the HTTP API serves. */
    public TimelineService timeline() {
        return timeline;
    }

    /**
     * Starts the database, then HTTP.
     *
     * @param password the Bolt password of user neo4j; required when Bolt is enabled
     */
    public static Application start(RoostConfig config, String password) {
        if (config.getBoolean(Setting.BOLT_ENABLED) && (password == null || password.isEmpty())) {
            throw new roost.api.config.ConfigException("Bolt is enabled but no password is set: set "
                    + Setting.BOLT_PASSWORD.env() + ", or " + Setting.BOLT_PASSWORD.key()
                    + " in the config file, or disable Bolt with " + Setting.BOLT_ENABLED.key() + "=false");
        }
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(config, password);
        try {
            warmLiveGraph(neo4j);
            warmEarlybird(neo4j);
            HttpApi.BrowserTarget browser = config.getBoolean(Setting.BROWSER_ENABLED) && neo4j.boltUrl() != null
                    ? new HttpApi.BrowserTarget(neo4j.boltUrl(), neo4j.neo4jVersion())
                    : null;
            TimelineService timeline = new TimelineService(neo4j.db());
            warmTimeline(neo4j, timeline);
            HttpApi.Services services = new HttpApi.Services(
                    new UserService(neo4j.db()),
                    timeline,
                    new SearchService(neo4j.db()),
                    RoostRuntime.version(),
                    browser);
            HttpApi http = new HttpApi(
                            services,
                            new HttpApi.Limits(config.getInt(Setting.DEFAULT_LIMIT), config.getInt(Setting.MAX_LIMIT)))
                    .start(config.get(Setting.HTTP_HOST), config.getInt(Setting.HTTP_PORT));
            LOG.info(
                    "Roost {} serving HTTP on {}",
                    RoostRuntime.version(),
                    "http://" + config.get(Setting.HTTP_HOST) + ":" + http.port());
            return new Application(config, neo4j, http, timeline);
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
    }

    /**
     * Builds the live engagement and follow graphs now rather than in the first request that needs
     * them (a timeline's walk sources would time out while it loads).
     */
    private static void warmLiveGraph(EmbeddedNeo4j neo4j) {
        warm(
                neo4j,
                "Live graph",
                "CALL roost.graph.stats() YIELD engagementEdges, followEdges"
                        + " RETURN engagementEdges + ' engagement edges, ' + followEdges + ' follow edges' AS s");
    }

    /**
     * Opens the Earlybird index now (rebuilding it from the graph when it is missing) rather than
     * in the first timeline, whose in-network source would time out meanwhile.
     */
    private static void warmEarlybird(EmbeddedNeo4j neo4j) {
        try {
            warm(
                    neo4j,
                    "Earlybird index",
                    "CALL roost.earlybird.stats() YIELD tweets, startAction"
                            + " RETURN tweets + ' tweets (' + startAction + ')' AS s");
        } catch (RuntimeException e) {
            // The in-network source falls back to Cypher while the index cannot answer.
            LOG.warn("Earlybird index could not be opened; in-network candidates come from Cypher: {}", e.toString());
        }
    }

    /**
     * Serves one timeline, to the first user who follows someone, before HTTP opens: the first
     * request would otherwise plan every query of the timeline and load the ranker (about a second
     * on the demo network). A timeline only reads. Does nothing on a database without follows.
     *
     * @return the user served, or empty when there was none or the timeline failed (logged)
     */
    public static OptionalLong warmTimeline(EmbeddedNeo4j neo4j, TimelineService timeline) {
        long t0 = System.nanoTime();
        try {
            Object id = neo4j.db()
                    .executeTransactionally(
                            "MATCH (u:User)-[:FOLLOWS]->() WHERE u.id IS NOT NULL RETURN u.id AS id LIMIT 1",
                            java.util.Map.of(),
                            r -> r.hasNext() ? r.next().get("id") : null);
            if (!(id instanceof Long userId)) {
                return OptionalLong.empty();
            }
            int items = timeline.timeline(userId, 20).size();
            LOG.info(
                    "Timeline ready in {} ms: {} items for user {}",
                    (System.nanoTime() - t0) / 1_000_000,
                    items,
                    userId);
            return OptionalLong.of(userId);
        } catch (RuntimeException e) {
            // Not fatal: the first request pays for what the warm-up would have done.
            LOG.warn("Timeline warm-up failed; the first request will be slower: {}", e.toString());
            return OptionalLong.empty();
        }
    }

    /** Runs a stats query whose first call builds what it reports on, and logs the time and its one value {@code s}. */
    private static void warm(EmbeddedNeo4j neo4j, String what, String statsQuery) {
        long t0 = System.nanoTime();
        String stats = neo4j.db().executeTransactionally(statsQuery, java.util.Map.of(), r ->
                (String) r.next().get("s"));
        LOG.info("{} ready in {} ms: {}", what, (System.nanoTime() - t0) / 1_000_000, stats);
    }

    public EmbeddedNeo4j neo4j() {
        return neo4j;
    }

    public RoostConfig config() {
        return config;
    }

    public String httpUrl() {
        return "http://" + config.get(Setting.HTTP_HOST) + ":" + http.port();
    }

    public int httpPort() {
        return http.port();
    }

    /** The Neo4j Browser's URL, preset to the Bolt connector; null when it is not served. */
    public String browserUrl() {
        return config.getBoolean(Setting.BROWSER_ENABLED) && boltUrl() != null
                ? httpUrl() + new HttpApi.BrowserTarget(boltUrl(), neo4j.neo4jVersion()).path()
                : null;
    }

    /** Bolt URL, or null when Bolt is disabled. */
    public String boltUrl() {
        return neo4j.boltUrl();
    }

    @Override
    public void close() {
        try {
            http.close();
            timeline.close();
        } finally {
            neo4j.close();
        }
        LOG.info("Roost stopped");
    }
}
