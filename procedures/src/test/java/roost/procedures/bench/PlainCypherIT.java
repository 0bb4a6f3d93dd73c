package roost.procedures.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.GraphFixture.HOUR;
import static roost.procedures.GraphFixture.T0;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import roost.procedures.EmbeddedDatabase;
import roost.procedures.GraphFixture;

/**
 * The benchmark's plain-Cypher way gives what {@code roost.network.engagedByFollowings} gives, on
 * a random graph with blocks, mutes, reports, the viewers' own tweets, engagements older than the
 * window, followees over the per-followee cap and viewers over a followee cap: otherwise the ratio the benchmark reports
 * would compare different questions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlainCypherIT {
    private static final String[] TYPES = {"LIKED", "RETWEETED", "REPLIED", "QUOTED", "CLICKED"};
    private static final int USERS = 30;
    private static final int TWEETS = 80;

    @TempDir
    static Path home;

    private EmbeddedDatabase database;

    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home);
        GraphFixture fixture = new GraphFixture(database.db());
        SplittableRandom random = new SplittableRandom(7);
        fixture.randomFollows(USERS, 6, random);
        for (long t = 1000; t < 1000 + TWEETS; t++) {
            fixture.tweet(t, 1 + random.nextInt(USERS), T0);
        }
        // Times are distinct, so "newest first" has one answer; some fall before the 48 h window.
        long time = T0;
        for (int i = 0; i < 600; i++) {
            long user = 1 + random.nextInt(i < 200 ? 3 : USERS); // users 1 to 3 engage a lot
            long tweet = 1000 + random.nextInt(TWEETS);
            long at = (i % 40 == 0) ? T0 - 60 * HOUR - i : time + i * 1000L;
            fixture.engage(user, TYPES[random.nextInt(TYPES.length)], tweet, at);
        }
        for (long u = 1; u <= USERS; u += 3) {
            fixture.signalUser(u, "BLOCKED", 1 + random.nextInt(USERS))
                    .signalUser(u, "MUTED", 1 + random.nextInt(USERS))
                    .signalTweet(u, "NOT_INTERESTED", 1000 + random.nextInt(TWEETS))
                    .signalTweet(u, "REPORTED", 1000 + random.nextInt(TWEETS));
        }
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource({"500, 1000", "3, 1000", "500, 2"})
    void thePlainCypherGivesTheProceduresAnswer(int perFollowee, int maxFollowees) {
        Object cutoff = database.db()
                .executeTransactionally(
                        "CALL roost.graph.stats() YIELD windowStart RETURN windowStart",
                        Map.of(),
                        r -> r.next().get("windowStart"));
        int compared = 0;
        for (long u = 1; u <= USERS; u++) {
            Map<String, Object> params =
                    Map.of("userId", u, "cutoff", cutoff, "perFollowee", perFollowee, "maxFollowees", maxFollowees);
            List<Map<String, Object>> plain = comparable(database.rows(GraphBench.PLAIN_CYPHER, params));
            List<Map<String, Object>> procedure = comparable(database.rows(
                    "CALL roost.network.engagedByFollowings($userId, {weights: 'uniform', excludeEngaged: false, "
                            + "maxEngagementsPerFollowee: $perFollowee, maxFollowees: $maxFollowees})",
                    params));
            assertThat(plain).as("viewer %d", u).isEqualTo(procedure);
            compared += procedure.size();
        }
        assertThat(compared).isGreaterThan(100);
    }

    /** Rows with the engagement types as a set (the procedure lists them in a fixed order, Cypher in any). */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(r -> {
                    Map<String, Object> m = new HashMap<>(r);
                    m.put("engagementTypes", new HashSet<>((List<?>) r.get("engagementTypes")));
                    return (Map<String, Object>) m;
                })
                .toList();
    }
}
