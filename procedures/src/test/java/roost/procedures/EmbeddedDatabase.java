package roost.procedures;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.model.Schema;

/** A small embedded database in a temporary directory, with Roost's schema and procedures. */
public final class EmbeddedDatabase implements AutoCloseable {
    private final DatabaseManagementService dbms;
    private final GraphDatabaseService db;

    public EmbeddedDatabase(Path home) {
        this(home, java.util.Map.of());
    }

    /** With extra Neo4j settings (Roost's among them). */
    public EmbeddedDatabase(Path home, java.util.Map<org.neo4j.graphdb.config.Setting<?>, Object> settings) {
        dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("roost.*"))
                .setConfig(settings)
                .build();
        db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        Schema.apply(db);
        RoostProcedures.register(db);
    }

    public GraphDatabaseService db() {
        return db;
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
