package roost.procedures.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.QueryExecutionException;
import roost.procedures.EmbeddedDatabase;

/** The community batch and procedures on a planted network, with GDS registered in the embedded database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunitiesIT {
    @TempDir
    static Path home;

    private EmbeddedDatabase database;
    private final PlantedNetwork network = new PlantedNetwork(4, 30);

    @BeforeAll
    void start() {
        database = new EmbeddedDatabase(home, true);
        network.write(database.db(), 0.35, 0.01, 7);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    @Order(1)
    void beforeAnyRunTheProceduresAnswerEmpty() {
        assertThat(database.rows("CALL roost.communities.stats()").get(0))
                .containsEntry("communities", 0L)
                .containsEntry("algorithm", "none");
        assertThat(database.rows("CALL roost.communities.of(1)")).isEmpty();
        assertThat(database.rows("CALL roost.communities.similarTweets(1)")).isEmpty();
    }

    @Test
    @Order(2)
    void leidenFindsThePlantedGroupsAndWritesThemToTheGraph() {
        Map<String, Object> r = database.rows(
                        "CALL roost.communities.detect({minFollowers: 3, producerShare: 1.0, seed: 1})")
                .get(0);
        assertThat(r).containsEntry("algorithm", "leiden").containsEntry("communities", 4L);
        assertThat((Double) r.get("modularity")).isGreaterThan(0.5);
        assertThat((Double) r.get("coverage")).isGreaterThan(0.8);
        // Every producer known for the community of its planted group: one community per group.
        List<Map<String, Object>> groups = database.rows("MATCH (u:User)-[k:KNOWN_FOR]->(c:Community) "
                + "RETURN c.id AS c, collect(DISTINCT u.id / 1000) AS groups, count(*) AS n, min(k.score) AS minScore");
        assertThat(groups).hasSize(4);
        assertThat(groups).allSatisfy(g -> assertThat((List<?>) g.get("groups")).hasSize(1));
        assertThat(groups)
                .allSatisfy(g -> assertThat((Double) g.get("minScore")).isBetween(0.0, 1.0));
        assertThat(database.rows("MATCH (c:Community) RETURN c.size AS size, c.name AS name ORDER BY c.id"))
                .allSatisfy(c -> assertThat((String) c.get("name"))
                        .matches("@g\\du\\d+ @g\\du\\d+ @g\\du\\d+ \\| (apple|brook|cider|delta) .*"));
        assertThat(database.rows("MATCH (m:RoostModel {name: 'communities'}) RETURN m.algorithm AS a")
                        .get(0))
                .containsEntry("a", "leiden");
        Map<String, Object> stats =
                database.rows("CALL roost.communities.stats()").get(0);
        assertThat(stats).containsEntry("communities", 4L).containsEntry("knownFor", r.get("knownFor"));
        assertThat(((Map<?, ?>) stats.get("sizes")).keySet().toString()).contains("min", "median", "max");
    }

    @Test
    @Order(3)
    void aUsersCommunitiesAreTheirGroupsFirst() {
        long user = PlantedNetwork.user(2, 5);
        List<Map<String, Object>> of = database.rows("CALL roost.communities.of($u)", Map.of("u", user));
        assertThat(of).isNotEmpty();
        long top = (Long) of.get(0).get("communityId");
        long planted = (Long) database.rows(
                        "MATCH (:User {id: $u})-[:KNOWN_FOR]->(c) RETURN c.id AS c",
                        Map.of("u", PlantedNetwork.user(2, 0)))
                .get(0)
                .get("c");
        assertThat(top).isEqualTo(planted);
        assertThat(of.get(0)).containsEntry("rank", 1L);
        double sumSquares = of.stream()
                .mapToDouble(o -> Math.pow((Double) o.get("score"), 2))
                .sum();
        assertThat(sumSquares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        // The same answer from the graph: INTERESTED_IN of rank 1.
        assertThat(database.rows(
                                "MATCH (:User {id: $u})-[i:INTERESTED_IN {rank: 1}]->(c) RETURN c.id AS c",
                                Map.of("u", user))
                        .get(0))
                .containsEntry("c", top);
    }

    @Test
    @Order(4)
    void similarTweetsComeFromTheViewersGroupAndNeverTheirOwn() {
        long viewer = PlantedNetwork.user(1, 3);
        List<Map<String, Object>> similar =
                database.rows("CALL roost.communities.similarTweets($u, {limit: 20})", Map.of("u", viewer));
        assertThat(similar).isNotEmpty();
        assertThat(similar).allSatisfy(s -> assertThat((Long) s.get("authorId")).isNotEqualTo(viewer));
        long sameGroup = similar.stream()
                .filter(s -> (Long) s.get("authorId") / 1000 == 1)
                .count();
        assertThat(sameGroup).isGreaterThanOrEqualTo(similar.size() * 8 / 10);
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> s : similar) {
            double score = (Double) s.get("score");
            assertThat(score).isBetween(0.0, 1.0 + 1e-9).isLessThanOrEqualTo(previous);
            previous = score;
        }
        assertThat(database.rows("CALL roost.communities.similarTweets($u, {minScore: 0.999999})", Map.of("u", viewer)))
                .allSatisfy(s -> assertThat((Double) s.get("score")).isGreaterThanOrEqualTo(0.999999));
    }

    @Test
    @Order(5)
    void topListsProducersAndTweets() {
        List<Map<String, Object>> top = database.rows("CALL roost.communities.top(0, {producers: 3, tweets: 4})");
        assertThat(top.stream().filter(t -> t.get("kind").equals("producer"))).hasSize(3);
        assertThat(top.stream().filter(t -> t.get("kind").equals("tweet"))).hasSize(4);
    }

    @Test
    @Order(6)
    void aNewFollowAndANewLikeUpdateInterestsAndTweetVectorsLive() {
        long producer = PlantedNetwork.user(3, 0);
        long community =
                (Long) database.rows("MATCH (:User {id: $u})-[:KNOWN_FOR]->(c) RETURN c.id AS c", Map.of("u", producer))
                        .get(0)
                        .get("c");
        database.rows("CREATE (:User {id: 9001, handle: 'newcomer'})");
        assertThat(database.rows("CALL roost.communities.of(9001)")).isEmpty();
        database.rows(
                "MATCH (a:User {id: 9001}), (b:User {id: $p}) CREATE (a)-[:FOLLOWS {createdAt: 0}]->(b)",
                Map.of("p", producer));
        List<Map<String, Object>> of = database.rows("CALL roost.communities.of(9001)");
        assertThat(of).hasSize(1);
        assertThat(of.get(0)).containsEntry("communityId", community).containsEntry("score", 1.0);
        // A tweet nobody engaged with gets a vector from the newcomer's like.
        database.rows(
                "MATCH (a:User {id: $p}) CREATE (a)-[:POSTED {createdAt: $at}]->(:Tweet {id: 777, authorId: $p, text: 'fresh', createdAt: $at})",
                Map.of("p", producer, "at", PlantedNetwork.T0 + 2 * PlantedNetwork.HOUR));
        long before =
                (Long) database.rows("CALL roost.communities.stats()").get(0).get("liveUpdates");
        database.rows(
                "MATCH (u:User {id: 9001}), (t:Tweet {id: 777}) CREATE (u)-[:LIKED {createdAt: $at}]->(t)",
                Map.of("at", PlantedNetwork.T0 + 3 * PlantedNetwork.HOUR));
        assertThat((Long) database.rows("CALL roost.communities.stats()").get(0).get("liveUpdates"))
                .isEqualTo(before + 1);
        // The newcomer is wholly interested in the producer's community: the tweet scores 1.0 there, at its own time.
        assertThat(database.rows(
                        "CALL roost.communities.top($c, {producers: 0, tweets: 500}) YIELD id, score WHERE id = 777 "
                                + "RETURN score",
                        Map.of("c", community)))
                .singleElement()
                .satisfies(t ->
                        assertThat((Double) t.get("score")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6)));
        // An unfollow takes the follow back (9002 only follows, then unfollows).
        database.rows("CREATE (:User {id: 9002})");
        database.rows(
                "MATCH (a:User {id: 9002}), (b:User {id: $p}) CREATE (a)-[:FOLLOWS {createdAt: 0}]->(b)",
                Map.of("p", producer));
        assertThat(database.rows("CALL roost.communities.of(9002)")).hasSize(1);
        database.rows("MATCH (:User {id: 9002})-[f:FOLLOWS]->() DELETE f");
        List<Map<String, Object>> after = database.rows("CALL roost.communities.of(9002)");
        assertThat(after).isEmpty();
    }

    @Test
    @Order(7)
    void aRerunRecordsHowCommunitiesChangedAndTheModelReloadsFromTheGraph() {
        Map<String, Object> r = database.rows(
                        "CALL roost.communities.detect({algorithm: 'louvain', minFollowers: 3, producerShare: 1.0})")
                .get(0);
        assertThat(r).containsEntry("algorithm", "louvain");
        assertThat((Long) r.get("communities")).isEqualTo(4L);
        List<Map<String, Object>> changed =
                database.rows("MATCH (c:Community) RETURN c.previousId AS p, c.retained AS kept, c.size AS size");
        assertThat(changed).allSatisfy(c -> assertThat(c.get("kept")).isEqualTo(c.get("size")));
        assertThat(database.rows("MATCH (u:User) WHERE u.previousCommunity IS NOT NULL RETURN count(u) AS n")
                        .get(0)
                        .get("n"))
                .isEqualTo(r.get("knownFor"));
        // Only the new run's relationships remain.
        assertThat(database.rows("MATCH ()-[k:KNOWN_FOR]->() RETURN count(k) AS n")
                        .get(0))
                .containsEntry("n", r.get("knownFor"));

        CommunityModel reloaded = new CommunityModel();
        reloaded.replace(CommunityLoader.load(database.db()));
        List<Map<String, Object>> live =
                database.rows("CALL roost.communities.of($u)", Map.of("u", PlantedNetwork.user(0, 4)));
        CommunityModel.Interest fromGraph = reloaded.interestOf(PlantedNetwork.user(0, 4), 50);
        assertThat(fromGraph.size())
                .isEqualTo(live.stream().filter(o -> (Long) o.get("rank") > 0).count());
        for (int i = 0; i < fromGraph.size(); i++) {
            assertThat((long) fromGraph.communities()[i]).isEqualTo(live.get(i).get("communityId"));
            assertThat((double) fromGraph.scores()[i])
                    .isCloseTo((Double) live.get(i).get("score"), org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(reloaded.summary().tweetsWithVectors()).isEqualTo(r.get("tweetsWithVectors"));
    }

    @Test
    @Order(8)
    void badInputIsNamed() {
        assertThatThrownBy(() -> database.rows("CALL roost.communities.of(424242)"))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageContaining("Unknown user 424242");
        assertThatThrownBy(() -> database.rows("CALL roost.communities.similarTweets(424242)"))
                .hasMessageContaining("Unknown user 424242");
        assertThatThrownBy(() -> database.rows("CALL roost.communities.detect({algorithm: 'walktrap'})"))
                .hasMessageContaining("'algorithm'")
                .hasMessageContaining("leiden");
        assertThatThrownBy(() -> database.rows("CALL roost.communities.detect({minFollower: 3})"))
                .hasMessageContaining("unknown config key 'minFollower'");
        assertThatThrownBy(() -> database.rows("CALL roost.communities.top(99, {})"))
                .hasMessageContaining("Unknown community 99");
        assertThatThrownBy(() -> database.rows("CALL roost.communities.similarTweets(1000, {minScore: 2})"))
                .hasMessageContaining("'minScore'");
    }
}
