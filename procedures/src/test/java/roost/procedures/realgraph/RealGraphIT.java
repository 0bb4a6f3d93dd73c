package roost.procedures.realgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import roost.procedures.EmbeddedDatabase;

/** RealGraph trained on a history where who engages next is predictable from who engaged before. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealGraphIT {
    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_341_100_800_000L;

    @TempDir
    static Path home;

    private EmbeddedDatabase database;

    /**
     * 150 users, 12 authors with 40 tweets each over 10 days. Each (user, author) pair has an
     * affinity (a few strong, many weak); before and after the last day, a user likes an author's
     * tweet with a quarter of that chance, and follows mostly the authors they are close to.
     */
    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home);
        SplittableRandom rnd = new SplittableRandom(17);
        List<Map<String, Object>> tweets = new ArrayList<>();
        for (long a = 1000; a < 1012; a++) {
            for (int k = 0; k < 40; k++) {
                tweets.add(Map.of("id", a * 100 + k, "author", a, "at", T0 + k * DAY / 4));
            }
        }
        database.db()
                .executeTransactionally(
                        "UNWIND $tweets AS t MERGE (a:User {id: t.author}) "
                                + "CREATE (a)-[:POSTED {createdAt: t.at}]->(:Tweet {id: t.id, authorId: t.author, createdAt: t.at})",
                        Map.of("tweets", tweets));
        List<Map<String, Object>> likes = new ArrayList<>();
        List<Map<String, Object>> follows = new ArrayList<>();
        for (long u = 1; u <= 150; u++) {
            database.db().executeTransactionally("MERGE (:User {id: $id})", Map.of("id", u));
            for (long a = 1000; a < 1012; a++) {
                // A few strong ties, many weak ones.
                double affinity = rnd.nextDouble() < 0.2 ? 0.5 + 0.5 * rnd.nextDouble() : 0.02 * rnd.nextDouble();
                if (rnd.nextDouble() < (affinity > 0.4 ? 0.7 : 0.1)) {
                    follows.add(Map.of("a", u, "b", a, "at", T0 - DAY));
                }
                for (int k = 0; k < 40; k++) {
                    if (rnd.nextDouble() < affinity * 0.25) {
                        long at = T0 + k * DAY / 4 + rnd.nextLong(DAY / 4);
                        likes.add(Map.of("u", u, "t", a * 100 + k, "at", at));
                    }
                }
            }
        }
        database.db()
                .executeTransactionally(
                        "UNWIND $likes AS l MATCH (u:User {id: l.u}), (t:Tweet {id: l.t}) "
                                + "CREATE (u)-[:LIKED {createdAt: l.at}]->(t)",
                        Map.of("likes", likes));
        database.db()
                .executeTransactionally(
                        "UNWIND $follows AS f MATCH (a:User {id: f.a}), (b:User {id: f.b}) "
                                + "CREATE (a)-[:FOLLOWS {createdAt: f.at}]->(b)",
                        Map.of("follows", follows));
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void trainsOnHistoryReportsHeldOutAucAndScoresWithTheSavedModel() {
        Map<String, Object> before = database.db()
                .executeTransactionally("CALL roost.realgraph.scores(1, {limit: 1})", Map.of(), r -> r.next());
        assertThat(before).containsEntry("trained", false);

        var options = new RealGraphTrainer.Options(
                Duration.ofDays(1), Duration.ofDays(3), 10_000, 1_000_000, 0.3, 1.0, 42, true);
        RealGraphTrainer.TrainingResult result = RealGraphTrainer.train(database.db(), options);
        assertThat(result.users()).isEqualTo(150);
        assertThat(result.trainExamples()).isGreaterThan(200);
        assertThat(result.testPositives()).isGreaterThan(10);
        // Even knowing each tie exactly, a like on the last day is a coin flip with odds 0.4 to 0.7.
        assertThat(result.auc()).isGreaterThan(0.7);
        // Saved because it beats the prior on the held-out examples (a worse model is not saved).
        assertThat(result.auc()).isGreaterThanOrEqualTo(result.priorAuc());
        assertThat(result.saved()).isTrue();
        assertThat(result.weights()).containsKeys("bias", "follows", "decayed_liked", "recency");
        assertThat(result.dataTime())
                .isEqualTo(result.newestTime() - Duration.ofDays(1).toMillis());
        // Training is repeatable.
        var again = RealGraphTrainer.train(database.db(), options);
        assertThat(again.auc()).isEqualTo(result.auc());

        List<Map<String, Object>> rows = database.db()
                .executeTransactionally(
                        "CALL roost.realgraph.scores(1, {limit: 5})",
                        Map.of(),
                        r -> r.stream().toList());
        assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("trained", true));
        assertThat(rows)
                .extracting(row -> (Double) row.get("score"))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) rows.get(0).get("features");
        assertThat(features).containsKeys("follows", "recency");
        // The trained model weighs followees in the network procedures too: a tweet's score is the
        // sum of the trained scores of the followees who engaged with it. User 1 follows only
        // authors, who like nothing: first it follows some of the likers.
        database.db()
                .executeTransactionally(
                        "MATCH (a:User {id: 1}), (b:User) WHERE 2 <= b.id <= 40 CREATE (a)-[:FOLLOWS {createdAt: $at}]->(b)",
                        Map.of("at", T0 - DAY));
        List<Map<String, Object>> network = List.of();
        for (long until = System.nanoTime() + 5_000_000_000L; network.isEmpty() && System.nanoTime() < until; ) {
            // The live graph publishes the new follows within a second.
            network = database.db()
                    .executeTransactionally(
                            "CALL roost.network.engagedByFollowings(1, {limit: 3, maxSocialProof: 10000})",
                            Map.of(),
                            r -> r.stream().toList());
        }
        Map<Long, Double> trained = new java.util.HashMap<>();
        database.db().executeTransactionally("CALL roost.realgraph.scores(1, {limit: 1000000})", Map.of(), r -> {
            r.forEachRemaining(row -> trained.put((Long) row.get("userId"), (Double) row.get("score")));
            return null;
        });
        assertThat(network).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        for (Map<String, Object> row : network) {
            @SuppressWarnings("unchecked")
            List<Long> proof = (List<Long>) row.get("socialProof");
            assertThat(proof).hasSize(((Long) row.get("socialProofCount")).intValue());
            assertThat(trained).containsKeys(proof.toArray(new Long[0]));
            double sum = proof.stream().mapToDouble(trained::get).sum();
            assertThat((Double) row.get("score")).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        }
        // Not the uniform weights: those would make every score a whole number.
        assertThat(network)
                .anySatisfy(row -> assertThat((Double) row.get("score") % 1.0).isNotZero());
    }

    @Test
    void errorsAreClear() {
        assertThatThrownBy(() -> database.db()
                        .executeTransactionally(
                                "CALL roost.realgraph.scores(424242)",
                                Map.of(),
                                r -> r.stream().toList()))
                .hasMessageContaining("Unknown user 424242");
        assertThatThrownBy(() -> database.db()
                        .executeTransactionally(
                                "CALL roost.realgraph.scores(1, {top: 3})",
                                Map.of(),
                                r -> r.stream().toList()))
                .hasMessageContaining("roost.realgraph.scores: unknown config key 'top'");
    }
}
