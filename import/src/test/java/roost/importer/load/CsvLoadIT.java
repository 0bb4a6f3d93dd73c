package roost.importer.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.importer.ImportException;
import roost.importer.Progress;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;
import roost.importer.generate.GeneratorResult;
import roost.importer.testing.GraphDump;

/** The three load paths on one small generated network: same graph, equal to the files; idempotence; validation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvLoadIT {
    static final GeneratorConfig CONFIG = GeneratorConfig.defaults()
            .withUsers(150)
            .withCommunities(4)
            .withAvgFollows(6)
            .withTweetsPerUser(3)
            .withEngagementsPerUser(6)
            .withNegativesPerUser(1)
            .withSeed(3);

    Path csv;
    GeneratorResult generated;
    List<String> expected;
    final List<DatabaseManagementService> started = new ArrayList<>();

    @BeforeAll
    void generate(@TempDir Path dir) {
        csv = dir.resolve("csv");
        generated = new Generator().generate(CONFIG, csv, Progress.silent());
        expected = GraphDump.expected(csv);
    }

    @AfterEach
    void shutdown() {
        started.forEach(DatabaseManagementService::shutdown);
        started.clear();
    }

    private GraphDatabaseService start(Path home) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).build();
        started.add(dbms);
        return dbms.database("neo4j");
    }

    @Test
    void transactionalLoadEqualsTheFilesAndIsIdempotent(@TempDir Path home) {
        GraphDatabaseService db = start(home);
        ImportStats first = new TransactionalLoader(50, Progress.silent()).load(csv, db);
        assertThat(GraphDump.of(db)).isEqualTo(expected);
        assertThat(first.nodesCreated()).containsEntry("User", 150L).containsEntry("Tweet", generated.tweets());
        assertThat(first.relationshipsCreated())
                .containsEntry("FOLLOWS", generated.follows())
                .containsEntry("POSTED", generated.tweets());
        assertThat(first.relationships()).isEqualTo(generated.relationships());

        ImportStats second = new TransactionalLoader(Progress.silent()).load(csv, db);
        assertThat(second.nodes()).isZero();
        assertThat(second.relationships()).isZero();
        assertThat(second.rowsRead()).isEqualTo(first.rowsRead());
        assertThat(GraphDump.of(db)).isEqualTo(expected);
        // The schema is in place.
        List<?> constraints =
                db.executeTransactionally("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c", Map.of(), r ->
                        (List<?>) r.next().get("c"));
        assertThat(constraints).asList().contains("user_id", "tweet_id");
    }

    @Test
    void malformedFileLeavesTheDatabaseAsItWas(@TempDir Path home, @TempDir Path bad) throws Exception {
        GraphDatabaseService db = start(home);
        new TransactionalLoader(Progress.silent()).load(csv, db);
        List<String> before = GraphDump.of(db);

        // A second directory: a new user and tweet, good engagements, then one with an unknown type.
        Files.writeString(bad.resolve("users.csv"), "id,handle,createdAt,verified\n9001,newbie,5,false\n");
        Files.writeString(
                bad.resolve("tweets.csv"),
                "id,authorId,createdAt,text,lang,hasMedia,hasVideo,hasLink,"
                        + "inReplyTo,conversationId,quotedId,retweetOf\n77,9001,6,\"hi, there\",en,false,false,false,,,,\n");
        Files.writeString(
                bad.resolve("engagements.csv"),
                "userId,tweetId,type,createdAt\n1,77,LIKED,7\n2,77,LIKED,8\n" + "3,77,SHARED,9\n");
        for (var loader : List.<java.util.function.Supplier<ImportStats>>of(
                () -> new TransactionalLoader(Progress.silent()).load(bad, db),
                () -> new CypherLoader(Progress.silent()).load(bad, db))) {
            assertThatThrownBy(loader::get)
                    .isInstanceOf(ImportException.class)
                    .hasMessageEndingWith(
                            "engagements.csv line 4: unknown type 'SHARED' for engagements.csv, expected one of"
                                    + " [LIKED, RETWEETED, REPLIED, QUOTED, CLICKED, PROFILE_CLICKED, VIDEO_VIEWED, DWELLED]");
            assertThat(GraphDump.of(db)).isEqualTo(before);
        }

        // A reference to a user that is neither in the files nor in the database.
        Files.writeString(bad.resolve("engagements.csv"), "userId,tweetId,type,createdAt\n424242,77,LIKED,7\n");
        assertThatThrownBy(() -> new TransactionalLoader(Progress.silent()).load(bad, db))
                .hasMessageEndingWith(
                        "engagements.csv line 2: userId 424242 is neither in users.csv nor in the database");
        assertThat(GraphDump.of(db)).isEqualTo(before);

        // References to users already in the database are fine: this adds to it.
        Files.writeString(bad.resolve("engagements.csv"), "userId,tweetId,type,createdAt\n1,77,LIKED,7\n");
        Files.writeString(bad.resolve("follows.csv"), "followerId,followeeId,createdAt\n9001,1,5\n");
        ImportStats added = new TransactionalLoader(Progress.silent()).load(bad, db);
        assertThat(added.nodes()).isEqualTo(2);
        assertThat(added.relationshipsCreated())
                .containsEntry("LIKED", 1L)
                .containsEntry("FOLLOWS", 1L)
                .containsEntry("POSTED", 1L);
    }

    @Test
    void cypherLoadGivesTheSameGraph(@TempDir Path home) {
        GraphDatabaseService db = start(home);
        ImportStats stats = new CypherLoader(40, Progress.silent()).load(csv, db);
        assertThat(GraphDump.of(db)).isEqualTo(expected);
        assertThat(stats.relationships()).isEqualTo(generated.relationships());
        assertThat(new CypherLoader(Progress.silent()).load(csv, db).relationships())
                .isZero();
        assertThat(GraphDump.of(db)).isEqualTo(expected);
    }

    @Test
    void bulkLoadGivesTheSameGraphAndRefusesAFullDatabase(@TempDir Path home) throws Exception {
        BulkLoader bulk = new BulkLoader(BulkLoader.Options.defaults().withMaxOffHeapMemory("256m"), Progress.silent());
        ImportStats stats = bulk.load(csv, home);
        assertThat(stats.nodesCreated()).containsEntry("User", 150L).containsEntry("Tweet", generated.tweets());
        assertThat(stats.relationships()).isEqualTo(generated.relationships());
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("bulk-import-"));
        }

        GraphDatabaseService db = start(home);
        assertThat(GraphDump.of(db)).isEqualTo(expected);
        List<?> indexes = db.executeTransactionally(
                "SHOW INDEXES YIELD name, state RETURN collect(name + ':' + state) AS i", Map.of(), r ->
                        (List<?>) r.next().get("i"));
        assertThat(indexes)
                .asList()
                .contains("user_id:ONLINE", "tweet_id:ONLINE", "tweet_created_at:ONLINE", "tweet_author_id:ONLINE");
        shutdown();

        assertThatThrownBy(() -> bulk.load(csv, home))
                .isInstanceOf(ImportException.DatabaseNotEmpty.class)
                .hasMessageContaining("already holds " + (150 + generated.tweets()) + " nodes");
    }

    @Test
    void bulkLoadFillsAnEmptyExistingDatabaseAndKeepsTrickyValues(@TempDir Path home, @TempDir Path dir)
            throws Exception {
        start(home);
        shutdown();
        // Without the start afterwards: the stats are the staged row counts, the schema is left to the caller.
        BulkLoader bulk = new BulkLoader(
                BulkLoader.Options.defaults().withMaxOffHeapMemory("256m").withStartAfterImport(false),
                Progress.silent());
        Files.writeString(dir.resolve("users.csv"), "id,handle,createdAt,verified\n1,a,5,false\n1,b,6,false\n");
        assertThatThrownBy(() -> bulk.load(dir, home))
                .hasMessageEndingWith("users.csv line 3: user id 1 appears more than once in users.csv");

        // Line breaks in a handle and a text, quotes, commas, non-ASCII, an empty text, an absent lang,
        // negative and Snowflake-sized ids.
        Files.writeString(
                dir.resolve("users.csv"),
                "id,handle,createdAt,verified\n-7,\"two\nlines, \"\"quoted\"\"\",5,TRUE\n9223372036854775807,zoë,6,false\n");
        Files.writeString(
                dir.resolve("tweets.csv"),
                "id,authorId,createdAt,text,lang,hasMedia,hasVideo,hasLink,inReplyTo,conversationId,quotedId,retweetOf\n"
                        + "1741610223472218112,-7,100,\"a\r\nb \\ c\",,true,false,false,,,,\n"
                        + "1741610223472218113,9223372036854775807,101,\"\",de,false,false,false,1741610223472218112,"
                        + "1741610223472218112,1741610223472218112,1741610223472218112\n");
        Files.writeString(
                dir.resolve("engagements.csv"), "userId,tweetId,type,createdAt\n-7,1741610223472218113,liked,102\n");
        Files.writeString(dir.resolve("user-signals.csv"), "userId,targetUserId,type,createdAt\n-7,-7,MUTED,103\n");
        ImportStats stats = bulk.load(dir, home);
        assertThat(stats.nodesCreated()).containsEntry("User", 2L).containsEntry("Tweet", 2L);
        assertThat(stats.relationshipsCreated())
                .containsEntry("POSTED", 2L)
                .containsEntry("LIKED", 1L)
                .containsEntry("MUTED", 1L);
        List<String> bulkGraph = GraphDump.of(start(home));
        assertThat(bulkGraph).isEqualTo(GraphDump.expected(dir));
        assertThat(bulkGraph).anyMatch(line -> line.contains("handle=two\nlines, \"quoted\""));

        // The transactional path reads the same values the same way.
        GraphDatabaseService other = start(home.resolve("other"));
        new TransactionalLoader(Progress.silent()).load(dir, other);
        assertThat(GraphDump.of(other)).isEqualTo(bulkGraph);
    }
}
