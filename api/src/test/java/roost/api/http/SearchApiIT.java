package roost.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import roost.api.Application;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;

/** {@code GET /api/v1/search} on the real application: hits, filters, and 400s naming the parameter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {
    private static final long T0 = 1_700_000_000_000L;

    private Application app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        RoostConfig config = RoostConfig.load(
                null,
                Map.of(),
                Map.of(
                        Setting.DATA_DIR.key(), dataDir.toString(),
                        Setting.HTTP_PORT.key(), "0",
                        Setting.BOLT_ENABLED.key(), "false",
                        Setting.PAGECACHE.key(), "32m"));
        app = Application.start(config, null);
        app.neo4j().db().executeTransactionally("""
                UNWIND [[1, 10, 0, 'Graph databases at scale', 'en'],
                        [2, 11, 1, 'A graph of friends', 'en'],
                        [3, 10, 2, 'le graph est beau', 'fr'],
                        [4, 12, 3, 'nothing relevant', 'en']] AS row
                MERGE (a:User {id: row[1]})
                CREATE (a)-[:POSTED {createdAt: $t0 + row[2] * 1000}]->
                       (:Tweet {id: row[0], authorId: row[1], createdAt: $t0 + row[2] * 1000, text: row[3], lang: row[4]})
                """, Map.of("t0", T0));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void findsTweetsByTextWithFilters() throws Exception {
        Response r = get("/api/v1/search?q=graph&fresh=true&order=recent");
        assertThat(r.status).isEqualTo(200);
        assertThat(ids(r.body.get("items"))).containsExactly("3", "2", "1");
        JsonNode first = r.body.get("items").get(0);
        assertThat(first.get("authorId").asText()).isEqualTo("10");
        assertThat(first.get("lang").asText()).isEqualTo("fr");
        assertThat(first.get("createdAt").asText()).isEqualTo("2023-11-14T22:13:22Z");
        assertThat(r.body.get("next").isNull()).isTrue();

        assertThat(ids(get("/api/v1/search?q=graph&author=10").body.get("items")))
                .containsExactlyInAnyOrder("1", "3");
        assertThat(ids(get("/api/v1/search?q=graph&lang=en&limit=1&order=recent")
                        .body
                        .get("items")))
                .containsExactly("2");
        assertThat(ids(get("/api/v1/search?q=graph&since=" + (T0 + 500) + "&until=2023-11-14T22:13:21Z")
                        .body
                        .get("items")))
                .containsExactly("2");
        assertThat(ids(get("/api/v1/search?q=" + URLEncoder.encode("graph -friends", StandardCharsets.UTF_8))
                        .body
                        .get("items")))
                .containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void badParametersAre400NamingThem() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/v1/search", "'q'",
                "/api/v1/search?q=", "'q'",
                "/api/v1/search?q=x&limit=0", "'limit'",
                "/api/v1/search?q=x&author=abc", "'author'",
                "/api/v1/search?q=x&since=yesterday", "'since'",
                "/api/v1/search?q=x&since=10&until=5", "'since'",
                "/api/v1/search?q=x&lang=english!", "'lang'",
                "/api/v1/search?q=x&order=best", "'order'",
                "/api/v1/search?q=x&fresh=maybe", "'fresh'");
        for (var c : cases.entrySet()) {
            Response r = get(c.getKey());
            assertThat(r.status).as(c.getKey()).isEqualTo(400);
            assertThat(r.contentType).as(c.getKey()).startsWith("application/problem+json");
            assertThat(r.body.get("detail").asText()).as(c.getKey()).contains(c.getValue());
        }
    }

    private record Response(int status, String contentType, JsonNode body) {}

    private Response get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(app.httpUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                r.statusCode(), r.headers().firstValue("content-type").orElse(""), json.readTree(r.body()));
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.get("tweetId").asText()));
        return out;
    }
}
