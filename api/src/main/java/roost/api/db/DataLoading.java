package roost.api.db;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.importer.ImportException;
import roost.importer.Progress;
import roost.importer.load.BulkLoader;
import roost.importer.load.CypherLoader;
import roost.importer.load.ImportStats;
import roost.importer.load.TransactionalLoader;

/** Loads a generic-CSV directory into the database of a data directory, by the path the mode names. */
public final class DataLoading {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoading.class);

    /** How to write. */
    public enum Mode {
        /** Bulk when the database is new or empty, else transactional. */
        auto,
        /** Neo4j's batch importer: fastest, new or empty database only. */
        bulk,
        /** Batched transactions through the Core API: any database, idempotent. */
        transactional,
        /** Batched {@code UNWIND ... MERGE} Cypher: any database, idempotent; the baseline to compare with. */
        cypher
    }

    private DataLoading() {}

    public static ImportStats load(RoostConfig config, Path csvDir, Mode mode, Progress progress) {
        return load(config, csvDir, mode, progress, false);
    }

    /**
     * Loads, and when {@code startingNext} the bulk path does not start the database afterwards to
     * apply the schema and count: the caller starts it next anyway ({@link EmbeddedNeo4j} applies the
     * schema on every start), so the database is started once instead of twice. The counts then
     * come from the staged files, which the importer wrote in full or failed.
     */
    public static ImportStats load(
            RoostConfig config, Path csvDir, Mode mode, Progress progress, boolean startingNext) {
        Path home = EmbeddedNeo4j.homeOf(config.dataDir());
        if (mode == Mode.auto || mode == Mode.bulk) {
            try {
                BulkLoader.Options bulk = BulkLoader.Options.defaults()
                        .withVerbose(config.getBoolean(Setting.IMPORT_VERBOSE))
                        .withStartAfterImport(!startingNext);
                return new BulkLoader(bulk, progress).load(csvDir, home);
            } catch (ImportException.DatabaseNotEmpty e) {
                if (mode == Mode.bulk) {
                    throw e;
                }
                LOG.info("The database already holds data: loading with transactions ({})", e.getMessage());
            }
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.openOffline(config)) {
            return mode == Mode.cypher
                    ? new CypherLoader(progress).load(csvDir, neo4j.db())
                    : new TransactionalLoader(progress).load(csvDir, neo4j.db());
        }
    }
}
