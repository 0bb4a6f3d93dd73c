package roost.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

class SchemaTest {
    @Test
    void theCypherFileHoldsTheSameStatements() throws IOException {
        List<String> fromFile = Arrays.stream(
                        Files.readString(Path.of("../cypher/schema.cypher")).split("\n"))
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .map(l -> l.endsWith(";") ? l.substring(0, l.length() - 1) : l)
                .toList();
        assertThat(fromFile).isEqualTo(Schema.STATEMENTS);
    }

    @Test
    void applyingTwiceIsHarmlessAndTheConstraintsHold(@TempDir Path home) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20)
                .build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            Schema.apply(db);
            Schema.apply(db);
            long constraints = db.executeTransactionally(
                    "SHOW CONSTRAINTS", Map.of(), r -> r.stream().count());
            long indexes = db.executeTransactionally(
                    "SHOW INDEXES YIELD name WHERE name STARTS WITH 'tweet_' OR name STARTS WITH 'user_' RETURN name",
                    Map.of(),
                    r -> r.stream().count());
            assertThat(constraints).isEqualTo(3); // user_id, tweet_id, community_id
            // user_id and tweet_id (constraint-backing), tweet_created_at, tweet_author_id, tweet_community_time
            assertThat(indexes).isEqualTo(5);
            db.executeTransactionally("CREATE (:User {id: 1})");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> db.executeTransactionally("CREATE (:User {id: 1})"))
                    .hasMessageContaining("already exists");
        } finally {
            dbms.shutdown();
        }
    }
}
