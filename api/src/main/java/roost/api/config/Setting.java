package roost.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of Roost, with its default and meaning: the one place where defaults live.
 * A setting is read, lowest priority first, from its default, the config file ({@code key=value}),
 * the environment ({@link #env()}), then command-line flags ({@code --set key=value} or a named flag).
 */
public enum Setting {
    DATA_DIR("data.dir", "roost-data", Type.PATH, "Directory holding the database, indexes and generated data"),
    HTTP_HOST("http.host", "127.0.0.1", Type.HOST, "Address the HTTP API listens on"),
    HTTP_PORT("http.port", "8080", Type.PORT, "Port of the HTTP API (0 = any free port)"),
    BOLT_ENABLED("bolt.enabled", "true", Type.BOOLEAN, "Whether the embedded database accepts Bolt connections"),
    BOLT_HOST("bolt.host", "127.0.0.1", Type.HOST, "Address the Bolt connector listens on"),
    BOLT_PORT("bolt.port", "7687", Type.PORT, "Port of the Bolt connector (0 = any free port)"),
    BOLT_PASSWORD(
            "bolt.password",
            "",
            Type.SECRET,
            "Password of the 'neo4j' user (at least 8 characters); demo generates one when empty"),
    BROWSER_ENABLED(
            "browser.enabled",
            "true",
            Type.BOOLEAN,
            "Serve the Neo4j Browser at /browser/ on the HTTP port, preset to the embedded Bolt connector"),
    PAGECACHE("neo4j.pagecache", "512m", Type.SIZE, "Neo4j page cache size (e.g. 512m, 2g)"),
    TX_LOG_RETENTION(
            "neo4j.tx-log-retention", "1 days", Type.TEXT, "How long Neo4j keeps transaction logs (e.g. '2 files')"),
    IMPORT_VERBOSE(
            "import.verbose",
            "false",
            Type.BOOLEAN,
            "Pass --verbose to Neo4j's bulk importer: more detail, and stack traces when it fails"),
    DEFAULT_LIMIT("api.default-limit", "50", Type.POSITIVE_INT, "Items per page when a request gives no limit"),
    MAX_LIMIT("api.max-limit", "500", Type.POSITIVE_INT, "Largest limit a request may ask for"),
    DEMO_USERS("demo.users", "20000", Type.POSITIVE_INT, "Users in the generated demo network"),
    DEMO_SEED("demo.seed", "42", Type.LONG, "Seed of the generated demo network");

    /** How a value is checked. */
    public enum Type {
        TEXT,
        PATH,
        HOST,
        PORT,
        BOOLEAN,
        POSITIVE_INT,
        LONG,
        SIZE,
        SECRET
    }

    private final String key;
    private final String defaultValue;
    private final Type type;
    private final String description;

    Setting(String key, String defaultValue, Type type, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.type = type;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** Environment variable: {@code ROOST_} + the key in upper case, dots and dashes as underscores. */
    public String env() {
        return "ROOST_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
