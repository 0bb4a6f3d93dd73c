package roost.procedures.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.GraphFixture.T0;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;
import roost.procedures.EmbeddedDatabase;
import roost.procedures.GraphFixture;

/**
 * Blocks, mutes and reports read from the live graph hide exactly what the store path hides: the
 * same calls, once on the live path and once in a transaction with a change of its own (which
 * makes the call read the store), on a random graph whose signals were created before the live
 * graph loaded and created and deleted after, with several relationships to one target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSignalsIT {
    private static final int USERS = 25;
    private static final String[] SIGNALS = {"BLOCKED", "MUTED", "NOT_INTERESTED", "REPORTED"};

    @TempDir
    static Path home;

    private EmbeddedDatabase database;
    private GraphFixture fixture;
    private final SplittableRandom random = new SplittableRandom(11);

    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home);
        fixture = new GraphFixture(database.db());
        fixture.randomFollows(USERS, 8, random);
        for (long t = 500; t < 560; t++) {
            fixture.tweet(t, 1 + random.nextInt(USERS), T0);
        }
        for (int i = 0; i < 400; i++) {
            fixture.engage(1 + random.nextInt(USERS), "LIKED", 500 + random.nextInt(60), T0 + i * 1000L);
        }
        signals(40);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    /** Random signals, some of them a second relationship to a target already hidden. */
    private void signals(int n) {
        for (int i = 0; i < n; i++) {
            long u = 1 + random.nextInt(USERS);
            String type = SIGNALS[random.nextInt(SIGNALS.length)];
            if (type.equals("BLOCKED") || type.equals("MUTED") || random.nextBoolean()) {
                fixture.signalUser(u, type, 1 + random.nextInt(USERS));
            } else {
                fixture.signalTweet(u, type, 500 + random.nextInt(60));
            }
        }
    }

    @Test
    void theLivePathHidesWhatTheStoreHidesAlsoAfterChanges() {
        compareEveryViewer(); // loads the live graph with the signals above
        signals(30);
        // Delete a third of the signals, one relationship at a time (a target may stay hidden by another).
        List<String> ids = database.db()
                .executeTransactionally(
                        "MATCH ()-[s:BLOCKED|MUTED|NOT_INTERESTED|REPORTED]->() RETURN elementId(s) AS id",
                        Map.of(),
                        r -> r.stream().map(m -> (String) m.get("id")).toList());
        for (int i = 0; i < ids.size(); i += 3) {
            database.db()
                    .executeTransactionally(
                            "MATCH ()-[s]->() WHERE elementId(s) = $id DELETE s", Map.of("id", ids.get(i)));
        }
        compareEveryViewer();
    }

    private void compareEveryViewer() {
        awaitPublished();
        int hidden = 0;
        for (long u = 1; u <= USERS; u++) {
            Map<String, Object> params = Map.of("userId", u);
            String call = "CALL roost.network.engagedByFollowings($userId, {weights: 'uniform', excludeEngaged: false, "
                    + "limit: 1000}) YIELD tweetId RETURN tweetId ORDER BY tweetId";
            List<Object> live = database.db()
                    .executeTransactionally(
                            call,
                            params,
                            r -> r.stream().map(m -> m.get("tweetId")).toList());
            List<Object> store;
            try (Transaction tx = database.db().beginTx()) {
                tx.createNode(Label.label("Scratch")); // a change of its own: the call reads the store
                store = tx.execute(call, params).stream()
                        .map(m -> m.get("tweetId"))
                        .toList();
            }
            assertThat(live).as("viewer %d", u).isEqualTo(store);
            long unfiltered = (Long) database.db()
                    .executeTransactionally(
                            "MATCH (:User {id: $userId})-[:FOLLOWS]->()-[:LIKED]->(t:Tweet) "
                                    + "WHERE t.authorId <> $userId RETURN count(DISTINCT t) AS n",
                            params,
                            r -> r.next().get("n"));
            hidden += (int) (unfiltered - live.size());
        }
        assertThat(hidden).as("candidates hidden by signals, all viewers").isGreaterThan(5);
    }

    private void awaitPublished() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> s = database.db()
                    .executeTransactionally(
                            "CALL roost.graph.stats() YIELD batchesApplied, batchesQueued "
                                    + "RETURN batchesApplied = batchesQueued AS done",
                            Map.of(),
                            r -> r.next());
            if ((Boolean) s.get("done")) {
                return;
            }
        }
        throw new AssertionError("the live graph did not publish within 10 s");
    }
}
