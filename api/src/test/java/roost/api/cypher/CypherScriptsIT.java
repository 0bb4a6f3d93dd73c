package roost.api.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import roost.api.communities.Communities;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.api.db.DataLoading;
import roost.api.db.EmbeddedNeo4j;
import roost.importer.Progress;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;
import roost.procedures.communities.CommunityBatch;
import roost.procedures.communities.CommunityConfig;

/**
 * Every query in the project's {@code cypher/} folder runs against demo-like data: a generated
 * network (the demo's generator, 3,000 users) imported with the bulk loader, with communities
 * detected twice (Louvain, then Leiden, so the "after a rerun" queries have a previous run).
 * Queries of the analyst guide must return rows, except one that says it may be empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CypherScriptsIT {
    private static final Path CYPHER = Path.of("../cypher");

    @TempDir
    static Path dataDir;

    private EmbeddedNeo4j neo4j;
    private Map<String, Object> params;

    @BeforeAll
    void start() {
        RoostConfig config = RoostConfig.load(
                null, Map.of(), Map.of(Setting.DATA_DIR.key(), dataDir.toString(), Setting.PAGECACHE.key(), "64m"));
        Path csv = dataDir.resolve("csv");
        new Generator().generate(GeneratorConfig.defaults().withUsers(3000).withSeed(7), csv, silent());
        DataLoading.load(config, csv, DataLoading.Mode.bulk, silent(), true);
        neo4j = EmbeddedNeo4j.openForBatch(config);
        Communities.run(neo4j.db(), CommunityConfig.detect("test", Map.of("algorithm", "louvain")), silent());
        CommunityBatch.Result r = Communities.run(neo4j.db(), CommunityBatch.Settings.DEFAULT, silent());
        assertThat(r.communities()).isGreaterThanOrEqualTo(2);
        long user = neo4j.db()
                .executeTransactionally(
                        "MATCH (u:User)-[:INTERESTED_IN]->(:Community {id: 0}) MATCH (u)-[:INTERESTED_IN]->(:Community {id: 1})"
                                + " RETURN u.id AS id ORDER BY id LIMIT 1",
                        Map.of(),
                        res -> (Long) res.next().get("id"));
        params = Map.of("userId", user, "communityId", 0L, "otherCommunityId", 1L, "limit", 10L, "since", 0L);
    }

    @AfterAll
    void stop() {
        if (neo4j != null) {
            neo4j.close();
        }
    }

    @Test
    void everyQueryInTheCypherFolderRuns() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CYPHER)) {
            files = s.filter(p -> p.toString().endsWith(".cypher")).sorted().toList();
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains("analyst-guide.cypher", "schema.cypher", "timeline-baseline.cypher");
        int guideQueries = 0;
        for (Path file : files) {
            for (Statement st : statements(Files.readString(file))) {
                List<Map<String, Object>> rows = neo4j.db()
                        .executeTransactionally(
                                st.cypher(), params, r -> r.stream().toList());
                if (file.getFileName().toString().equals("analyst-guide.cypher")) {
                    guideQueries++;
                    if (!st.mayBeEmpty()) {
                        assertThat(rows)
                                .as("%s: %s", file.getFileName(), st.cypher())
                                .isNotEmpty();
                    }
                }
            }
        }
        assertThat(guideQueries).isGreaterThanOrEqualTo(12);
    }

    record Statement(String cypher, boolean mayBeEmpty) {}

    /**
     * Statements of a script: split at semicolons ending a line; comment lines and Browser commands
     * ({@code :param ...}) are left out; a statement whose comment says "May be empty" may return no rows.
     */
    static List<Statement> statements(String text) {
        List<Statement> out = new ArrayList<>();
        StringBuilder cypher = new StringBuilder();
        boolean mayBeEmpty = false;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("//")) {
                mayBeEmpty |= t.contains("May be empty");
                continue;
            }
            if (t.startsWith(":") || (t.isEmpty() && cypher.isEmpty())) {
                continue;
            }
            cypher.append(line).append('\n');
            if (t.endsWith(";")) {
                String s = cypher.toString().strip();
                out.add(new Statement(s.substring(0, s.length() - 1), mayBeEmpty));
                cypher.setLength(0);
                mayBeEmpty = false;
            }
        }
        if (!cypher.toString().isBlank()) {
            out.add(new Statement(cypher.toString().strip(), mayBeEmpty));
        }
        return out;
    }

    private static Progress silent() {
        return (name, total) -> new Progress.Task() {
            @Override
            public void step(long n) {}

            @Override
            public void stepTo(long done) {}

            @Override
            public void close() {}
        };
    }
}
