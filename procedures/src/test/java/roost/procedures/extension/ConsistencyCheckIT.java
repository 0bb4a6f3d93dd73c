package roost.procedures.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.consistency.ConsistencyCheckService;
import org.neo4j.io.layout.DatabaseLayout;
import roost.procedures.EmbeddedDatabase;

/**
 * Neo4j's offline tools (the consistency check of {@code neo4j-admin database check}) load the
 * extensions they find on the classpath, {@code plugins/} included: Roost's must not stop them.
 */
class ConsistencyCheckIT {
    @Test
    void theConsistencyCheckRunsWithRoostOnTheClasspath(@TempDir Path home) throws Exception {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home, Map.of(RoostSettings.LOAD_AT_START, true))) {
            database.db()
                    .executeTransactionally(
                            "CREATE (:User {id: 1})-[:FOLLOWS {createdAt: 0}]->(:User {id: 2})-[:POSTED {createdAt: 0}]->"
                                    + "(:Tweet {id: 10, authorId: 2, createdAt: 0})");
        }
        Config config = Config.defaults(GraphDatabaseSettings.neo4j_home, home);
        ConsistencyCheckService.Result result = new ConsistencyCheckService(DatabaseLayout.of(config))
                .with(config)
                .with(home.resolve("consistency-report"))
                .runFullConsistencyCheck();
        assertThat(result.isSuccessful()).as(String.valueOf(result)).isTrue();
    }
}
