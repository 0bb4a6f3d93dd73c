package roost.procedures.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.logging.Log;
import roost.model.RoostException;
import roost.procedures.communities.CommunityModel;
import roost.procedures.earlybird.Earlybird;
import roost.procedures.graph.EngagementGraph;
import roost.procedures.graph.LiveGraph;
import roost.retrieval.earlybird.TweetIndex;

/**
 * Roost's state inside the database process: one per DBMS, created by {@link RoostExtensionFactory}.
 * It hosts live components (built from the graph and kept current from committed transactions)
 * per database, created on first use and closed with the DBMS.
 *
 * <p>The {@link LiveGraph} of a database is built at its first use (the first call of a procedure
 * that needs it, or {@code roost.graph.stats()}, which an application can call at start to warm
 * it), and closed when the database stops or the DBMS shuts down. The {@code system} database has
 * none.
 *
 * <p>Thread-safe: components are created at most once per (database, type).
 */
public final class RoostRuntime implements AutoCloseable {
    private static final String VERSION = readVersion();

    private final Log log;
    private final Config config;
    private final Supplier<DatabaseManagementService> dbms;
    /**
     * Components per database and type, each a future: its build runs outside the map's locks, so a
     * long build (the live graph: minutes on a large graph) holds up only the calls that need it.
     */
    private final Map<String, Map<Class<?>, CompletableFuture<Object>>> components = new ConcurrentHashMap<>();

    private volatile Instant startedAt;
    private volatile boolean listening;
    private final Set<String> loadsStarted = ConcurrentHashMap.newKeySet();

    RoostRuntime(Log log, Config config, Supplier<DatabaseManagementService> dbms) {
        this.log = log;
        this.config = config;
        this.dbms = dbms;
    }

    void start() {
        startedAt = Instant.now();
        log.info("Roost %s extension started", VERSION);
        if (config.get(RoostSettings.LOAD_AT_START)) {
            try {
                DatabaseManagementService service = dbms.get();
                // Databases that start from now on are loaded by the listener; any already
                // available here.
                closeWhenDatabasesStop(service);
                for (String name : service.listDatabases()) {
                    if (service.database(name).isAvailable(0)) {
                        loadInBackground(name);
                    }
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Roost: the live structures are built at first use, not at start: the DBMS could not be "
                                + "reached (%s)",
                        e.toString());
            }
        }
    }

    /**
     * Builds a database's live graph, then opens its Earlybird index, on a background thread, once
     * per database: what {@link RoostSettings#LOAD_AT_START} asks for when the database becomes
     * available. A procedure called meanwhile waits for the component it needs. A failure is logged
     * and leaves the component to be built at its first use.
     */
    void loadInBackground(String database) {
        if (GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(database) || !loadsStarted.add(database)) {
            return;
        }
        Thread t = new Thread(() -> load(database), "roost-load-" + database);
        t.setDaemon(true);
        t.start();
    }

    private void load(String database) {
        try {
            long t0 = System.nanoTime();
            if (!stillHosted(database, LiveGraph.class, liveGraph(database))) {
                return;
            }
            long t1 = System.nanoTime();
            log.info("Roost: live graph of database '%s' built at start in %d ms", database, (t1 - t0) / 1_000_000);
            if (!stillHosted(database, Earlybird.class, earlybird(database))) {
                return;
            }
            log.info(
                    "Roost: Earlybird index of database '%s' opened at start in %d ms",
                    database, (System.nanoTime() - t1) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn(
                    "Roost: building the live structures of database '%s' at start failed (%s); they are built at "
                            + "first use",
                    database, e.toString());
        }
    }

    /**
     * Whether {@code component} is still the database's. A database that stopped while it was being
     * built has had its components forgotten, and this one, finished too late, was closed then
     * ({@link #closeComponents}).
     */
    private boolean stillHosted(String database, Class<?> type, Object component) {
        Map<Class<?>, CompletableFuture<Object>> perDb = components.get(database);
        CompletableFuture<Object> f = perDb == null ? null : perDb.get(type);
        return f != null && f.isDone() && !f.isCompletedExceptionally() && f.join() == component;
    }

    /** Roost's version, as built. */
    public static String version() {
        return VERSION;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * The live component of this type for a database, created by {@code factory} on first use.
     * A component that is {@link AutoCloseable} is closed with the DBMS.
     */
    public <T> T component(String database, Class<T> type, Function<String, T> factory) {
        Map<Class<?>, CompletableFuture<Object>> perDb = components.get(database);
        if (perDb == null) {
            perDb = components.computeIfAbsent(database, d -> new ConcurrentHashMap<>());
        }
        CompletableFuture<Object> built = perDb.get(type);
        if (built != null && built.isDone() && !built.isCompletedExceptionally()) {
            // Every call after the first: no allocation, no lock.
            return type.cast(built.join());
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = perDb.putIfAbsent(type, mine);
        if (existing == null) {
            // This call builds it; calls for the same component meanwhile wait for the future.
            try {
                T component = factory.apply(database);
                mine.complete(component);
                return component;
            } catch (RuntimeException | Error e) {
                // A failed build is not kept: the next call tries again.
                perDb.remove(type, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return type.cast(existing.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoostException("Interrupted while waiting for the " + type.getSimpleName() + " of database '"
                    + database + "' to be built");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RoostException(
                    "Building the " + type.getSimpleName() + " of database '" + database + "' failed: " + cause);
        }
    }

    /**
     * The live graph of a database, loaded at first use (which can take a while on a large graph;
     * later calls return at once).
     *
     * @throws RoostException.InvalidArgument for the {@code system} database
     */
    public LiveGraph liveGraph(String database) {
        if (GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(database)) {
            throw new RoostException.InvalidArgument(
                    "The system database has no Roost live graph; use a user database");
        }
        return component(database, LiveGraph.class, name -> {
            DatabaseManagementService service = dbms.get();
            closeWhenDatabasesStop(service);
            return LiveGraph.open(service.database(name), service, liveGraphSettings(), log);
        });
    }

    /**
     * The Earlybird tweet index of a database, opened at first use (a rebuild from the graph when
     * the index is missing or unreadable, else a catch-up; later calls return at once).
     *
     * @throws RoostException.InvalidArgument for the {@code system} database
     */
    public Earlybird earlybird(String database) {
        if (GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(database)) {
            throw new RoostException.InvalidArgument(
                    "The system database has no Roost Earlybird index; use a user database");
        }
        return component(database, Earlybird.class, name -> {
            DatabaseManagementService service = dbms.get();
            closeWhenDatabasesStop(service);
            return Earlybird.open(service.database(name), service, earlybirdSettings(name), log);
        });
    }

    /** The Earlybird settings of a database from the Neo4j configuration ({@link RoostSettings}). */
    public Earlybird.Settings earlybirdSettings(String database) {
        Path home = config.get(GraphDatabaseSettings.neo4j_home);
        Path dir = config.get(RoostSettings.EARLYBIRD_DIRECTORY);
        Path base = dir == null ? home.resolve("data").resolve("earlybird") : home.resolve(dir);
        TweetIndex.Settings d = TweetIndex.Settings.DEFAULT;
        Duration maxStale = config.get(RoostSettings.EARLYBIRD_MAX_STALE);
        return new Earlybird.Settings(
                base.resolve(database),
                new TweetIndex.Settings(
                        config.get(RoostSettings.EARLYBIRD_RETENTION),
                        maxStale,
                        d.minStale().compareTo(maxStale) > 0 ? maxStale : d.minStale(),
                        d.ramBufferMb()),
                config.get(RoostSettings.EARLYBIRD_COMMIT_INTERVAL),
                config.get(RoostSettings.EARLYBIRD_CATCH_UP_MARGIN));
    }

    /**
     * Forgets a database's component without closing it; the next use creates a new one. For
     * recovery tests and benchmarks that stop a component as a crash would.
     */
    public void forget(String database, Class<?> type) {
        Map<Class<?>, CompletableFuture<Object>> perDb = components.get(database);
        if (perDb != null) {
            perDb.remove(type);
        }
    }

    /**
     * The live community model of a database: at first use, loaded from the last community run
     * written to it (empty when there is none), then kept current by a transaction listener.
     *
     * @throws RoostException.InvalidArgument for the {@code system} database
     */
    public CommunityModel communities(String database) {
        if (GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(database)) {
            throw new RoostException.InvalidArgument(
                    "The system database has no Roost communities; use a user database");
        }
        return component(database, CommunityModel.class, name -> {
            DatabaseManagementService service = dbms.get();
            closeWhenDatabasesStop(service);
            return CommunityModel.open(service.database(name), service);
        });
    }

    /** The live graph settings from the Neo4j configuration ({@link RoostSettings}). */
    public LiveGraph.Settings liveGraphSettings() {
        Duration window = config.get(RoostSettings.LIVE_GRAPH_WINDOW);
        Duration span = config.get(RoostSettings.LIVE_GRAPH_SEGMENT_SPAN);
        return new LiveGraph.Settings(
                new EngagementGraph.Settings(
                        window,
                        span.compareTo(window) > 0 ? window : span,
                        EngagementGraph.Settings.DEFAULT.smallSegmentEdges()),
                config.get(RoostSettings.LIVE_GRAPH_PUBLISH_INTERVAL));
    }

    private void closeWhenDatabasesStop(DatabaseManagementService service) {
        if (listening) {
            return;
        }
        synchronized (this) {
            if (!listening) {
                service.registerDatabaseEventListener(new DatabaseEventListenerAdapter() {
                    @Override
                    public void databaseStart(DatabaseEventContext event) {
                        if (config.get(RoostSettings.LOAD_AT_START)) {
                            loadInBackground(event.getDatabaseName());
                        }
                    }

                    @Override
                    public void databaseShutdown(DatabaseEventContext event) {
                        closeComponents(event.getDatabaseName());
                    }

                    @Override
                    public void databaseDrop(DatabaseEventContext event) {
                        closeComponents(event.getDatabaseName());
                    }
                });
                listening = true;
            }
        }
    }

    /** Closes and forgets the components of one database. */
    void closeComponents(String database) {
        // A database started again builds its structures again.
        loadsStarted.remove(database);
        Map<Class<?>, CompletableFuture<Object>> perDb = components.remove(database);
        if (perDb != null) {
            // Built ones now; ones still being built when they are done (nothing else will).
            perDb.values().forEach(f -> f.thenAccept(this::closeQuietly));
        }
    }

    /** Names of the components live for a database, sorted. */
    public List<String> componentNames(String database) {
        return components.getOrDefault(database, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().isDone() && !e.getValue().isCompletedExceptionally())
                .map(e -> e.getKey().getSimpleName())
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        for (String database : List.copyOf(components.keySet())) {
            closeComponents(database);
        }
    }

    private void closeQuietly(Object component) {
        if (component instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Closing %s failed: %s", component.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private static String readVersion() {
        try (InputStream in = RoostRuntime.class.getResourceAsStream("/roost/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
