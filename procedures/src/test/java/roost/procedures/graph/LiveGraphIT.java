package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.GraphFixture.HOUR;
import static roost.procedures.GraphFixture.T0;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import roost.procedures.EmbeddedDatabase;
import roost.procedures.GraphFixture;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveGraphIT {
    @TempDir
    static Path home;

    private EmbeddedDatabase database;
    private GraphFixture fixture;

    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home);
        fixture = new GraphFixture(database.db());
        fixture.follow(1, 2).follow(1, 3).follow(2, 3);
        fixture.tweet(100, 3, T0).tweet(101, 3, T0);
        fixture.engage(2, "LIKED", 100, T0 + HOUR);
        // Older than the 48 h window measured from the newest engagement: not loaded.
        fixture.engage(2, "LIKED", 101, T0 - 100 * HOUR);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    private Map<String, Object> stats() {
        return fixture.single("CALL roost.graph.stats()", Map.of());
    }

    @Test
    void loadsTheWindowAndFollowsAtFirstUseThenFollowsCommits() throws Exception {
        Map<String, Object> first = stats();
        assertThat(first.get("followEdges")).isEqualTo(3L);
        assertThat(first.get("newestTime")).isEqualTo(T0 + HOUR);
        assertThat(first.get("windowStart")).isEqualTo(T0 + HOUR - 48 * HOUR);
        // The load puts the window in the history: a fold, and none failed.
        assertThat((Long) first.get("folds")).isGreaterThanOrEqualTo(1L);
        assertThat(first.get("foldFailures")).isEqualTo(0L);
        long edgesBefore = (Long) first.get("engagementEdges");
        assertThat(edgesBefore).isEqualTo(1L);

        fixture.engage(3, "RETWEETED", 100, T0 + 2 * HOUR).follow(3, 1);
        awaitStats(s -> (Long) s.get("engagementEdges") == edgesBefore + 1 && (Long) s.get("followEdges") == 4L);
        assertThat(stats().get("newestTime")).isEqualTo(T0 + 2 * HOUR);

        // A rolled-back transaction changes nothing.
        try (var tx = database.db().beginTx()) {
            tx.execute(
                    "MATCH (u:User {id: 3}), (t:Tweet {id: 101}) CREATE (u)-[:LIKED {createdAt: $at}]->(t)",
                    Map.of("at", T0 + 3 * HOUR));
            tx.rollback();
        }
        // Deleting an engagement (unlike), an unfollow, and a tweet with its engagements.
        database.db().executeTransactionally("MATCH (:User {id: 3})-[r:RETWEETED]->(:Tweet {id: 100}) DELETE r");
        database.db().executeTransactionally("MATCH (:User {id: 3})-[r:FOLLOWS]->(:User {id: 1}) DELETE r");
        awaitStats(s -> (Long) s.get("engagementEdges") == edgesBefore && (Long) s.get("followEdges") == 3L);
        database.db().executeTransactionally("MATCH (t:Tweet {id: 100}) DETACH DELETE t");
        awaitStats(s -> (Long) s.get("engagementEdges") == 0L);
        assertThat(stats().get("newestTime")).isEqualTo(T0 + 2 * HOUR);
    }

    private void awaitStats(java.util.function.Predicate<Map<String, Object>> done) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Map<String, Object> s = stats();
        while (!done.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            s = stats();
        }
        assertThat(done.test(s)).as("stats reached the expected state: %s", s).isTrue();
    }
}
