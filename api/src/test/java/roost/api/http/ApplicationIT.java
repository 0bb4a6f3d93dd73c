package roost.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import roost.api.Application;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.model.Snowflake;

/** The real application on random ports: Bolt with auth, GDS, Roost procedures, and the HTTP API's 200/400/404 paths. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationIT {
    private static final String PASSWORD = "correct-horse-battery";
    private static final long T0 = 1_700_000_000_000L;

    private Application app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Long> tweetIds = new ArrayList<>();
    private boolean earlybirdOpenAtStart;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        RoostConfig config = RoostConfig.load(
                null,
                Map.of(),
                Map.of(
                        Setting.DATA_DIR.key(), dataDir.toString(),
                        Setting.HTTP_PORT.key(), "0",
                        Setting.BOLT_PORT.key(), "0",
                        Setting.PAGECACHE.key(), "32m"));
        app = Application.start(config, PASSWORD);
        earlybirdOpenAtStart = Files.isDirectory(
                dataDir.resolve("neo4j").resolve("data").resolve("earlybird").resolve("neo4j"));
        // Users 1..5; user 1 follows 2 and 3; 2 and 3 post tweets an hour apart; 4 posts but is not followed.
        Snowflake ids = new Snowflake(1);
        for (int i = 0; i < 6; i++) {
            tweetIds.add(ids.next(T0 + i * 3_600_000L));
        }
        app.neo4j().db().executeTransactionally("""
                        UNWIND range(1, 5) AS i CREATE (:User {id: i, handle: 'user' + i, createdAt: $t0, verified: i = 2})
                        WITH count(*) AS ignored
                        MATCH (a:User {id: 1}), (b:User {id: 2}), (c:User {id: 3})
                        CREATE (a)-[:FOLLOWS {createdAt: $t0}]->(b), (a)-[:FOLLOWS {createdAt: $t0}]->(c)
                        WITH count(*) AS ignored
                        UNWIND range(0, 5) AS k
                        MATCH (author:User {id: CASE WHEN k = 5 THEN 4 ELSE 2 + k % 2 END})
                        CREATE (author)-[:POSTED {createdAt: $t0 + k * 3600000}]->
                               (:Tweet {id: $ids[k], authorId: author.id, text: 'tweet ' + k, createdAt: $t0 + k * 3600000})
                        """, Map.of("t0", T0, "ids", tweetIds));
        // The Earlybird index, open since the start, makes new tweets searchable within its
        // max_stale (500 ms): wait until these are, as a client that just wrote would.
        app.neo4j()
                .db()
                .executeTransactionally(
                        "CALL roost.earlybird.inNetwork(1, {fresh: true}) YIELD tweetId RETURN count(*) AS n");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void boltAcceptsThePasswordAndServesCypherGdsAndRoost() {
        try (Driver driver = GraphDatabase.driver(app.boltUrl(), AuthTokens.basic("neo4j", PASSWORD));
                Session session = driver.session()) {
            assertThat(session.run("MATCH (u:User) RETURN count(u) AS n")
                            .single()
                            .get("n")
                            .asLong())
                    .isEqualTo(5);
            assertThat(session.run("CALL gds.version() YIELD gdsVersion RETURN gdsVersion")
                            .single()
                            .get(0)
                            .asString())
                    .startsWith("2.13");
            assertThat(session.run("CALL roost.version() YIELD database RETURN database")
                            .single()
                            .get(0)
                            .asString())
                    .isEqualTo("neo4j");
        }
    }

    @Test
    void boltRefusesAWrongPassword() {
        try (Driver driver = GraphDatabase.driver(app.boltUrl(), AuthTokens.basic("neo4j", "not-the-password"))) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theEarlybirdIndexIsOpenBeforeTheFirstRequest() {
        // Opened in the first timeline instead, its rebuild would time the in-network source out.
        assertThat(earlybirdOpenAtStart).isTrue();
    }

    @Test
    void theTimelineWarmUpServesAUserWhoFollowsSomeone() {
        // At start the database was empty and the warm-up had no one to serve; now user 1 follows 2 and 3.
        assertThat(Application.warmTimeline(app.neo4j(), app.timeline())).hasValue(1L);
    }

    @Test
    void health() throws Exception {
        Response r = get("/health");
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("status").asText()).isEqualTo("ok");
    }

    @Test
    void rootAdvertisesTheBoltAddressAsNeo4jDiscoveryDoes() throws Exception {
        Response r = get("/");
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("bolt_direct").asText()).isEqualTo(app.boltUrl());
        assertThat(r.body.get("neo4j_version").asText()).startsWith("5.");
        assertThat(r.body.get("browser").asText()).startsWith("/browser/?dbms=" + app.boltUrl());
    }

    @Test
    void servesTheNeo4jBrowser() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(app.browserUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<title>Neo4j Browser</title>");

        HttpResponse<String> web = http.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + "/"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(web.statusCode()).isEqualTo(302);
        assertThat(web.headers().firstValue("location").orElse("")).contains("/browser/?dbms=");
    }

    @Test
    void usersArePagedByCursor() throws Exception {
        Response first = get("/api/v1/users?limit=2");
        assertThat(first.status).isEqualTo(200);
        assertThat(ids(first.body.get("items"), "id")).containsExactly("1", "2");
        assertThat(first.body.get("next").asText()).isEqualTo("2");

        Response last = get("/api/v1/users?limit=4&after=2");
        assertThat(ids(last.body.get("items"), "id")).containsExactly("3", "4", "5");
        assertThat(last.body.get("next").isNull()).isTrue();
    }

    @Test
    void oneUser() throws Exception {
        Response r = get("/api/v1/users/1");
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("handle").asText()).isEqualTo("user1");
        assertThat(r.body.get("following").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/users/2").body.get("verified").asBoolean()).isTrue();
    }

    @Test
    void chronologicalTimelineIsFolloweesTweetsNewestFirst() throws Exception {
        Response r = get("/api/v1/timeline/1?limit=3&mode=chronological");
        assertThat(r.status).isEqualTo(200);
        JsonNode items = r.body.get("items");
        // Tweets 0..4 are by the followees 2 and 3; tweet 5 is by user 4, whom user 1 does not follow.
        assertThat(ids(items, "tweetId"))
                .containsExactly(
                        String.valueOf(tweetIds.get(4)),
                        String.valueOf(tweetIds.get(3)),
                        String.valueOf(tweetIds.get(2)));
        assertThat(items.get(0).get("authorId").asText()).isEqualTo("2");
        assertThat(items.get(0).get("score").asDouble()).isEqualTo(1.0);
        assertThat(items.get(1).get("score").asDouble()).isLessThan(1.0).isGreaterThan(0.9);
        assertThat(items.get(0).get("createdAt").asText()).isEqualTo("2023-11-15T02:13:20Z");
        assertThat(items.get(0).get("source").asText()).isEqualTo("in-network-chronological");
        assertThat(get("/api/v1/timeline/5?mode=chronological").body.get("items"))
                .isEmpty();
    }

    @Test
    void mixedTimelineBlendsSourcesAndExplainsEachItem() throws Exception {
        Response r = get("/api/v1/timeline/1?limit=10");
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.get("mode").asText()).isEqualTo("mixed");
        JsonNode items = r.body.get("items");
        // No engagements in this graph: only the in-network source has candidates (tweets 0..4).
        assertThat(ids(items, "tweetId"))
                .containsExactlyInAnyOrderElementsOf(
                        tweetIds.subList(0, 5).stream().map(String::valueOf).toList());
        for (JsonNode item : items) {
            assertThat(item.get("inNetwork").asBoolean()).isTrue();
            assertThat(item.get("source").asText()).isEqualTo("in-network");
            assertThat(item.get("explanation")).isNotEmpty();
        }
        assertThat(r.body.get("sources")).hasSize(4);
        for (JsonNode source : r.body.get("sources")) {
            assertThat(source.get("status").asText()).as(source.toString()).isEqualTo("ok");
        }
        assertThat(r.body.get("sources").get(0).get("name").asText()).isEqualTo("in-network");
        assertThat(r.body.get("sources").get(0).get("candidates").asInt()).isEqualTo(5);
        assertThat(items.get(0).get("text").asText()).isEqualTo("tweet 4");
        // The newest tweet of the followees comes first.
        assertThat(items.get(0).get("tweetId").asText()).isEqualTo(String.valueOf(tweetIds.get(4)));
        assertThat(get("/api/v1/timeline/1?sources=in-network&inNetworkShare=1&verifiedBoost=true").status)
                .isEqualTo(200);
    }

    @Test
    void unknownIdsAre404WithAProblemBody() throws Exception {
        for (String path : List.of("/api/v1/users/999", "/api/v1/timeline/999", "/api/v1/nothing-here")) {
            Response r = get(path);
            assertThat(r.status).as(path).isEqualTo(404);
            assertThat(r.contentType).as(path).startsWith("application/problem+json");
            assertThat(r.body.get("status").asInt()).isEqualTo(404);
            assertThat(r.body.get("type").asText()).isEqualTo("/problems/not-found");
            assertThat(r.body.get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void malformedIdsAndLimitsAre400NamingTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/v1/users/abc", "'id'",
                "/api/v1/timeline/-3", "'userId'",
                "/api/v1/timeline/1?limit=0", "'limit'",
                "/api/v1/timeline/1?limit=501", "'limit'",
                "/api/v1/users?limit=x", "'limit'",
                "/api/v1/users?after=zz", "'after'",
                "/api/v1/timeline/1?mode=ranked", "'mode'",
                "/api/v1/timeline/1?inNetworkShare=2", "'inNetworkShare'",
                "/api/v1/timeline/1?verifiedBoost=yes", "'verifiedBoost'",
                "/api/v1/timeline/1?sources=in-network,nope", "'sources'");
        for (var c : cases.entrySet()) {
            Response r = get(c.getKey());
            assertThat(r.status).as(c.getKey()).isEqualTo(400);
            assertThat(r.body.get("title").asText()).isEqualTo("Bad request");
            assertThat(r.body.get("detail").asText()).as(c.getKey()).contains(c.getValue());
        }
    }

    private record Response(int status, String contentType, JsonNode body) {}

    private Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                r.statusCode(), r.headers().firstValue("content-type").orElse(""), json.readTree(r.body()));
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
