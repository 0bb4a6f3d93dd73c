package roost.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static roost.procedures.GraphFixture.HOUR;
import static roost.procedures.GraphFixture.T0;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.QueryExecutionException;

/** The social-graph procedures through Cypher, on one small embedded database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialGraphProceduresIT {
    @TempDir
    static Path home;

    private EmbeddedDatabase database;
    private GraphFixture fixture;

    /**
     * Viewer 1 follows 2, 3, 4. Tweets: 100 and 104 by 7, 101 by the viewer, 102 by 8 (blocked),
     * 103 by 9 (muted), 105 by 6 (marked not interested).
     */
    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home);
        fixture = new GraphFixture(database.db());
        fixture.follow(1, 2)
                .follow(1, 3)
                .follow(1, 4)
                .follow(2, 5)
                .follow(3, 5)
                .follow(4, 6)
                .follow(5, 6);
        fixture.tweet(100, 7, T0).tweet(101, 1, T0).tweet(102, 8, T0).tweet(103, 9, T0);
        fixture.tweet(104, 7, T0).tweet(105, 6, T0).tweet(106, 7, T0);
        fixture.engage(2, "LIKED", 100, T0 + 1)
                .engage(3, "RETWEETED", 100, T0 + 2)
                .engage(4, "LIKED", 104, T0 + 3)
                .engage(2, "LIKED", 101, T0 + 4)
                .engage(3, "LIKED", 102, T0 + 5)
                .engage(4, "LIKED", 103, T0 + 6)
                .engage(2, "LIKED", 105, T0 + 7)
                .engage(5, "LIKED", 104, T0 + 8)
                .engage(5, "REPLIED", 106, T0 + 9)
                .engage(1, "LIKED", 100, T0 - HOUR);
        fixture.signalUser(1, "BLOCKED", 8).signalUser(1, "MUTED", 9).signalTweet(1, "NOT_INTERESTED", 105);
        // A separate corner for the latency test: viewer 20 follows 21.
        fixture.follow(20, 21).tweet(107, 22, T0).tweet(108, 22, T0).engage(21, "LIKED", 107, T0);
        // Another for blocks after the live graph is up: viewer 30 follows 31, who liked 109 and 110 by 32 and 33.
        fixture.follow(30, 31).tweet(109, 32, T0).tweet(110, 33, T0);
        fixture.engage(31, "LIKED", 109, T0).engage(31, "LIKED", 110, T0 + 1);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void engagedByFollowingsCountsFolloweesAndHidesWhatMustBeHidden() {
        List<Map<String, Object>> rows = database.rows(
                "CALL roost.network.engagedByFollowings(1, {weights: 'uniform', excludeEngaged: false})", Map.of());
        assertThat(rows).extracting(r -> r.get("tweetId")).containsExactly(100L, 104L);
        assertThat(rows.get(0))
                .containsEntry("score", 2.0)
                .containsEntry("authorId", 7L)
                .containsEntry("socialProof", List.of(2L, 3L))
                .containsEntry("socialProofCount", 2L)
                .containsEntry("engagementTypes", List.of("LIKED", "RETWEETED"))
                .containsEntry("newestEngagement", T0 + 2);
        // By default tweets the viewer engaged with (100) are left out, and weights come from RealGraph.
        List<Map<String, Object>> byDefault = database.rows("CALL roost.network.engagedByFollowings(1)", Map.of());
        assertThat(byDefault).extracting(r -> r.get("tweetId")).containsExactly(104L);
        assertThat((Double) byDefault.get(0).get("score")).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void salsaTweetsAndItsStats() {
        List<Map<String, Object>> rows = database.rows(
                "CALL roost.salsa.tweets(1, {walks: 2000, excludeEngaged: false, seed: 5}) "
                        + "YIELD tweetId, score, socialProof RETURN tweetId, score, socialProof",
                Map.of());
        assertThat(rows).extracting(r -> r.get("tweetId")).contains(100L, 104L).doesNotContain(101L, 102L, 103L, 105L);
        assertThat(rows).extracting(r -> (Double) r.get("score")).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(database.rows(
                        "CALL roost.salsa.tweets(1, {walks: 2000, excludeEngaged: false, seed: 5}) YIELD tweetId "
                                + "RETURN tweetId",
                        Map.of()))
                .extracting(r -> r.get("tweetId"))
                .isEqualTo(rows.stream().map(r -> r.get("tweetId")).toList());
        Map<String, Object> stats = database.rows("CALL roost.salsa.tweets.stats(1, {walks: 2000})", Map.of())
                .get(0);
        assertThat(stats)
                .containsEntry("walks", 2000L)
                .containsEntry("steps", 10_000L)
                .containsEntry("seeds", 4L);
        assertThat((Long) stats.get("candidates")).isGreaterThanOrEqualTo((Long) stats.get("results"));
    }

    @Test
    void peopleRecommendations() {
        List<Map<String, Object>> wtf = database.rows("CALL roost.whoToFollow(1)", Map.of());
        assertThat(wtf).extracting(r -> r.get("userId")).contains(5L, 6L).doesNotContain(1L, 2L, 3L, 4L, 8L, 9L);
        Map<String, Object> five =
                wtf.stream().filter(r -> r.get("userId").equals(5L)).findFirst().orElseThrow();
        assertThat(five).containsEntry("socialProof", List.of(2L, 3L));
        for (Map<String, Object> row : wtf) {
            double pFollow = (Double) row.get("pFollow");
            double pEngage = (Double) row.get("pEngage");
            assertThat(pEngage).isBetween(0.0, 1.0);
            assertThat((Double) row.get("score")).isCloseTo(pFollow * pEngage, within(1e-12));
        }
        assertThat(wtf)
                .extracting(r -> (Double) r.get("score"))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<Map<String, Object>> bySalsa = database.rows("CALL roost.whoToFollow(1, {rankBy: 'follow'})", Map.of());
        assertThat(bySalsa).allSatisfy(r -> assertThat(r.get("score")).isEqualTo(r.get("pFollow")));
        // Followees 2, 3 and 4 are left out unless asked for, and then marked followed.
        assertThat(database.rows("CALL roost.salsa.users(1)", Map.of()))
                .extracting(r -> r.get("userId"))
                .contains(5L)
                .doesNotContain(1L, 2L, 3L, 4L, 8L, 9L);
        List<Map<String, Object>> withFollowed =
                database.rows("CALL roost.salsa.users(1, {excludeFollowed: false})", Map.of());
        assertThat(withFollowed)
                .extracting(r -> r.get("userId"))
                .contains(2L, 5L)
                .doesNotContain(1L, 8L, 9L);
        assertThat(withFollowed)
                .allSatisfy(r -> assertThat(r.get("followed"))
                        .isEqualTo(List.of(2L, 3L, 4L).contains(r.get("userId"))));
        List<Map<String, Object>> circle = database.rows("CALL roost.circleOfTrust(1)", Map.of());
        // Blocked 8 and muted 9 are out of reach anyway; the viewer is never in its own circle.
        assertThat(circle).extracting(r -> r.get("userId")).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
        assertThat(circle).filteredOn(r -> (Boolean) r.get("followed")).hasSize(3);
    }

    @Test
    void unknownUsersAndBadConfigsAreClearErrors() {
        for (String call : List.of(
                "roost.network.engagedByFollowings",
                "roost.salsa.tweets",
                "roost.salsa.tweets.stats",
                "roost.salsa.users",
                "roost.whoToFollow",
                "roost.circleOfTrust")) {
            assertThatThrownBy(() -> database.rows("CALL " + call + "(999)", Map.of()))
                    .isInstanceOf(QueryExecutionException.class)
                    .hasMessageContaining("Unknown user 999");
            assertThatThrownBy(() -> database.rows("CALL " + call + "(1, {limt: 5})", Map.of()))
                    .hasMessageContaining(call + ": unknown config key 'limt' (value 5)");
            assertThatThrownBy(() -> database.rows("CALL " + call + "(1, {limit: -1})", Map.of()))
                    .hasMessageContaining(call + ": config 'limit' = -1 is out of range [0, 100000]");
        }
        // whoToFollow reads its own keys and the walk's from one map: an unknown key's error lists both.
        assertThatThrownBy(() -> database.rows("CALL roost.whoToFollow(1, {rankby: 'follow'})", Map.of()))
                .hasMessageContaining("unknown config key 'rankby'")
                .hasMessageContaining("rankBy")
                .hasMessageContaining("engageSample")
                .hasMessageContaining("walkLength")
                .hasMessageContaining("trustWalks");
        assertThatThrownBy(() -> database.rows("CALL roost.whoToFollow(1, {excludeFollowed: false})", Map.of()))
                .hasMessageContaining("unknown config key 'excludeFollowed'");
        assertThatThrownBy(() -> database.rows("CALL roost.whoToFollow(1, {rankBy: 'fame'})", Map.of()))
                .hasMessageContaining("config 'rankBy' = 'fame' must be one of [followAndEngage, follow]");
        assertThatThrownBy(() -> database.rows("CALL roost.whoToFollow(1, {engageSample: 0})", Map.of()))
                .hasMessageContaining("config 'engageSample' = 0 is out of range");
        assertThatThrownBy(() -> database.rows("CALL roost.salsa.tweets(1, {walkLength: 4})", Map.of()))
                .hasMessageContaining("config 'walkLength' = 4 must be odd");
        assertThatThrownBy(() -> database.rows("CALL roost.salsa.tweets(1, {resetProbability: 1.5})", Map.of()))
                .hasMessageContaining("config 'resetProbability' = 1.5 is out of range [0.0, 1.0]");
        assertThatThrownBy(() ->
                        database.rows("CALL roost.network.engagedByFollowings(1, {types: ['FOLLOWS']})", Map.of()))
                .hasMessageContaining("config 'types' = [FOLLOWS] must list some of");
        assertThatThrownBy(
                        () -> database.rows("CALL roost.network.engagedByFollowings(1, {weights: 'magic'})", Map.of()))
                .hasMessageContaining("config 'weights' = 'magic' must be one of [realgraph, uniform]");
    }

    @Test
    void queryRunnerReadsTheSameRowsEitherWay() {
        var values =
                new roost.procedures.bench.QueryRunner(database.db(), roost.procedures.bench.QueryRunner.Rows.VALUES);
        var maps = new roost.procedures.bench.QueryRunner(database.db(), roost.procedures.bench.QueryRunner.Rows.MAPS);
        long viewer = ((Number) database.rows("MATCH (u:User)-[:FOLLOWS]->() RETURN u.id AS id LIMIT 1", Map.of())
                        .get(0)
                        .get("id"))
                .longValue();
        for (String query : List.of(
                "CALL roost.network.engagedByFollowings($userId)",
                "MATCH (u:User {id: $userId})-[:FOLLOWS]->(f) RETURN f.id AS id",
                "UNWIND range(1, 7) AS i RETURN i, [i, i] AS pair")) {
            Map<String, Object> params = Map.of("userId", viewer);
            long expected = database.rows(query, params).size();
            assertThat(values.run(query, params)).as(query).isEqualTo(expected);
            assertThat(maps.run(query, params)).as(query).isEqualTo(expected);
        }
        assertThat(values.run("UNWIND range(1, 7) AS i RETURN i", Map.of())).isEqualTo(7);
        // A failing call fails the same way either way, naming what went wrong.
        for (var runner : List.of(values, maps)) {
            assertThatThrownBy(
                            () -> runner.run("CALL roost.network.engagedByFollowings($userId)", Map.of("userId", -42L)))
                    .isInstanceOf(org.neo4j.graphdb.QueryExecutionException.class)
                    .hasMessageContaining("Unknown user -42");
            assertThatThrownBy(() -> runner.run("RETURN 1 +", Map.of()))
                    .isInstanceOf(org.neo4j.graphdb.QueryExecutionException.class)
                    .hasMessageContaining("Invalid input");
        }
        assertThatThrownBy(() -> roost.procedures.bench.QueryRunner.Rows.parse("objects"))
                .hasMessage("rows must be 'values' or 'maps', was 'objects'");
        assertThat(roost.procedures.bench.QueryRunner.Rows.parse("MAPS"))
                .isEqualTo(roost.procedures.bench.QueryRunner.Rows.MAPS);
    }

    @Test
    void graphBenchRunsEveryCallAndTheListenerPath() throws Exception {
        var report = roost.procedures.bench.GraphBench.run(
                database.db(),
                new roost.procedures.bench.GraphBench.Options(
                        5,
                        2,
                        2,
                        java.time.Duration.ZERO,
                        1,
                        200,
                        50,
                        20_000,
                        java.time.Duration.ZERO,
                        3,
                        roost.procedures.bench.QueryRunner.Rows.VALUES));
        assertThat(report.usersSampled()).isPositive();
        assertThat(report.procedures()).hasSize(8);
        assertThat(report.plainCypher().requests()).isEqualTo(report.usersSampled());
        assertThat(report.speedupP50()).isPositive();
        // The rounds run with the chosen way of reading rows, then the other.
        assertThat(report.rounds())
                .extracting(roost.procedures.bench.GraphBench.Rounds::rows)
                .containsExactly(
                        roost.procedures.bench.QueryRunner.Rows.VALUES, roost.procedures.bench.QueryRunner.Rows.MAPS);
        for (var rounds : report.rounds()) {
            assertThat(rounds.procedureP50Micros()).hasSize(3);
            assertThat(Arrays.stream(rounds.plainP50Micros()).min().orElseThrow())
                    .isPositive();
            assertThat(rounds.speedup()).isPositive();
        }
        assertThat(report.listenerEdgesPerSecond()).isPositive();
        assertThat(report.listenerLagMillis()).isLessThan(1000);
        assertThat(report.direct().edges()).isEqualTo(20_000);
        assertThat(report.rowsFloor().requests()).isEqualTo(report.usersSampled());
        assertThat(report.byActivity())
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.floorP50Micros()).isPositive());
        var loops = roost.procedures.bench.QueryLoop.run(
                database.db(),
                new roost.procedures.bench.QueryLoop.Options(
                        List.of("CALL roost.version()", "CALL roost.network.engagedByFollowings($userId)"),
                        java.time.Duration.ZERO,
                        java.time.Duration.ofMillis(200),
                        5,
                        1,
                        2,
                        roost.procedures.bench.QueryRunner.Rows.VALUES));
        assertThat(loops).hasSize(2);
        assertThat(loops.get(0).calls()).isPositive();
        assertThat(loops.get(0).rowsPerCall()).isEqualTo(1.0);
        assertThat(loops.get(0).callsPerSecond()).isPositive();
        assertThat(loops.get(1).p50Micros()).isPositive();
        assertThat(report.toMarkdown())
                .contains(
                        "plain Cypher MATCH",
                        "Listener path",
                        "Straight into the index",
                        "from Cypher alone",
                        "Rows read as values",
                        "In 3 alternating rounds (the procedure once per user, then the MATCH, one thread), rows read as"
                                + " values",
                        "rows read as maps",
                        "call floor p50 ms");
        // The benchmark's own engagements are gone again.
        assertThat(database.rows("MATCH ()-[e {bench: true}]->() RETURN count(e) AS n", Map.of())
                        .get(0))
                .containsEntry("n", 0L);
    }

    @Test
    void aCommittedEngagementIsCountedWithinASecond() throws InterruptedException {
        String query = "CALL roost.network.engagedByFollowings(20) YIELD tweetId RETURN tweetId";
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(107L);
        fixture.engage(21, "QUOTED", 108, T0 + 10);
        long committed = System.nanoTime();
        long seenAfter = -1;
        while (System.nanoTime() - committed < 5_000_000_000L) {
            if (database.rows(query, Map.of()).stream()
                    .anyMatch(r -> r.get("tweetId").equals(108L))) {
                seenAfter = (System.nanoTime() - committed) / 1_000_000;
                break;
            }
            Thread.sleep(1);
        }
        assertThat(seenAfter).as("ms from commit to visible").isBetween(0L, 999L);
    }

    @Test
    void blocksMutesAndReportsCommittedLaterHideAtOnceAndUndoingThemShowsAgain() {
        String query = "CALL roost.network.engagedByFollowings(30, {weights: 'uniform'}) YIELD tweetId RETURN tweetId";
        String salsa = "CALL roost.salsa.tweets(30, {weights: 'uniform', seed: 1}) YIELD tweetId RETURN tweetId";
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(110L, 109L);
        long signalsBefore =
                (Long) fixture.single("CALL roost.graph.stats() YIELD negativeSignals RETURN negativeSignals", Map.of())
                        .get("negativeSignals");

        // No waiting: the call right after the commit must not show the blocked author.
        fixture.signalUser(30, "MUTED", 32);
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(110L);
        assertThat(database.rows(salsa, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .doesNotContain(109L);
        database.db().executeTransactionally("MATCH (:User {id: 30})-[m:MUTED]->() DELETE m");
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(110L, 109L);

        // A block hides the blocker from the blocked too.
        fixture.signalUser(33, "BLOCKED", 30);
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(109L);
        // The listener gave the live graph both sides of the block; once published, the call reads them there.
        assertThat(awaitSignals(signalsBefore + 2)).isEqualTo(signalsBefore + 2);
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(109L);
        database.db().executeTransactionally("MATCH (:User {id: 33})-[b:BLOCKED]->() DELETE b");
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(110L, 109L);

        // A reported tweet, then the tweet deleted with its relationships: the signal goes with it.
        fixture.signalTweet(30, "REPORTED", 109);
        assertThat(database.rows(query, Map.of()))
                .extracting(r -> r.get("tweetId"))
                .containsExactly(110L);
        database.db().executeTransactionally("MATCH (t:Tweet {id: 109}) DETACH DELETE t");
        // The report went with the tweet at once; the tweet's engagement edges leave the live graph
        // through the listener, like any committed change, within a second.
        assertThat(awaitTweetIds(query, List.of(110L), 1_000)).containsExactly(110L);
        assertThat(awaitSignals(signalsBefore)).isEqualTo(signalsBefore);
    }

    private long signals() {
        return (Long) fixture.single("CALL roost.graph.stats() YIELD negativeSignals RETURN negativeSignals", Map.of())
                .get("negativeSignals");
    }

    /** The query's tweet ids, asked again until they are {@code expected} or the time is up. */
    private List<Object> awaitTweetIds(String query, List<?> expected, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<Object> ids;
        do {
            ids = database.rows(query, Map.of()).stream()
                    .map(r -> r.get("tweetId"))
                    .toList();
        } while (!ids.equals(expected) && System.nanoTime() < deadline);
        return ids;
    }

    private long awaitSignals(long expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long n;
        do {
            n = signals();
        } while (n != expected && System.nanoTime() < deadline);
        return n;
    }
}
