package roost.api.db;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.config.ConfigException;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.model.Schema;
import roost.procedures.RoostProcedures;
import roost.procedures.extension.RoostSettings;
import roost.procedures.gds.GdsRegistration;

/**
 * The embedded Neo4j DBMS: owns the {@link DatabaseManagementService}, enables Bolt with
 * authentication, applies the schema and registers Roost's and GDS's procedures.
 * The Roost extension (live components) and the GDS extension load by themselves through
 * {@code META-INF/services}.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /** Neo4j's own files live in this subdirectory of the data directory. */
    public static final String NEO4J_DIR = "neo4j";

    private final DatabaseManagementService dbms;
    private final GraphDatabaseService db;
    private final HostnamePort bolt;

    private EmbeddedNeo4j(DatabaseManagementService dbms, GraphDatabaseService db, HostnamePort bolt) {
        this.dbms = dbms;
        this.db = db;
        this.bolt = bolt;
    }

    /** Neo4j home under a Roost data directory. */
    public static Path homeOf(Path dataDir) {
        return dataDir.resolve(NEO4J_DIR);
    }

    /**
     * Starts the DBMS. When Bolt is enabled a password is required: the caller resolves it first
     * (see {@link roost.api.Application}).
     */
    public static EmbeddedNeo4j start(RoostConfig config, String password) {
        return start(config, password, true);
    }

    /**
     * Opens the database for offline work (import, training, batch jobs): no Bolt connector and
     * no GDS procedures, which saves several seconds of start-up. Roost's procedures are registered.
     */
    public static EmbeddedNeo4j openOffline(RoostConfig config) {
        return start(config.with(Setting.BOLT_ENABLED, "false"), null, false);
    }

    /**
     * Opens the database for a batch job that needs the GDS procedures (community detection): no
     * Bolt connector; Roost's and GDS's procedures are registered.
     */
    public static EmbeddedNeo4j openForBatch(RoostConfig config) {
        return start(config.with(Setting.BOLT_ENABLED, "false"), null, true);
    }

    private static EmbeddedNeo4j start(RoostConfig config, String password, boolean withGds) {
        long t0 = System.nanoTime();
        boolean boltEnabled = config.getBoolean(Setting.BOLT_ENABLED);
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(homeOf(config.dataDir()))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // The served Neo4j Browser reads this through dbms.clientConfig(): no usage reports.
                .setConfig(org.neo4j.server.configuration.ServerSettings.allow_telemetry, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, config.pageCacheBytes())
                .setConfig(GraphDatabaseSettings.keep_logical_logs, config.get(Setting.TX_LOG_RETENTION))
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "roost.*"))
                .setConfig(BoltConnector.enabled, boltEnabled)
                // The application builds the live structures before it serves (Application), and the
                // offline commands need none: no background build at start.
                .setConfig(RoostSettings.LOAD_AT_START, false)
                .setConfig(procedureSettings(config.procedureSettings()))
                // Roost's own log lines (the live graph's load, with progress) on the console.
                .setUserLogProvider(new RoostUserLog());
        if (boltEnabled) {
            builder.setConfig(
                            BoltConnector.listen_address,
                            new SocketAddress(config.get(Setting.BOLT_HOST), config.getInt(Setting.BOLT_PORT)))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        }
        DatabaseManagementService dbms = builder.build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (password != null) {
                setPassword(dbms, password);
            }
            Schema.apply(db);
            GlobalProcedures procedures =
                    ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class);
            RoostProcedures.register(db);
            GdsRegistration.Result gds =
                    withGds ? GdsRegistration.register(procedures) : new GdsRegistration.Result(0, 0, 0);
            HostnamePort bolt = boltEnabled
                    ? ((GraphDatabaseAPI) db)
                            .getDependencyResolver()
                            .resolveDependency(ConnectorPortRegister.class)
                            .getLocalAddress(ConnectorType.BOLT)
                    : null;
            LOG.info(
                    "Neo4j started in {} ms ({} GDS procedure classes, {} function classes), Bolt {}",
                    (System.nanoTime() - t0) / 1_000_000,
                    gds.procedureClasses(),
                    gds.functionClasses(),
                    bolt == null ? "disabled" : bolt);
            return new EmbeddedNeo4j(dbms, db, bolt);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
    }

    /**
     * The procedures' {@code dbms.roost.*} settings given to Roost, as typed Neo4j settings.
     *
     * @throws ConfigException naming an unknown key, or a value its setting cannot parse or does
     *     not allow (out of range)
     */
    static Map<org.neo4j.graphdb.config.Setting<?>, Object> procedureSettings(Map<String, String> raw) {
        Map<String, SettingImpl<?>> known = new TreeMap<>();
        for (Field f : RoostSettings.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                try {
                    if (f.get(null) instanceof SettingImpl<?> setting) {
                        known.put(setting.name(), setting);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        Map<org.neo4j.graphdb.config.Setting<?>, Object> out = new HashMap<>();
        raw.forEach((key, value) -> {
            SettingImpl<?> setting = known.get(key);
            if (setting == null) {
                throw new ConfigException("unknown setting '" + key + "'; the procedures' settings are "
                        + String.join(", ", known.keySet()));
            }
            try {
                out.put(setting, checked(setting, value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("setting " + key + " is '" + value + "': " + e.getMessage());
            }
        });
        return out;
    }

    private static <T> T checked(SettingImpl<T> setting, String value) {
        T parsed = setting.parse(value);
        setting.validate(parsed, org.neo4j.graphdb.config.Configuration.EMPTY);
        return parsed;
    }

    /**
     * Sets the password of user neo4j. Embedded transactions bypass auth, so this works on every
     * start; Neo4j refuses to "change" a password to the one it already has, which is fine here.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    public GraphDatabaseService db() {
        return db;
    }

    public DatabaseManagementService dbms() {
        return dbms;
    }

    /** The Bolt URL clients connect to, or null when Bolt is disabled. */
    public String boltUrl() {
        return bolt == null ? null : "bolt://" + bolt.getHost() + ":" + bolt.getPort();
    }

    /** The embedded Neo4j's version, e.g. 5.26.29. */
    public String neo4jVersion() {
        return org.neo4j.kernel.internal.Version.getNeo4jVersion();
    }

    public int boltPort() {
        return bolt == null ? -1 : bolt.getPort();
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
