package roost.procedures.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static roost.procedures.GraphFixture.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Transaction;
import roost.model.RoostException;
import roost.procedures.EmbeddedDatabase;
import roost.procedures.GraphFixture;
import roost.procedures.graph.EngagementTypes;

/** The history a request shares: every engagement relationship, values as stored, read once while asked about one user. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementHistoryIT {
    @TempDir
    static Path home;

    private EmbeddedDatabase database;

    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home);
        GraphFixture fixture = new GraphFixture(database.db());
        fixture.tweet(100, 7, T0).tweet(101, 8, T0);
        fixture.engage(1, "LIKED", 100, T0 + 5).engage(1, "RETWEETED", 101, T0 + 9);
        fixture.engage(2, "REPLIED", 100, T0 + 1);
        // A tweet without an author and an engagement without a time: kept, the values MISSING.
        database.db()
                .executeTransactionally(
                        "MATCH (u:User {id: 1}) CREATE (u)-[:CLICKED]->(:Tweet {id: 102})"
                                + " CREATE (u)-[:LIKED]->(:Tweet {id: 103, authorId: 9, createdAt: $at})",
                        Map.of("at", T0));
        // Not an engagement: not read.
        fixture.follow(1, 7);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void readsEveryEngagementWithItsValuesOrMissing() {
        try (Transaction tx = database.db().beginTx()) {
            EngagementHistory h = new EngagementHistory.PerRequest(tx).of(1);
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < h.size(); i++) {
                rows.add(h.tweet(i) + "/" + value(h.author(i)) + "/" + EngagementTypes.rel(h.type(i)) + "@"
                        + value(h.time(i) == EngagementHistory.MISSING ? h.time(i) : h.time(i) - T0));
            }
            assertThat(rows)
                    .containsExactlyInAnyOrder(
                            "100/7/LIKED@5", "101/8/RETWEETED@9", "102/missing/CLICKED@missing", "103/9/LIKED@missing");
        }
    }

    @Test
    void theLastUserReadIsKeptAndAnUnknownUserIsNamed() {
        try (Transaction tx = database.db().beginTx()) {
            EngagementHistory.PerRequest histories = new EngagementHistory.PerRequest(tx);
            EngagementHistory first = histories.of(2);
            assertThat(histories.of(2)).isSameAs(first);
            assertThat(first.size()).isEqualTo(1);
            assertThat(histories.of(1).size()).isEqualTo(4);
            assertThat(histories.of(2))
                    .isNotSameAs(first)
                    .satisfies(h -> assertThat(h.tweet(0)).isEqualTo(100));
            assertThatThrownBy(() -> histories.of(99))
                    .isInstanceOf(RoostException.NotFound.class)
                    .hasMessageContaining("99");
        }
    }

    private static String value(long v) {
        return v == EngagementHistory.MISSING ? "missing" : Long.toString(v);
    }
}
