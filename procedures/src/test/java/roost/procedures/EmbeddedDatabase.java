package roost.procedures;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import roost.model.Schema;
import roost.procedures.gds.GdsRegistration;

/** A small embedded database in a temporary directory, with Roost's schema and procedures. */
public final class EmbeddedDatabase implements AutoCloseable {
    private final DatabaseManagementService dbms;
    private final GraphDatabaseService db;

    public EmbeddedDatabase(Path home) {
        this(home, java.util.Map.of(), false);
    }

    /** @param withGds also register the Graph Data Science procedures (several seconds) */
    public EmbeddedDatabase(Path home, boolean withGds) {
        this(home, java.util.Map.of(), withGds);
    }

    /** With extra Neo4j settings (Roost's among them). */
    public EmbeddedDatabase(Path home, java.util.Map<org.neo4j.graphdb.config.Setting<?>, Object> settings) {
        this(home, settings, false);
    }

    /**
     * @param settings extra Neo4j settings (Roost's among them)
     * @param withGds also register the Graph Data Science procedures (several seconds)
     */
    public EmbeddedDatabase(
            Path home, java.util.Map<org.neo4j.graphdb.config.Setting<?>, Object> settings, boolean withGds) {
        dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("gds.*", "roost.*"))
                // Tests build the live structures at their first call, after writing their data.
                .setConfig(roost.procedures.extension.RoostSettings.LOAD_AT_START, false)
                .setConfig(settings)
                .build();
        db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        Schema.apply(db);
        RoostProcedures.register(db);
        if (withGds) {
            GdsRegistration.register(
                    ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class));
        }
    }

    public DatabaseManagementService dbms() {
        return dbms;
    }

    public GraphDatabaseService db() {
        return db;
    }

    /** Runs {@code cypher} in its own transaction and returns every row. */
    public java.util.List<java.util.Map<String, Object>> rows(String cypher, java.util.Map<String, Object> params) {
        return db.executeTransactionally(cypher, params, r -> r.stream().toList());
    }

    /** As {@link #rows(String, java.util.Map)} without parameters. */
    public java.util.List<java.util.Map<String, Object>> rows(String cypher) {
        return rows(cypher, java.util.Map.of());
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
