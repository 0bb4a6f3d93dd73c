package roost.procedures.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.neo4j.logging.Log;

/**
 * Roost's state inside the database process: one per DBMS, created by {@link RoostExtensionFactory}.
 * It hosts live components (built from the graph and kept current from committed transactions)
 * per database, created on first use and closed with the DBMS.
 *
 * <p>Thread-safe: components are created at most once per (database, type).
 */
public final class RoostRuntime implements AutoCloseable {
    private static final String VERSION = readVersion();

    private final Log log;
    private final Map<String, Map<Class<?>, Object>> components = new ConcurrentHashMap<>();
    private volatile Instant startedAt;

    RoostRuntime(Log log) {
        this.log = log;
    }

    void start() {
        startedAt = Instant.now();
        log.info("Roost %s extension started", VERSION);
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
        Map<Class<?>, Object> perDb = components.computeIfAbsent(database, d -> new ConcurrentHashMap<>());
        return type.cast(perDb.computeIfAbsent(type, t -> factory.apply(database)));
    }

    /** Names of the components live for a database, sorted. */
    public List<String> componentNames(String database) {
        return components.getOrDefault(database, Map.of()).keySet().stream()
                .map(Class::getSimpleName)
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        for (Map<Class<?>, Object> perDb : components.values()) {
            for (Object component : perDb.values()) {
                if (component instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        log.warn("Closing %s failed: %s", component.getClass().getSimpleName(), e.getMessage());
                    }
                }
            }
        }
        components.clear();
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
