package roost.procedures.earlybird;

import static org.assertj.core.api.Assertions.assertThat;
import static roost.procedures.GraphFixture.HOUR;
import static roost.procedures.GraphFixture.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.procedures.EmbeddedDatabase;

/** {@code roost.lightranker.train} on a small history where only tweets with a link are liked: trained, saved, versioned, used. */
class LightRankerTrainingIT {
    @TempDir
    Path home;

    private static List<Map<String, Object>> rows(GraphDatabaseService db, String cypher, Map<String, Object> p) {
        return db.executeTransactionally(cypher, p, r -> {
            List<Map<String, Object>> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        });
    }

    @Test
    void trainsOnTheHistorySavesAVersionedModelAndInNetworkUsesIt() {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            GraphDatabaseService db = database.db();
            // 40 viewers follow authors 1..5; 60 tweets in [T0, T0 + 24 h), two in three with a link.
            // T = newest tweet (T0 + 48 h) - 24 h: after T, viewers like only tweets with a link (half of them).
            // The hand-set fallback weighs links slightly down, so the trained model must beat it.
            db.executeTransactionally("UNWIND range(1, 100) AS i CREATE (:User {id: i})");
            db.executeTransactionally("MATCH (v:User), (a:User) WHERE v.id >= 10 AND v.id < 50 AND a.id <= 5"
                    + " CREATE (v)-[:FOLLOWS {createdAt: 0}]->(a)");
            List<Map<String, Object>> tweets = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                tweets.add(Map.of(
                        "id", 1000L + i,
                        "author", 1L + i % 5,
                        "at", T0 + i * 20 * 60_000L,
                        "link", i % 3 != 0));
            }
            db.executeTransactionally(
                    "UNWIND $tweets AS t MATCH (a:User {id: t.author}) CREATE (a)-[:POSTED {createdAt: t.at}]->"
                            + "(:Tweet {id: t.id, authorId: t.author, createdAt: t.at, text: 'tweet', lang: 'en',"
                            + " hasLink: t.link})",
                    Map.of("tweets", tweets));
            db.executeTransactionally(
                    "MATCH (a:User {id: 1}) CREATE (a)-[:POSTED {createdAt: $at}]->"
                            + "(:Tweet {id: 9999, authorId: 1, createdAt: $at, text: 'newest', lang: 'en'})",
                    Map.of("at", T0 + 48 * HOUR));
            SplittableRandom r = new SplittableRandom(5);
            List<Map<String, Object>> likes = new ArrayList<>();
            for (long v = 10; v < 50; v++) {
                for (int i = 0; i < 60; i++) {
                    if (i % 3 != 0 && r.nextDouble() < 0.5) {
                        likes.add(Map.of("v", v, "t", 1000L + i, "at", T0 + 30 * HOUR));
                    }
                }
            }
            db.executeTransactionally(
                    "UNWIND $likes AS l MATCH (u:User {id: l.v}), (t:Tweet {id: l.t})"
                            + " CREATE (u)-[:LIKED {createdAt: l.at}]->(t)",
                    Map.of("likes", likes));

            assertThat(rows(db, "CALL roost.lightranker.model()", Map.of()).get(0))
                    .containsEntry("version", 0L)
                    .containsEntry("trained", false);
            Map<String, Object> t = rows(db, "CALL roost.lightranker.train({testFraction: 0.3, seed: 3})", Map.of())
                    .get(0);
            assertThat((long) t.get("trainExamples")).isPositive();
            assertThat((long) t.get("testPositives")).isPositive();
            // A perfect ranker on "has a link" scores 0.75 here: half the link tweets are not liked.
            assertThat((double) t.get("auc")).isGreaterThan(0.7).isGreaterThan((double) t.get("fallbackAuc"));
            assertThat(t).containsEntry("version", 1L).containsEntry("saved", true);
            @SuppressWarnings("unchecked")
            Map<String, Object> weights = (Map<String, Object>) t.get("weights");
            assertThat((double) weights.get("hasLink")).isGreaterThan(1.0);

            assertThat(rows(db, "CALL roost.lightranker.model()", Map.of()).get(0))
                    .containsEntry("version", 1L)
                    .containsEntry("trained", true);
            assertThat(rows(db, "CALL roost.lightranker.train({seed: 3, testFraction: 0.3})", Map.of())
                            .get(0))
                    .containsEntry("version", 2L);
            assertThat(rows(db, "CALL roost.earlybird.inNetwork.stats(10, {windowHours: 100})", Map.of())
                            .get(0))
                    .containsEntry("rankerVersion", 2L)
                    .containsEntry("rankerTrained", true);
        }
    }
}
