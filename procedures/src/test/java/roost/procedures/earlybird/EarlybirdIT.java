package roost.procedures.earlybird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static roost.procedures.GraphFixture.HOUR;
import static roost.procedures.GraphFixture.T0;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import roost.procedures.EmbeddedDatabase;
import roost.procedures.GraphFixture;
import roost.procedures.extension.RoostSettings;

/** The Earlybird index through Cypher on an embedded database: retrieval, search, freshness, recovery. */
class EarlybirdIT {
    @TempDir
    Path home;

    private static List<Map<String, Object>> rows(GraphDatabaseService db, String cypher, Map<String, Object> params) {
        return db.executeTransactionally(cypher, params, r -> {
            List<Map<String, Object>> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        });
    }

    private static void tweet(GraphDatabaseService db, long id, long author, long at, String text, String lang) {
        db.executeTransactionally(
                "MERGE (a:User {id: $author}) CREATE (t:Tweet {id: $id, authorId: $author, createdAt: $at, text: $text,"
                        + " lang: $lang}) CREATE (a)-[:POSTED {createdAt: $at}]->(t)",
                Map.of("id", id, "author", author, "at", at, "text", text, "lang", lang));
    }

    @Test
    void inNetworkReturnsFolloweesRecentTweetsRankedWithoutEngagedOnes() {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            GraphDatabaseService db = database.db();
            GraphFixture f = new GraphFixture(db);
            f.follow(1, 2).follow(1, 3).users(9);
            tweet(db, 100, 2, T0, "graphs are neat", "en");
            tweet(db, 101, 3, T0 - HOUR, "lucene is fast", "en");
            tweet(db, 102, 9, T0, "not followed", "en");
            tweet(db, 103, 2, T0 - 48 * HOUR, "too old for the window", "en");
            tweet(db, 104, 3, T0 - 2 * HOUR, "already liked", "en");
            f.engage(1, "LIKED", 104, T0 - HOUR).engage(9, "LIKED", 101, T0).engage(9, "RETWEETED", 101, T0);

            List<Map<String, Object>> r = rows(
                    db,
                    "CALL roost.earlybird.inNetwork(1, {fresh: true}) YIELD tweetId, favorites, retweets, score"
                            + " RETURN tweetId, favorites, retweets, score",
                    Map.of());
            assertThat(r).extracting(m -> m.get("tweetId")).containsExactlyInAnyOrder(100L, 101L);
            Map<String, Object> t101 = r.stream()
                    .filter(m -> m.get("tweetId").equals(101L))
                    .findFirst()
                    .orElseThrow();
            assertThat(t101).containsEntry("favorites", 1L).containsEntry("retweets", 1L);
            assertThat(r).extracting(m -> (double) m.get("score")).isSortedAccordingTo((a, b) -> Double.compare(b, a));

            assertThat(rows(
                            db,
                            "CALL roost.earlybird.inNetwork(1, {excludeEngaged: false, windowHours: 72,"
                                    + " seen: [100]})",
                            Map.of()))
                    .extracting(m -> m.get("tweetId"))
                    .containsExactlyInAnyOrder(101L, 103L, 104L);

            Map<String, Object> stats = rows(
                            db,
                            "CALL roost.earlybird.inNetwork.stats(1, {windowHours: 72, maxHitsPerSegment: 1})",
                            Map.of())
                    .get(0);
            assertThat(stats).containsEntry("earlyTerminated", true).containsEntry("followees", 2L);
            assertThat(rows(db, "CALL roost.earlybird.inNetwork.stats(1, {})", Map.of())
                            .get(0))
                    .containsEntry("earlyTerminated", false)
                    .containsEntry("rankerTrained", false);
        }
    }

    @Test
    void badInputIsAnErrorNamingIt() {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            GraphDatabaseService db = database.db();
            new GraphFixture(db).users(1);
            assertThatThrownBy(() -> rows(db, "CALL roost.earlybird.inNetwork(424242)", Map.of()))
                    .isInstanceOf(QueryExecutionException.class)
                    .hasMessageContaining("Unknown user 424242");
            assertThatThrownBy(() -> rows(db, "CALL roost.earlybird.inNetwork(1, {limt: 5})", Map.of()))
                    .hasMessageContaining("unknown config key 'limt'");
            assertThatThrownBy(() -> rows(db, "CALL roost.earlybird.inNetwork(1, {windowHours: 0})", Map.of()))
                    .hasMessageContaining("'windowHours'");
            assertThatThrownBy(() -> rows(db, "CALL roost.search.tweets('x', {authorIds: ['a']})", Map.of()))
                    .hasMessageContaining("'authorIds'");
            assertThatThrownBy(() -> rows(db, "CALL roost.search.tweets(' ')", Map.of()))
                    .hasMessageContaining("'query'");
            assertThatThrownBy(() -> rows(db, "CALL roost.search.tweets('x', {since: 5, until: 4})", Map.of()))
                    .hasMessageContaining("'since'");
        }
    }

    @Test
    void searchFiltersByAuthorTimeAndLanguage() {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            GraphDatabaseService db = database.db();
            tweet(db, 1, 10, T0, "open graph timeline", "en");
            tweet(db, 2, 11, T0 + 1000, "graph timeline again", "fr");
            tweet(db, 3, 10, T0 + 2000, "something else", "en");
            String q = "CALL roost.search.tweets($q, $c) YIELD tweetId RETURN tweetId";
            assertThat(rows(db, q, Map.of("q", "graph timeline", "c", Map.of("fresh", true, "order", "recent"))))
                    .extracting(m -> m.get("tweetId"))
                    .containsExactly(2L, 1L);
            assertThat(rows(db, q, Map.of("q", "graph", "c", Map.of("authorIds", List.of(10L)))))
                    .extracting(m -> m.get("tweetId"))
                    .containsExactly(1L);
            assertThat(rows(db, q, Map.of("q", "graph", "c", Map.of("lang", "fr"))))
                    .extracting(m -> m.get("tweetId"))
                    .containsExactly(2L);
            assertThat(rows(db, q, Map.of("q", "graph", "c", Map.of("since", T0 + 1, "until", T0 + 5000))))
                    .extracting(m -> m.get("tweetId"))
                    .containsExactly(2L);
        }
    }

    @Test
    void aNewTweetCommittedInNeo4jIsSearchableWithinOneSecond() throws InterruptedException {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            GraphDatabaseService db = database.db();
            tweet(db, 1, 10, T0, "warm up", "en");
            rows(db, "CALL roost.earlybird.stats()", Map.of()); // open the index first
            tweet(db, 2, 10, T0 + 1, "zyzzyva arrives", "en");
            long start = System.nanoTime();
            long elapsedMs;
            List<Map<String, Object>> found;
            do {
                found = rows(db, "CALL roost.search.tweets('zyzzyva')", Map.of());
                elapsedMs = (System.nanoTime() - start) / 1_000_000;
                if (found.isEmpty()) {
                    Thread.sleep(10);
                }
            } while (found.isEmpty() && elapsedMs < 5_000);
            assertThat(found).extracting(m -> m.get("tweetId")).containsExactly(2L);
            assertThat(elapsedMs).isLessThan(1_000);
            // Read-your-writes on request: with fresh: true the tweet is there at the first call.
            tweet(db, 3, 10, T0 + 2, "quixotic arrives", "en");
            assertThat(rows(db, "CALL roost.search.tweets('quixotic', {fresh: true})", Map.of()))
                    .hasSize(1);
            // Counts follow engagements; a deleted tweet leaves the index.
            new GraphFixture(db).engage(5, "LIKED", 2, T0 + 3);
            db.executeTransactionally("MATCH (t:Tweet {id: 3}) DETACH DELETE t");
            assertThat(rows(db, "CALL roost.search.tweets('quixotic', {fresh: true})", Map.of()))
                    .isEmpty();
        }
    }

    @Test
    void aMissingOrCorruptIndexIsRebuiltFromTheGraph() throws IOException {
        Path indexDir;
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            GraphDatabaseService db = database.db();
            for (int i = 0; i < 50; i++) {
                tweet(db, i, 10 + i % 3, T0 + i * 1000L, "tweet number " + i, "en");
            }
            Map<String, Object> s =
                    rows(db, "CALL roost.earlybird.stats()", Map.of()).get(0);
            assertThat(s).containsEntry("tweets", 50L).containsEntry("startAction", "rebuilt");
            indexDir = Path.of((String) s.get("directory"));
        }
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                Files.write(p, new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
            }
        }
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            Map<String, Object> s = rows(database.db(), "CALL roost.earlybird.stats()", Map.of())
                    .get(0);
            assertThat(s.get("openState")).isIn("REPLACED", "CREATED");
            assertThat(s).containsEntry("startAction", "rebuilt").containsEntry("tweets", 50L);
        }
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            // A clean stop committed the position: the next start has nothing to do.
            Map<String, Object> s = rows(database.db(), "CALL roost.earlybird.stats()", Map.of())
                    .get(0);
            assertThat(s).containsEntry("openState", "EXISTING").containsEntry("tweets", 50L);
            assertThat((String) s.get("startAction"))
                    .isIn("up to date", "caught up (0 tweets re-read, 0 counts re-read)")
                    .doesNotContain("rebuilt");
        }
    }

    @Test
    void killingTheWriterMidwayThenRestartingConverges() throws Exception {
        Map<org.neo4j.graphdb.config.Setting<?>, Object> settings = new HashMap<>();
        // Commit rarely, so that the crash loses the index's uncommitted writes.
        settings.put(RoostSettings.EARLYBIRD_COMMIT_INTERVAL, Duration.ofHours(1));
        try (EmbeddedDatabase database = new EmbeddedDatabase(home, settings)) {
            GraphDatabaseService db = database.db();
            ((GraphDatabaseAPI) db)
                    .getDependencyResolver()
                    .resolveDependency(GlobalProcedures.class)
                    .registerProcedure(EarlybirdTestProcedures.class);
            GraphFixture f = new GraphFixture(db);
            for (long a = 10; a < 20; a++) {
                f.follow(1, a);
            }
            tweet(db, 1, 10, T0, "first", "en");
            rows(db, "CALL roost.earlybird.stats()", Map.of());

            AtomicInteger written = new AtomicInteger();
            // The writer holds at tweet 150 until the crash, so that the crash falls midway.
            java.util.concurrent.CountDownLatch crashed = new java.util.concurrent.CountDownLatch(1);
            Thread writer = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(3);
                for (int i = 2; i <= 300; i++) {
                    if (i == 150) {
                        try {
                            crashed.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    tweet(db, i, 10 + i % 10, T0 + i * 1000L, "tweet " + i, "en");
                    if (i % 3 == 0) {
                        f.engage(
                                100 + r.nextInt(20),
                                r.nextBoolean() ? "LIKED" : "RETWEETED",
                                1 + r.nextInt(i),
                                T0 + i * 1000L);
                    }
                    if (i % 50 == 0) {
                        db.executeTransactionally(
                                "MATCH (t:Tweet {id: $id}) DETACH DELETE t", Map.of("id", (long) i - 7));
                    }
                    written.set(i);
                }
            });
            writer.start();
            int atCrash;
            try {
                for (long until = System.nanoTime() + 60_000_000_000L;
                        written.get() < 120 && System.nanoTime() < until; ) {
                    Thread.sleep(5);
                }
                rows(db, "CALL test.earlybird.crash()", Map.of());
                atCrash = written.get();
            } finally {
                crashed.countDown();
            }
            writer.join();
            assertThat(atCrash).isGreaterThanOrEqualTo(120);
            assertThat(atCrash).isLessThan(150);
            assertThat(written.get()).isEqualTo(300);

            Map<String, Object> s =
                    rows(db, "CALL roost.earlybird.stats()", Map.of()).get(0);
            assertThat((String) s.get("startAction")).startsWith("caught up");
            long graphTweets = (long) rows(db, "MATCH (t:Tweet) RETURN count(t) AS n", Map.of())
                    .get(0)
                    .get("n");
            assertThat(s).containsEntry("tweets", graphTweets);

            Map<Long, List<Long>> inGraph = new HashMap<>();
            rows(
                            db,
                            "MATCH (t:Tweet) RETURN t.id AS id, COUNT {(t)<-[:LIKED]-()} AS f, COUNT {(t)<-[:RETWEETED]-()} AS r",
                            Map.of())
                    .forEach(m -> inGraph.put((Long) m.get("id"), List.of((Long) m.get("f"), (Long) m.get("r"))));
            Map<Long, List<Long>> inIndex = new HashMap<>();
            rows(
                            db,
                            "CALL roost.earlybird.inNetwork(1, {fresh: true, limit: 10000, windowHours: 8760, weights: 'recent',"
                                    + " excludeEngaged: false, maxHitsPerSegment: 1000000})",
                            Map.of())
                    .forEach(m -> inIndex.put(
                            (Long) m.get("tweetId"), List.of((Long) m.get("favorites"), (Long) m.get("retweets"))));
            assertThat(inIndex).isEqualTo(inGraph);
        }
    }
}
