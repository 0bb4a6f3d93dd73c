package roost.procedures.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roost.procedures.EmbeddedDatabase;

/** {@code dbms.roost.load_at_start}: the live structures are built when the database starts, not at first use. */
class LoadAtStartIT {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void theLiveGraphAndTheEarlybirdIndexAreBuiltWhenTheDatabaseStarts(@TempDir Path home) throws Exception {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home, Map.of(RoostSettings.LOAD_AT_START, false))) {
            database.db().executeTransactionally("""
                            CREATE (a:User {id: 1})-[:FOLLOWS {createdAt: $t0}]->(b:User {id: 2}),
                                   (b)-[:POSTED {createdAt: $t0}]->(t:Tweet {id: 10, authorId: 2, createdAt: $t0, text: 'hello'}),
                                   (a)-[:LIKED {createdAt: $t1}]->(t)
                            """, Map.of("t0", T0, "t1", T0 + 1000));
            // Switched off, nothing is built until a call needs it.
            Thread.sleep(300);
            assertThat(components(database)).isEmpty();
        }
        try (EmbeddedDatabase database = new EmbeddedDatabase(home, Map.of(RoostSettings.LOAD_AT_START, true))) {
            // No call asks for them: the database's start does.
            List<String> names = components(database);
            for (long until = System.nanoTime() + 60_000_000_000L;
                    !names.containsAll(List.of("Earlybird", "LiveGraph")) && System.nanoTime() < until; ) {
                Thread.sleep(20);
                names = components(database);
            }
            assertThat(names).contains("Earlybird", "LiveGraph");
            Map<String, Object> stats =
                    database.db().executeTransactionally("CALL roost.graph.stats()", Map.of(), r -> r.next());
            assertThat(stats).containsEntry("engagementEdges", 1L).containsEntry("followEdges", 1L);
            Map<String, Object> index =
                    database.db().executeTransactionally("CALL roost.earlybird.stats()", Map.of(), r -> r.next());
            assertThat(index).containsEntry("tweets", 1L);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> components(EmbeddedDatabase database) {
        return database.db()
                .executeTransactionally("CALL roost.version() YIELD components RETURN components", Map.of(), r ->
                        (List<String>) r.next().get("components"));
    }
}
